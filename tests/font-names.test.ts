/**
 * Official faces found by family name, whatever their files are called, and no silent stand-ins
 * (issue #15). Test fonts are the shipped TrueType fonts with their name tables rewritten
 * (helpers/font-names.ts), put in a temporary "system" font folder that the XDG variables point
 * the real command at; the stand-in warning is read back from build and validate, human and JSON.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Io } from '../src/cli/io';
import { runCli } from '../src/cli/main';
import { readFaceNames } from '../src/fonts/font-names';
import { BUNDLED, FONT_ROLES, resolveFonts } from '../src/fonts/resolve';
import { SHIPPED_FONTS, shippedFontFile } from '../src/fonts/shipped-fonts';
import { CACHE_NAME } from '../src/fonts/system-fonts';
import { nodeHost, type Host } from '../src/host';
import { spawnReport, STACK_FRAME, tempDir } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';
import { collection, familyRecords, shippedBytes, utf16be, withNames } from './helpers/font-names';

const seed = path.join(FIXTURES, 'yichun-2023.yaml');
const serifPath = BUNDLED.fangsong.file;

/** A made-up machine: its font folder (empty), its cache folder, and the environment that makes the command use them. */
function machine() {
  const root = tempDir();
  const fonts = path.join(root, 'data', 'fonts');
  fs.mkdirSync(fonts, { recursive: true });
  const cache = path.join(root, 'cache');
  const env = { HOME: path.join(root, 'home'), XDG_DATA_HOME: path.join(root, 'data'), XDG_DATA_DIRS: '', XDG_CACHE_HOME: cache };
  const install = (name: string, bytes: Uint8Array) => {
    const file = path.join(fonts, name);
    fs.writeFileSync(file, bytes);
    return file;
  };
  return { root, fonts, env, install, cacheFile: path.join(cache, 'nianbao', CACHE_NAME) };
}

/** 仿宋_GB2312 as Windows names it, in a file named nothing like it. */
const fangsongGb2312 = () => withNames(familyRecords({ en: 'FangSong_GB2312', zh: '仿宋_GB2312' }));

/** Copies of the seed report in a fresh folder. */
function seeds(count: number): string[] {
  const dir = tempDir();
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `report-${i + 1}.yaml`);
    fs.copyFileSync(seed, file);
    return file;
  });
}

interface JsonRun {
  files: { file: string; warnings: number; diagnostics: { code: string }[] }[];
  diagnostics: { code: string; file: string; message: { zh: string; en: string }; hints: { zh: string }[] }[];
  errors: number;
  warnings: number;
}

const count = (text: string, word: string) => text.split(word).length - 1;

describe('family names from the name table', () => {
  test('every platform and language: Windows UTF-16 (en-US, zh-CN), Windows PRC (GBK), Mac Roman; the typographic family first', async () => {
    const host = nodeHost({});
    const { install } = machine();
    const file = install(
      'x.ttf',
      withNames([
        { platform: 1, encoding: 0, language: 0, id: 1, bytes: Buffer.from('FangSong Mac\x8a', 'latin1') }, // 0x8A is ä in Mac Roman
        { platform: 3, encoding: 1, language: 0x0409, id: 1, bytes: utf16be('FangSong_GB2312') },
        { platform: 3, encoding: 1, language: 0x0804, id: 1, bytes: utf16be('仿宋_GB2312') },
        { platform: 3, encoding: 1, language: 0x0409, id: 16, bytes: utf16be('FangSong') },
        // 方正仿宋 in GBK as 16-bit codes, the way old Founder fonts store it.
        { platform: 3, encoding: 3, language: 0x0804, id: 1, bytes: Buffer.from('b7bdd5fdb7c2cbce', 'hex') },
        { platform: 3, encoding: 1, language: 0x0409, id: 2, bytes: utf16be('Regular') },
      ]),
    );
    const faces = readFaceNames(host, file, fs.statSync(file).size);
    expect(faces).toEqual([{ families: ['FangSong', 'FangSong Macä', 'FangSong_GB2312', '仿宋_GB2312', '方正仿宋'], weight: 400 }]);
  });

  test('the shipped faces: the family names written in shipped-fonts.ts are those their name tables give', () => {
    const host = nodeHost({});
    for (const role of FONT_ROLES) {
      const file = shippedFontFile(role);
      expect([role, readFaceNames(host, file, fs.statSync(file).size).map((face) => face.families)]).toEqual([role, [SHIPPED_FONTS[role].families]]);
    }
  });

  test('a collection: each face by its PostScript name; 宋体 (SimSun) is the SimSun face of simsun.ttc, not NSimSun, and the PDF draws with it', async () => {
    const m = machine();
    const { install, root } = m;
    const ttc = install(
      'simsun-renamed.ttc',
      collection([familyRecords({ en: 'NSimSun', zh: '新宋体' }), familyRecords({ en: 'SimSun', zh: '宋体' }, 'SimSun')]),
    );
    const host: Host = { ...nodeHost({}), fontDirs: () => [path.dirname(ttc)], userCacheDir: () => path.join(root, 'cache') };
    expect(readFaceNames(host, ttc, fs.statSync(ttc).size).map((face) => [face.postscriptName, face.families])).toEqual([
      ['NSimSun', ['NSimSun', '新宋体']],
      ['SimSun', ['SimSun', '宋体']],
    ]);
    const songti = resolveFonts(host).songti;
    expect([songti.font, songti.source, songti.family, songti.design]).toEqual([{ file: ttc, postscriptName: 'SimSun' }, 'system', '宋体', 'song']);
    // The page numbers are drawn in it: the PDF embeds a subset of the SimSun face.
    const out = path.join(root, 'out');
    expect(spawnReport(['build', '--format', 'pdf', '--out', out, seed], { env: m.env }).status).toBe(0);
    expect(execFileSync('pdffonts', [path.join(out, 'yichun-2023.pdf')], { encoding: 'utf8' })).toMatch(/\+SimSun\b/);
  });
});

