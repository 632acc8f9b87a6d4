/** The `report` command, run in this process (runCli): exit codes, output formats, languages, init. */
import { unzipSync } from 'fflate';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runReport, STACK_FRAME, tempDir } from './helpers/cli';

const seed = 'fixtures/yichun-2023.yaml';
/** Named as the body face, it makes a run clean on a machine without 仿宋, where the shipped stand-in is a warning (RPT5012, tests/font-names.test.ts). */
const bodyFont = 'fangsong=fonts/NotoSerifSC-Regular.ttf';

describe('report validate', () => {
  test('a clean report exits 0 and says so', async () => {
    const r = await runReport(['validate', seed, '--font', bodyFont]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('✔ 1 个文件：0 个错误，0 个警告');
  });

  test('errors exit 1 with file:line:column, a code frame and a hint', async () => {
    const r = await runReport(['validate', 'fixtures/invalid/r2-row-total.yaml']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('fixtures/invalid/r2-row-total.yaml:25:27 错误 RPT3003 表三“一、本年新收政府信息公开申请数量”的“总计”应为 12，实际为 13');
    expect(r.stderr).toMatch(/> 25 \|   new: \[8, 2, 0, 1, 0, 1, 13\]/);
    expect(r.stderr).toMatch(/\n {5}\| {27}\^\^\n/);
    expect(r.stderr).toContain('= 提示: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 = 8 + 2 + 0 + 1 + 0 + 1 = 12');
    // One wrong total is one error: the balance (R1) and the text (R14) use the row's true sum.
    expect(r.stderr).toMatch(/✖ 1 个文件：1 个错误，\d 个警告/);
  });

  test('--lang en speaks English', async () => {
    const r = await runReport(['validate', '--lang', 'en', 'fixtures/invalid/r4-case-total.yaml']);
    expect(r.stderr).toContain('error RPT3005 table 4 "administrative review": total should be 2, found 3');
    expect(r.stderr).toMatch(/✖ 1 file: 1 error, \d warnings?/);
  });

  test('warnings pass unless --strict', async () => {
    expect((await runReport(['validate', 'fixtures/invalid/r13-late.yaml'])).status).toBe(0);
    expect((await runReport(['validate', '--strict', 'fixtures/invalid/r13-late.yaml'])).status).toBe(1);
  });

  test('--json prints every file with positions, codes and both languages', async () => {
    const r = await runReport(['validate', '--json', seed, 'fixtures/invalid/r1c-balance-column.yaml']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toBe(2);
    expect(out.files.map((f: { file: string; ok: boolean }) => [f.file, f.ok])).toEqual([
      [seed, true],
      ['fixtures/invalid/r1c-balance-column.yaml', false],
    ]);
    const first = out.files[1].diagnostics[0];
    expect(first).toMatchObject({ code: 'RPT3002', severity: 'error', line: 53, column: 19, pointer: '/applications/carry_forward/0', rule: 'R1c' });
    expect(first.message.en).toBe(
      'table 3 does not balance in column "natural persons": new + carried over = 8 + 1 = 9, results total + carried forward = 8 + 0 = 8',
    );
    expect(first.hints[0].en).toBe(
      'at least one of the four is wrong; if the other three are right: carried forward should be 1; or the results total (rows （一）–（六）) should be 9; or new applications should be 7; or carried over should be 0',
    );
    expect(first.hints.some((h: { pointer: string | null; line: number | null }) => h.pointer === '/applications/new/0' && h.line === 25)).toBe(true);
  });

  test('--previous runs the cross-year rules', async () => {
    const r = await runReport(['validate', 'fixtures/invalid/r8-r9-cross-year.yaml', '--previous', 'fixtures/valid/busy-county-2022.yaml']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('RPT3008');
    expect(r.stderr).toContain('RPT3009');
  });

  test('usage errors exit 2', async () => {
    expect((await runReport(['validate'])).status).toBe(2);
    expect((await runReport(['frobnicate'])).status).toBe(2);
    expect((await runReport(['validate', '--lang', 'fr', seed])).status).toBe(2);
    expect((await runReport(['validate', seed, seed, '--previous', seed])).status).toBe(2);
  });

  test('--help lists the exit codes', async () => {
    const r = await runReport(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('退出码 exit codes');
    expect(r.stdout).toContain('2  命令行用法错误');
  });

  test('missing files and directories are diagnostics, not crashes', async () => {
    const r = await runReport(['validate', 'no-such.yaml', 'fixtures/seed']); // a folder without YAML reports
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no-such.yaml 错误 RPT1007 找不到文件“no-such.yaml”');
    expect(r.stderr).toContain('fixtures/seed 错误 RPT1008');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('report init', () => {
  test('writes a commented zero report that validates clean, and never overwrites without --force', async () => {
    const dir = tempDir();
    const r = await runReport(['init', '--year', '2024', '--organ', '某市生态环境局'], { cwd: dir });
    expect(r.status).toBe(0);
    const file = path.join(dir, '2024.yaml');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('organ: 某市生态环境局 # 发布机关全称（落款）');
    expect(text).toContain('# （六）其他处理');
    expect(text).toContain('# 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\/nianbao\.schema\.json$/m);
    expect(fs.existsSync(path.join(dir, 'nianbao.schema.json'))).toBe(true);
    const v = await runReport(['validate', '--strict', file, '--font', bodyFont]);
    expect(v.stderr).toContain('0 个错误，0 个警告');
    expect(v.status).toBe(0);

    fs.writeFileSync(file, 'keep me');
    const again = await runReport(['init', '--year', '2024'], { cwd: dir });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('RPT5002');
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    expect((await runReport(['init', '--year', '2024', '--force'], { cwd: dir })).status).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('format: "2021"');
  });

  test('an init report builds straight into a PDF and a DOCX', async () => {
    const dir = tempDir();
    expect((await runReport(['init', '--year', '2025', '--organ', '某市生态环境局'], { cwd: dir })).status).toBe(0);
    const r = await runReport(['build', '2025.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'output')).sort()).toEqual(['2025.docx', '2025.pdf']);
  });

  test('-o names the file; a bad --year is a usage error', async () => {
    const dir = tempDir();
    expect((await runReport(['init', '--year', '2025', '-o', 'sub/x.yaml'], { cwd: dir })).status).toBe(0);
    expect(fs.existsSync(path.join(dir, 'sub', 'x.yaml'))).toBe(true);
    expect((await runReport(['init', '--year', 'twenty'], { cwd: dir })).status).toBe(2);
  });
});

describe('report build', () => {
  test('writes output/<name>.docx and, with --emit model, the model JSON; says what it wrote', async () => {
    const out = tempDir();
    const r = await runReport(['build', seed, '--out', out, '--emit', 'model']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`已生成 ${path.join(out, 'yichun-2023.docx')}`);
    expect(fs.readFileSync(path.join(out, 'yichun-2023.docx')).subarray(0, 2).toString()).toBe('PK');
    const model = JSON.parse(fs.readFileSync(path.join(out, 'yichun-2023.model.json'), 'utf8'));
    expect(model.meta.title).toBe('宜春经济技术开发区2023年度政府信息公开工作年度报告');
    expect(Object.keys(model)).toEqual(['blocks', 'meta']);
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a report with errors is not built and an earlier good output is left untouched', async () => {
    const out = tempDir();
    const bad = path.join(out, 'yichun-2023.yaml');
    fs.writeFileSync(bad, fs.readFileSync(seed, 'utf8').replace('licensing: 49255', 'licensing: -1'));
    fs.writeFileSync(path.join(out, 'yichun-2023.docx'), 'earlier good output');
    const r = await runReport(['build', bad, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('RPT2008');
    expect(fs.readFileSync(path.join(out, 'yichun-2023.docx'), 'utf8')).toBe('earlier good output');
    expect(fs.readdirSync(out).sort()).toEqual(['yichun-2023.docx', 'yichun-2023.yaml']);
  });

  test('several files: the good ones are built, the bad one reported; --json lists outputs', async () => {
    const out = tempDir();
    const r = await runReport(['build', '--json', '--out', out, seed, 'fixtures/invalid/r4-case-total.yaml', 'fixtures/valid/busy-county.yaml']);
    expect(r.status).toBe(1);
    const result = JSON.parse(r.stdout);
    expect(result.files.map((f: { file: string; ok: boolean; outputs: string[] }) => [f.file, f.ok, f.outputs.map((o) => path.basename(o))])).toEqual([
      [seed, true, ['yichun-2023.pdf', 'yichun-2023.docx']],
      ['fixtures/invalid/r4-case-total.yaml', false, []],
      ['fixtures/valid/busy-county.yaml', true, ['busy-county.pdf', 'busy-county.docx']],
    ]);
    expect(fs.readdirSync(out).sort()).toEqual(['busy-county.docx', 'busy-county.pdf', 'yichun-2023.docx', 'yichun-2023.pdf']);
  });

  test('an unwritable output folder is an I/O error (exit 3), not a crash', async () => {
    const out = tempDir();
    const blocker = path.join(out, 'file');
    fs.writeFileSync(blocker, 'not a folder');
    const r = await runReport(['build', seed, '--out', path.join(blocker, 'sub')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('RPT5001');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  test('builds in different time zones are byte-identical', async () => {
    const outputs: Buffer[][] = [];
    for (const zone of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles']) {
      const out = tempDir();
      expect((await runReport(['build', seed, '--out', out], { env: { TZ: zone } })).status).toBe(0);
      outputs.push(['yichun-2023.docx', 'yichun-2023.pdf'].map((name) => fs.readFileSync(path.join(out, name))));
    }
    for (const other of outputs.slice(1)) other.forEach((bytes, i) => expect(bytes.equals(outputs[0]?.[i] as Buffer)).toBe(true));
  });

  test('SOURCE_DATE_EPOCH, not the report date, dates both outputs; the same input builds the same bytes', async () => {
    // 2024-06-01 12:00 UTC: not the report's date (2024-01-25), so the dates read back can only come from it.
    const epoch = '1717243200';
    const [a, b] = [tempDir(), tempDir()];
    await runReport(['build', seed, '--out', a], { env: { SOURCE_DATE_EPOCH: epoch, TZ: 'Asia/Shanghai' } });
    await runReport(['build', seed, '--out', b], { env: { SOURCE_DATE_EPOCH: epoch, TZ: 'America/Los_Angeles' } });
    for (const name of ['yichun-2023.docx', 'yichun-2023.pdf']) {
      const [x, y] = [a, b].map((dir) => fs.readFileSync(path.join(dir, name)));
      expect(x?.equals(y as Buffer)).toBe(true);
    }
    const core = Buffer.from(unzipSync(fs.readFileSync(path.join(a, 'yichun-2023.docx')))['docProps/core.xml'] as Uint8Array).toString('utf8');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-06-01T12:00:00Z</dcterms:created>');
    expect((await runReport(['build', seed, '--format', 'odt'])).status).toBe(2);
  });
});

describe('report build: PDF, fonts, parallel batches', () => {
  test('a batch on a terminal shows a progress bar; results are still listed in input order', async () => {
    const out = tempDir();
    const { status, stderr } = await runReport(['build', '--jobs', '1', '--format', 'docx', '--out', out, seed, 'fixtures/valid/busy-county.yaml'], {
      isTTY: true,
    });
    expect(status).toBe(0);
    expect(stderr).toContain('构建 1/2 [████████████░░░░░░░░░░░░] 50% fixtures/yichun-2023.yaml');
    expect(stderr).toContain('构建 2/2 [████████████████████████] 100% fixtures/valid/busy-county.yaml');
    expect(stderr.indexOf(`已生成 ${path.join(out, 'yichun-2023.docx')}`)).toBeLessThan(stderr.indexOf(`已生成 ${path.join(out, 'busy-county.docx')}`));
  });

  test('two inputs that would write the same output are refused before anything is built', async () => {
    const dir = tempDir();
    for (const sub of ['a', 'b']) {
      fs.mkdirSync(path.join(dir, sub));
      fs.copyFileSync(seed, path.join(dir, sub, '2023.yaml'));
    }
    const r = await runReport(['build', 'a/2023.yaml', 'b/2023.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('这些文件会生成同名输出');
    expect(r.stderr).toContain('a/2023.yaml, b/2023.yaml');
    expect(fs.existsSync(path.join(dir, 'output'))).toBe(false);
  });

  test('--format pdf writes only the PDF; --pdfa 3b marks it PDF/A-3B', async () => {
    const out = tempDir();
    expect((await runReport(['build', seed, '--format', 'pdf', '--pdfa', '3b', '--out', out])).status).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['yichun-2023.pdf']);
    const raw = fs.readFileSync(path.join(out, 'yichun-2023.pdf'), 'latin1');
    expect(raw).toMatch(/<pdfaid:part>3<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
  });

  test('a character no font has stops the build with its position; nothing is written', async () => {
    const out = tempDir();
    const file = path.join(out, 'private-use.yaml');
    fs.writeFileSync(file, fs.readFileSync(seed, 'utf8').replace('2023年，我区未收到依申请公开办理件。', '2023年，我区未收到依申请公开办理件\u{F0000}。'));
    const r = await runReport(['build', file, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ 错误 RPT5003 没有任何可用字体能显示字符“\u{F0000}”（U\\+F0000）`),
    );
    expect(fs.readdirSync(out)).toEqual(['private-use.yaml']);
  });

  test('--font names a file per role; a missing one is an error; report fonts explains the choice', async () => {
    const serif = 'fonts/NotoSerifSC-Regular.ttf';
    const fonts = await runReport(['fonts', '--font', `heiti=${serif}`]);
    expect(fonts.status).toBe(0);
    expect(fonts.stdout).toContain(`黑体（一级标题）: ${serif}`);
    expect(fonts.stdout).toContain('原因: 由 --font 或报告的 fonts 指定');
    expect(fonts.stdout).toMatch(/仿宋（正文）: .*fonts\/NotoSerifSC-Regular\.ttf\n {2}原因: 未找到公文字体/);
    expect(fonts.stdout).toContain('查找: 仿宋_GB2312, FangSong_GB2312, 仿宋, FangSong, 方正仿宋_GBK');
    expect(fonts.stdout).toMatch(/^查找的字体目录: .*fonts/);
    const out = tempDir();
    const missing = await runReport(['build', seed, '--out', out, '--font', 'fangsong=/nonexistent/仿宋.ttf']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('RPT5004');
    expect(fs.readdirSync(out)).toEqual([]);
    expect((await runReport(['build', seed, '--font', 'bold=x.ttf'])).status).toBe(2);
    // The report's own fonts key, relative to the report file; a missing file is pointed at in the YAML.
    const withFonts = path.join(out, 'with-fonts.yaml');
    fs.copyFileSync(serif, path.join(out, 'body.ttf'));
    fs.writeFileSync(withFonts, fs.readFileSync(seed, 'utf8') + 'fonts: {fangsong: body.ttf, heiti: missing.ttf}\n');
    const pointed = await runReport(['build', withFonts, '--out', out]);
    expect(pointed.status).toBe(1);
    expect(pointed.stderr).toMatch(/with-fonts\.yaml:\d+:\d+ 错误 RPT5004 指定的黑体（一级标题）字体文件“.*missing\.ttf”不存在/);
    fs.writeFileSync(withFonts, fs.readFileSync(seed, 'utf8') + 'fonts: {fangsong: body.ttf}\n');
    expect((await runReport(['build', withFonts, '--out', out, '--format', 'pdf'])).status).toBe(0);
    expect(fs.existsSync(path.join(out, 'with-fonts.pdf'))).toBe(true);
    expect((await runReport(['build', seed, '--jobs', '0'])).status).toBe(2);
  });
});
