/**
 * `report import … --check`: a reviewing office checks a folder of published reports in one command
 * — one line per report (organ, year, errors, warnings) plus every diagnostic, in parallel, nothing
 * written unless --out says where; a file that cannot be imported (unknown format, too large, not a
 * regular file) is one RPT1019 and never stops the others.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IMPORT_LIMIT_BYTES } from '../src/core/import';
import { runReport, STACK_FRAME, tempDir } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';

const seedText = fs.readFileSync(path.join(FIXTURES, 'seed', 'yichun-2023.txt'), 'utf8');

interface ReviewFile {
  file: string;
  ok: boolean;
  errors: number;
  warnings: number;
  format: string | null;
  organ: string | null;
  year: number | null;
  output: string | null;
  diagnostics: { code: string; severity: string; file: string; line: number | null }[];
}
interface Review {
  version: number;
  files: ReviewFile[];
  errors: number;
  warnings: number;
}

/** A folder of published reports: the seed, the seed with a wrong total, a file of no known format, and text that is no report. */
function folder(): { dir: string; files: string[] } {
  const dir = tempDir();
  const write = (name: string, content: string | Uint8Array) => {
    fs.writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  };
  const lines = seedText.split('\n');
  lines[101] = '\t5'; // the 总计 of 一、本年新收 (0 in the seed)
  return {
    dir,
    files: [
      write('a.txt', seedText),
      write('b.txt', lines.join('\n')),
      write('c.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])),
      write('d.txt', '会议纪要\n今天开会。\n'),
    ],
  };
}

const review = async (args: string[]) => {
  const result = await runReport(['import', '--check', ...args]);
  return { ...result, json: args.includes('--json') ? (JSON.parse(result.stdout) as Review) : undefined };
};

describe('report import --check', () => {
  it('gives one entry per report: organ, year, counts and the diagnostics; nothing is written', async () => {
    const { dir, files } = folder();
    const { status, json, stderr } = await review([...files, '--json']);
    expect(status).toBe(1);
    expect(stderr).not.toMatch(STACK_FRAME);
    const [a, b, c, d] = json?.files ?? [];
    expect(a).toMatchObject({ file: files[0], ok: true, errors: 0, format: 'text', organ: '宜春经济技术开发区管理委员会', year: 2023, output: null });
    expect(b).toMatchObject({ ok: false, errors: 1, organ: '宜春经济技术开发区管理委员会', year: 2023 });
    // The checker's error names where the value stands in the published report, not only in the YAML.
    const total = b?.diagnostics.find((x) => x.code === 'RPT3003') as unknown as { hints: { zh: string }[] };
    expect(total.hints.map((h) => h.zh)).toContain('原文位置：第 102 行');
    expect(c).toMatchObject({ ok: false, errors: 1, format: null, organ: null });
    expect(c?.diagnostics.map((x) => x.code)).toEqual(['RPT1019']);
    // Text that is no annual report is refused as such, not reported as 44 missing rows.
    expect(d?.diagnostics.map((x) => x.code)).toEqual(['RPT1019']);
    expect(JSON.stringify(d)).toContain('不是政府信息公开工作年度报告');
    expect(json?.errors).toBe((json?.files ?? []).reduce((sum, f) => sum + f.errors, 0));
    expect(fs.readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt', 'c.bin', 'd.txt']);
  });

  it('reads the same in parallel as one at a time', async () => {
    const { files } = folder();
    expect((await review([...files, '--json', '-j', '2'])).json).toEqual((await review([...files, '--json', '-j', '1'])).json);
  });

  it('ends with a table of one line per report, before the summary line', async () => {
    const { files } = folder();
    const { stderr } = await review(files);
    const table = stderr.slice(stderr.lastIndexOf('文件  '));
    const rows = table.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^文件\s+机关\s+年度\s+错误\s+警告$/);
    // The seed's two unnumbered part headings are its 2 warnings (RPT4006).
    expect(rows[1]).toMatch(new RegExp(`^${files[0]}\\s+宜春经济技术开发区管理委员会\\s+2023\\s+0\\s+2$`));
    expect(rows[2]).toMatch(/\s2023\s+1\s+2$/);
    expect(rows[3]).toMatch(/c\.bin\s+无法导入\s+\?\s+1\s+0$/);
    expect(rows).toHaveLength(6);
    expect(rows[5]).toMatch(/^✖ 4 个文件/); // the summary line closes the run
  });

  it('pairs the reports of one organ in consecutive years, whatever the file names, and checks each pair across years', async () => {
    // The real 平潭 reports of 2021–2023 under names that hide their years.
    const dir = tempDir();
    const names = { 'x.txt': 2023, 'y.txt': 2021, 'z.txt': 2022 };
    for (const [name, year] of Object.entries(names)) fs.copyFileSync(path.join(FIXTURES, 'import', 'real', `pingtan-${year}.txt`), path.join(dir, name));
    const run = await runReport(['import', '--check', dir, '--json']);
    const json = JSON.parse(run.stdout) as Review & {
      pairs: { organ: string; previous: { file: string; year: number }; current: { file: string; year: number }; codes: string[] }[];
    };
    const at = (name: string) => path.join(dir, name);
    expect(json.pairs.map((p) => [p.organ, p.previous, p.current, p.codes])).toEqual([
      ['平潭综合实验区', { file: at('y.txt'), year: 2021 }, { file: at('z.txt'), year: 2022 }, ['RPT3018']],
      ['平潭综合实验区', { file: at('z.txt'), year: 2022 }, { file: at('x.txt'), year: 2023 }, ['RPT3018']],
    ]);
    // 行政强制 42 in 2021, 0 in 2022, 54 in 2023: each change is the later report's warning, with its numbers and its place in the source.
    const enforcement = json.files.find((f) => f.file === at('x.txt'))?.diagnostics.find((d) => d.code === 'RPT3018') as unknown as {
      message: { zh: string };
      hints: { zh: string }[];
    };
    expect(enforcement.message.zh).toBe('表二“行政强制”由2022年的 0 变为 54（上年为 0），变化异常大');
    expect(enforcement.hints.map((h) => h.zh)).toContainEqual(expect.stringMatching(/^原文位置：第 \d+ 行$/));
    const { stderr } = await runReport(['import', '--check', dir]);
    expect(stderr).toContain('跨年度核对（同一机关相邻年度的报告，2 对）');
  });

  it('writes each report where --out says', async () => {
    const { files } = folder();
    const out = tempDir();
    const { json } = await review([files[0] as string, files[1] as string, '--out', out, '--json']);
    expect(json?.files.map((f) => f.output)).toEqual([path.join(out, 'a.yaml'), path.join(out, 'b.yaml')]);
    // With the schema their language-server line names (schema-travel.test.ts).
    expect(fs.readdirSync(out).sort()).toEqual(['a.yaml', 'b.yaml', 'nianbao.schema.json']);
  });
});

describe('files import cannot read', () => {
  it('refuses a file over the limit without reading it, and goes on with the rest', async () => {
    const dir = tempDir();
    const big = path.join(dir, 'big.pdf');
    fs.writeFileSync(big, '%PDF-1.7\n');
    fs.truncateSync(big, 200 * 1024 * 1024); // sparse: 200 MB on paper
    expect(IMPORT_LIMIT_BYTES).toBeLessThan(200 * 1024 * 1024);
    const seed = path.join(dir, 'seed.txt');
    fs.writeFileSync(seed, seedText);
    const { status, json, stderr } = await review([big, seed, '--json']);
    expect(status).toBe(1);
    expect(stderr).not.toMatch(STACK_FRAME);
    const [bigResult, seedResult] = json?.files ?? [];
    expect(bigResult?.diagnostics.map((d) => d.code)).toEqual(['RPT1019']);
    expect(JSON.stringify(bigResult)).toContain('文件过大（200 MB）');
    expect(seedResult?.ok).toBe(true);
  });

  it('refuses an empty page and an empty file, saying so', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'empty.html'), '<html><head><meta charset="gbk"></head><body><div id="nav">首页</div></body></html>');
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    const { json } = await review([path.join(dir, 'empty.html'), path.join(dir, 'empty.txt'), '--json']);
    expect(json?.files.map((f) => f.diagnostics.map((d) => d.code))).toEqual([['RPT1019'], ['RPT1019']]);
    expect(JSON.stringify(json?.files[1])).toContain('文件是空的');
  });

  it('does not wait on a FIFO', async () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const result = await runReport(['import', fifo]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('不是普通文件');
  });

  it('names the usage problems of the options', async () => {
    const { files } = folder();
    expect((await runReport(['import', ...files])).stderr).toContain('--check');
    expect((await runReport(['import', ...files, '-o', 'x.yaml'])).status).toBe(2);
    expect((await runReport(['import', files[0] as string, '-j', '0'])).status).toBe(2);
  });
});