describe('report fonts: found by family name, and says why', () => {
  test('a renamed 仿宋_GB2312 is the body face; the shipped serif face is named a stand-in when it is missing', async () => {
    const m = machine();
    const before = spawnReport(['fonts'], { env: m.env });
    expect(before.status).toBe(0);
    expect(before.stdout).toMatch(
      /仿宋（正文）: .*NotoSerifSC-Regular\.ttf\n {2}原因: 未找到公文字体.*\n {2}字形: 宋体（字族名“Noto Serif SC”），格式要求仿宋：代用字体\n/,
    );
    // 小标宋 in the bold serif face keeps its design (小标宋 is a 宋体 cut): no stand-in.
    expect(before.stdout).toMatch(/小标宋（标题）: .*NotoSerifSC-Bold\.ttf\n.*\n {2}字形: 宋体（字族名“Noto Serif SC”）\n/);
    const file = m.install('a1b2c3.ttf', fangsongGb2312());
    const after = spawnReport(['fonts'], { env: m.env });
    expect(after.stdout).toContain(`仿宋（正文）: ${file}\n  原因: 本机已安装的公文字体，字族名“仿宋_GB2312”\n  字形: 仿宋\n  查找: 仿宋_GB2312 ✔\n`);
    const en = spawnReport(['fonts', '--lang', 'en'], { env: m.env });
    expect(en.stdout).toContain(`FangSong (body): ${file}\n  why: official face installed on this machine, family name "仿宋_GB2312"\n  design: FangSong\n`);
  });

  test('garbage in the font folder is skipped: random bytes, a truncated font, an empty file, a FIFO, a folder named like a font', async () => {
    const m = machine();
    m.install('random.ttf', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)));
    m.install('cut.ttf', shippedBytes().subarray(0, 8192));
    m.install('empty.otf', new Uint8Array());
    execFileSync('mkfifo', [path.join(m.fonts, 'pipe.ttf')]);
    fs.mkdirSync(path.join(m.fonts, 'folder.ttf'));
    const file = m.install('zz-fangsong.ttf', fangsongGb2312());
    const r = spawnReport(['fonts'], { env: m.env });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain(`仿宋（正文）: ${file}\n`);
    expect(r.stdout).not.toMatch(STACK_FRAME);
    // Remembered as no font until they change; the FIFO and the folder were never opened nor listed.
    const cached = JSON.parse(fs.readFileSync(m.cacheFile, 'utf8')) as { files: Record<string, { faces: unknown[] }> };
    expect(Object.fromEntries(Object.entries(cached.files).map(([f, entry]) => [path.basename(f), entry.faces.length]))).toEqual({
      'cut.ttf': 0,
      'empty.otf': 0,
      'random.ttf': 0,
      'zz-fangsong.ttf': 1,
    });
  });
});

describe('the name cache', () => {
  test('a second run takes the names from the cache (size and time unchanged); a new time reads the file again; a corrupt cache is ignored and rewritten', async () => {
    const m = machine();
    // Named in Chinese only, so that rewriting that one name changes what the face is.
    const file = m.install('body.ttf', withNames([{ platform: 3, encoding: 1, language: 0x0804, id: 1, bytes: utf16be('仿宋_GB2312') }]));
    // A whole-second time, which utimes can put back exactly (the file system keeps finer times than a Date).
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    fs.utimesSync(file, mtime, mtime);
    expect(spawnReport(['fonts'], { env: m.env }).stdout).toContain(`仿宋（正文）: ${file}\n`);
    expect(fs.existsSync(m.cacheFile)).toBe(true);
    // Rewrite the face's Chinese family name in place (same length) and put the time back: only a run that
    // reads the cache still sees 仿宋_GB2312.
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf(utf16be('仿宋_GB2312'));
    utf16be('楷体_GB2312').copy(bytes, at);
    expect(bytes.indexOf(utf16be('仿宋_GB2312'))).toBe(-1);
    fs.writeFileSync(file, bytes);
    fs.utimesSync(file, mtime, mtime);
    const cachedRun = spawnReport(['fonts'], { env: m.env }).stdout;
    expect(cachedRun).toContain(`仿宋（正文）: ${file}\n`);
    expect(cachedRun).not.toContain(`楷体（二级标题）: ${file}\n`);
    // A new modification time: read again, and now it is a 楷体 and no longer a 仿宋.
    fs.utimesSync(file, mtime, new Date(mtime.getTime() + 10_000));
    const reread = spawnReport(['fonts'], { env: m.env }).stdout;
    expect(reread).toContain(`楷体（二级标题）: ${file}\n  原因: 本机已安装的公文字体，字族名“楷体_GB2312”\n`);
    expect(reread).toMatch(/仿宋（正文）: .*NotoSerifSC-Regular\.ttf\n/);
    fs.writeFileSync(m.cacheFile, '{"version":1,"files":{"' + file + '":{"size":"x"');
    expect(spawnReport(['fonts'], { env: m.env }).stdout).toContain(`楷体（二级标题）: ${file}\n`);
    expect(Object.keys((JSON.parse(fs.readFileSync(m.cacheFile, 'utf8')) as { files: object }).files)).toEqual([file]);
  });

  test('a cache over the size bound is not read (a lie in it is not believed); an unwritable cache folder only costs the reads', async () => {
    const m = machine();
    const file = m.install('body.ttf', fangsongGb2312());
    const { size, mtimeMs } = fs.statSync(file);
    // Valid JSON that would make the file a 楷体, padded past 8 MiB.
    const lie = { version: 1, files: { [file]: { size, mtimeMs, faces: [{ families: ['楷体_GB2312'], weight: 400 }] } }, pad: 'x'.repeat(9 * 1024 * 1024) };
    fs.mkdirSync(path.dirname(m.cacheFile), { recursive: true });
    fs.writeFileSync(m.cacheFile, JSON.stringify(lie));
    expect(spawnReport(['fonts'], { env: m.env }).stdout).toContain(`仿宋（正文）: ${file}\n`);
    const blocked = spawnReport(['fonts'], { env: { ...m.env, XDG_CACHE_HOME: path.join(file, 'not-a-folder') } });
    expect([blocked.status, blocked.stderr]).toEqual([0, '']);
    expect(blocked.stdout).toContain(`仿宋（正文）: ${file}\n`);
  });
});

describe('no silent stand-ins: RPT5012 once per run', () => {
  test('a batch build without 仿宋: one warning for the run (human and --json), exit 0; --strict fails and writes nothing', async () => {
    const m = machine();
    const files = seeds(3);
    const out = path.join(m.root, 'out');
    const human = spawnReport(['build', '--format', 'pdf', '--out', out, ...files], { env: m.env });
    expect(human.status).toBe(0);
    expect(count(human.stderr, 'RPT5012')).toBe(1);
    expect(human.stderr).toContain('警告 RPT5012 本机未安装格式要求的字体，PDF 中仿宋（正文）以宋体字形的 Noto Serif SC Regular 代替\n');
    expect(human.stderr).toContain('提示: 安装 仿宋_GB2312 或 方正仿宋_GBK 后重新生成；或用 --font fangsong=字体文件 指定');
    expect(human.stderr).toContain('⚠ 3 个文件：0 个错误，1 个警告');
    expect(fs.readdirSync(out).sort()).toEqual(['report-1.pdf', 'report-2.pdf', 'report-3.pdf']);

    const json = spawnReport(['build', '--json', '--format', 'pdf', '--out', path.join(m.root, 'out-json'), ...files], { env: m.env });
    expect(json.status).toBe(0);
    const run = JSON.parse(json.stdout) as JsonRun;
    expect(run.diagnostics.map((d) => [d.code, d.file])).toEqual([['RPT5012', '']]);
    expect(run.diagnostics[0]?.message.en).toBe(
      "the format's typefaces are not installed on this machine; in the PDF FangSong (body) is set in Noto Serif SC Regular, a Song (serif) face",
    );
    expect(run.files.map((f) => [f.warnings, f.diagnostics.length])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect([run.errors, run.warnings]).toEqual([0, 1]);

    const strict = spawnReport(['build', '--strict', '--format', 'pdf', '--out', path.join(m.root, 'out-strict'), ...files], { env: m.env });
    expect(strict.status).toBe(1);
    expect(count(strict.stderr, 'RPT5012')).toBe(1);
    expect(fs.existsSync(path.join(m.root, 'out-strict'))).toBe(false);
  });

  test("on a terminal the batch table counts each file's own warnings; the stand-in is said once, above it", async () => {
    const m = machine();
    const host: Host = { ...nodeHost({}), fontDirs: () => [m.fonts], userCacheDir: () => path.join(m.root, 'cache') };
    let stderr = '';
    const io: Io = { isTTY: true, plain: true, stdout: () => undefined, stderr: (text) => void (stderr += text) };
    const status = await runCli(['node', 'report', 'build', '--jobs', '1', '--format', 'pdf', '--out', path.join(m.root, 'out'), ...seeds(2)], host, io);
    expect(status).toBe(0);
    expect(count(stderr, 'RPT5012')).toBe(1);
    expect(stderr.indexOf('RPT5012')).toBeLessThan(stderr.indexOf('文件  '));
    const rows = stderr.slice(stderr.indexOf('文件  ')).split('\n');
    expect(rows.slice(1, 3).map((row) => row.split(/\s+/).slice(1, 4))).toEqual([
      ['已生成', '0', '0'],
      ['已生成', '0', '0'],
    ]);
    expect(rows[3]).toBe('⚠ 2 个文件：0 个错误，1 个警告');
  });

  test("--reporter gcc and github say it once too, as the program's own line and an annotation of the run (no file)", async () => {
    const m = machine();
    const files = seeds(2);
    const gcc = spawnReport(['validate', '--reporter', 'gcc', ...files], { env: m.env });
    expect([gcc.status, gcc.stderr.split('\n').filter((line) => line.includes('RPT5012'))]).toEqual([
      0,
      [expect.stringMatching(/^report: warning: RPT5012: 本机未安装格式要求的字体，PDF 中仿宋（正文）以宋体字形的 Noto Serif SC Regular 代替 \(/)],
    ]);
    const github = spawnReport(['validate', '--reporter', 'github', ...files], { env: m.env });
    expect(github.stderr.split('\n').filter((line) => line.includes('RPT5012'))).toEqual([expect.stringMatching(/^::warning title=RPT5012::本机未安装/)]);
  });

  test('validate says the same as build, once for the batch; --font names the face and is no stand-in', async () => {
    const m = machine();
    const files = seeds(2);
    const plain = spawnReport(['validate', ...files], { env: m.env });
    expect(plain.status).toBe(0);
    expect(count(plain.stderr, 'RPT5012')).toBe(1);
    expect(plain.stderr).toContain('⚠ 2 个文件：0 个错误，1 个警告');
    expect(spawnReport(['validate', '--strict', ...files], { env: m.env }).status).toBe(1);
    const chosen = spawnReport(['validate', '--json', '--font', `fangsong=${serifPath}`, ...files], { env: m.env });
    expect(chosen.status).toBe(0);
    expect((JSON.parse(chosen.stdout) as JsonRun).warnings).toBe(0);
    // build and validate agree on the chosen face too.
    const built = spawnReport(['build', '--json', '--format', 'pdf', '--font', `fangsong=${serifPath}`, '--out', path.join(m.root, 'out'), files[0]!], {
      env: m.env,
    });
    expect([built.status, (JSON.parse(built.stdout) as JsonRun).warnings]).toEqual([0, 0]);
  });

  test('with 仿宋_GB2312 installed under another file name: no warning, --strict passes, and the PDF embeds that face', async () => {
    const m = machine();
    m.install('q9.ttf', fangsongGb2312());
    const [file] = seeds(1);
    const out = path.join(m.root, 'out');
    const r = spawnReport(['build', '--strict', '--json', '--format', 'pdf', '--out', out, file!], { env: m.env });
    expect(r.status).toBe(0);
    const run = JSON.parse(r.stdout) as JsonRun;
    expect([run.diagnostics, run.warnings]).toEqual([[], 0]);
    // pdffonts lists each embedded subset by its PostScript name, which the test font calls FangSongGB2312.
    expect(execFileSync('pdffonts', [path.join(out, 'report-1.pdf')], { encoding: 'utf8' })).toContain('+FangSongGB2312');
    expect(spawnReport(['validate', '--strict', file!], { env: m.env }).status).toBe(0);
  });
});
