/**
 * One file's problem is that file's problem, and validate checks what build checks: bad font files,
 * characters no font has, bugs and dead workers in a batch, result order, --jobs, SOURCE_DATE_EPOCH,
 * standard input, commander's usage errors in the CLI's language, and the output write protocol.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { runBuild } from '../src/cli/build';
import type { Io } from '../src/cli/io';
import { runCli } from '../src/cli/main';
import { WorkerPool } from '../src/core/worker-pool';
import { writeOutputs } from '../src/cli/write-outputs';
import { checkFontFiles } from '../src/fonts/checks';
import { FONT_FILE_LIMIT_BYTES } from '../src/fonts/font-file';
import { nodeHost, parseSourceDateEpoch, type Host } from '../src/host';
import { runReport, STACK_FRAME, tempDir } from './helpers/cli';
import { ROOT } from './helpers/fixtures';

const seed = path.join(ROOT, 'fixtures', 'yichun-2023.yaml');
const seedText = fs.readFileSync(seed, 'utf8');
/** The line a `fonts:` key appended to the seed lands on. */
const FONTS_LINE = seedText.split('\n').length;
const serif = path.join(ROOT, 'fonts/NotoSerifSC-Regular.ttf');
const dir = tempDir();

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** "line:column CODE" (or "- CODE") of every diagnostic in a --json result, file by file. */
const codesOf = (stdout: string): string[][] =>
  (JSON.parse(stdout) as { files: { diagnostics: { code: string; line: number | null; column: number | null }[] }[] }).files.map((f) =>
    f.diagnostics.map((d) => `${d.line === null ? '-' : `${d.line}:${d.column}`} ${d.code}`),
  );

/** A report naming `kaiti: <font>` in its fonts key (column 16 on the last line). */
const withKaiti = (name: string, font: string) => write(name, `${seedText}fonts: {kaiti: ${JSON.stringify(font)}}\n`);

const badFonts = (() => {
  const fifo = path.join(dir, 'fifo.ttf');
  execFileSync('mkfifo', [fifo]);
  const huge = path.join(dir, 'huge.ttf');
  fs.writeFileSync(huge, Buffer.from([0, 1, 0, 0]));
  fs.truncateSync(huge, FONT_FILE_LIMIT_BYTES + 1); // sparse: no disk used, and never read
  const cut = write('cut.ttf', fs.readFileSync(serif).subarray(0, 8192)); // a directory whose tables lie beyond the end
  const brokenHead = Buffer.from(fs.readFileSync(serif));
  const tables = brokenHead.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    if (brokenHead.toString('latin1', 12 + 16 * i, 16 + 16 * i) === 'head') brokenHead.writeUInt16BE(5, brokenHead.readUInt32BE(20 + 16 * i) + 50); // no such loca format
  }
  return [
    ['a folder', dir, 'RPT5005'],
    ['/dev/zero', '/dev/zero', 'RPT5005'],
    ['a FIFO (must not block)', fifo, 'RPT5005'],
    ['/etc/passwd', '/etc/passwd', 'RPT5007'],
    ['a text file', write('notes.ttf', '这不是字体\n'), 'RPT5007'],
    ['a file over the size limit', huge, 'RPT5006'],
    ['a WOFF2 web font', write('web.woff2', Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(64)])), 'RPT5008'],
    ['a truncated TrueType file', cut, 'RPT5009'],
    ['a TrueType file with a damaged head table', write('bad-head.ttf', brokenHead), 'RPT5009'],
    ['a missing file', path.join(dir, 'missing.ttf'), 'RPT5004'],
  ] as const;
})();

describe('bad font files are the report’s errors, found by validate and build alike', () => {
  test.each(badFonts)('%s in the report’s fonts key: exit 1 at the key, nothing written', async (_name, font, code) => {
    const report = withKaiti(`kaiti-${code}-${path.basename(font)}.yaml`, font);
    const validate = await runReport(['validate', '--json', report]);
    expect(validate.status).toBe(1);
    expect(codesOf(validate.stdout)).toEqual([[`${FONTS_LINE}:16 ${code}`]]);
    const out = tempDir();
    const build = await runReport(['build', report, '--out', out]);
    expect(build.status).toBe(1);
    expect(build.stderr).toContain(`${report}:${FONTS_LINE}:16 错误 ${code}`);
    expect(build.stderr).not.toMatch(STACK_FRAME);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  test('--font with a bad file: a detached error for each report; validate agrees with build', async () => {
    const v = await runReport(['validate', '--json', seed, '--font', 'kaiti=/etc/passwd', '--font', 'heiti=/dev/zero']);
    expect(v.status).toBe(1);
    expect(codesOf(v.stdout)).toEqual([['- RPT5005', '- RPT5007']]);
    const b = await runReport(['build', '--json', seed, '--font', 'kaiti=/etc/passwd', '--out', tempDir()]);
    expect(b.status).toBe(1);
    expect(codesOf(b.stdout)).toEqual([['- RPT5007']]);
  });

  test('in a batch the other reports still build and --json lists every file', async () => {
    const out = tempDir();
    const bad = withKaiti('batch-bad.yaml', '/etc/passwd');
    const fifo = withKaiti('batch-fifo.yaml', badFonts[2][1]);
    const r = await runReport(['build', '--json', '--out', out, seed, bad, fifo, path.join(ROOT, 'fixtures/valid/busy-county.yaml')]);
    expect(r.status).toBe(1);
    expect(codesOf(r.stdout)).toEqual([[], [`${FONTS_LINE}:16 RPT5007`], [`${FONTS_LINE}:16 RPT5005`], []]);
    expect(fs.readdirSync(out).sort()).toEqual(['busy-county.docx', 'busy-county.pdf', 'yichun-2023.docx', 'yichun-2023.pdf']);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  test('a font file that cannot be read is RPT5010 with the reason', async () => {
    const real = nodeHost();
    const denied: Host = {
      ...real,
      readRanges: () => {
        throw Object.assign(new Error('denied'), { code: 'EACCES' });
      },
    };
    const diagnostics = checkFontFiles(denied, { kaiti: serif }, () => '/fonts/kaiti');
    expect(diagnostics.map((d) => [d.code, d.pointer, d.message.en])).toEqual([
      ['RPT5010', '/fonts/kaiti', `cannot read the KaiTi (level-2 headings) font file "${serif}" (permission denied, EACCES)`],
    ]);
  });

  test('a face fontkit cannot open while rendering is the font’s RPT5009, not a crash', async () => {
    const { pdfRenderer } = await import('../src/render/pdf/renderer');
    const { checkReport } = await import('../src/check');
    const { buildModel } = await import('../src/model/build');
    const checked = checkReport(nodeHost(), seed);
    const doc = buildModel(checked.report!);
    // The checks before rendering would refuse this file; here it reaches fontkit directly.
    const result = await pdfRenderer.render(doc, { host: nodeHost(), timestamp: 0, fonts: { kaiti: '/etc/passwd' } });
    expect(result.diagnostics.map((d) => [d.code, d.message.en.startsWith('the KaiTi (level-2 headings) font file "/etc/passwd" is damaged')])).toEqual([
      ['RPT5009', true],
    ]);
  });

  test('report fonts --font kaiti=/etc/passwd says it is not a font', async () => {
    const r = await runReport(['fonts', '--font', 'kaiti=/etc/passwd']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--font 错误 RPT5007 指定的楷体（二级标题）字体文件“/etc/passwd”不是字体文件');
    expect(r.stdout).toMatch(/楷体（二级标题）: .*fonts\/LXGWWenKai-Regular\.ttf/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('validate finds a character no font can draw, at its YAML position', () => {
  test('RPT5003 at line:column in validate, and build stops with the same diagnostic', async () => {
    const report = write('private-use.yaml', seedText.replace('2023年，我区未收到依申请公开办理件。', '2023年，我区未收到依申请公开办理件\u{F0000}。'));
    const line = seedText.split('\n').findIndex((l) => l.includes('2023年，我区未收到依申请公开办理件。')) + 1;
    const v = await runReport(['validate', '--json', report]);
    expect(v.status).toBe(1);
    expect(codesOf(v.stdout)).toEqual([[`${line}:26 RPT5003`]]);
    const out = tempDir();
    const b = await runReport(['build', '--json', report, '--out', out]);
    expect(b.status).toBe(1);
    expect(codesOf(b.stdout)).toEqual(codesOf(v.stdout));
    expect(fs.readdirSync(out)).toEqual([]);
  });

  test('a font named by the report that has the character makes it pass (the fallback chain is used)', async () => {
    const report = write('sans-fallback.yaml', `${seedText}fonts: {heiti: ${JSON.stringify(serif)}}\n`);
    expect((await runReport(['validate', report])).status).toBe(0);
  });
});

/** An Io that records what the CLI prints. */
function recordingIo(): Io & { out: string; err: string } {
  const io = { out: '', err: '', isTTY: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

/**
 * A stand-in render worker speaking the pool's protocol: answers each file after a delay taken from
 * its name (so later files can finish first); "throw" answers with an error, "die" kills the worker.
 */
const FAKE_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, request }) => {
  const name = require('node:path').basename(request.file);
  const delay = Number((/-(\\d+)ms/.exec(name) || [0, 0])[1]);
  setTimeout(() => {
    if (name.includes('die')) process.exit(3);
    if (name.includes('throw')) return parentPort.postMessage({ id, error: 'TypeError: boom\\n    at build (/x/build.js:1:1)' });
    parentPort.postMessage({ id, result: { file: request.file, diagnostics: [], outputs: [{ format: 'docx', bytes: new Uint8Array([80, 75]) }] } });
  }, delay);
});`;

describe('a batch goes on past a bug in one file', () => {
  const inputs = (names: string[]) => names.map((file) => ({ file, name: path.basename(file, '.yaml') }));
  const options = (out: string) => ({ out, formats: ['docx' as const], fonts: {}, lang: 'zh' as const, jobs: 2 });

  test('results print in input order, the summary last, though later files finish first', async () => {
    const script = write('fake-worker.js', FAKE_WORKER);
    const out = tempDir();
    const io = recordingIo();
    const code = await runBuild(nodeHost(), io, inputs(['a-400ms.yaml', 'b-10ms.yaml', 'c-10ms.yaml']), options(out), script);
    expect(code).toBe(0);
    const lines = io.err.trim().split('\n');
    expect(lines).toEqual([
      `已生成 ${path.join(out, 'a-400ms.docx')}`,
      `已生成 ${path.join(out, 'b-10ms.docx')}`,
      `已生成 ${path.join(out, 'c-10ms.docx')}`,
      '✔ 3 个文件：0 个错误，0 个警告',
    ]);
  });

  test('a worker that throws or dies: that file gets RPT5011, the others are built, exit 4, no stack trace', async () => {
    const script = write('fake-worker.js', FAKE_WORKER);
    const out = tempDir();
    const io = recordingIo();
    const code = await runBuild(
      nodeHost(),
      io,
      inputs(['die-50ms.yaml', 'ok-1.yaml', 'throw.yaml', 'ok-2.yaml', 'die-again.yaml', 'ok-3.yaml']),
      { ...options(out), json: true },
      script,
    );
    expect(code).toBe(4);
    const result = JSON.parse(io.out) as { files: { file: string; diagnostics: { code: string; message: { en: string } }[]; outputs: string[] }[] };
    expect(result.files.map((f) => [f.file, f.diagnostics.map((d) => d.code), f.outputs.length])).toEqual([
      ['die-50ms.yaml', ['RPT5011'], 0],
      ['ok-1.yaml', [], 1],
      ['throw.yaml', ['RPT5011'], 0],
      ['ok-2.yaml', [], 1],
      ['die-again.yaml', ['RPT5011'], 0],
      ['ok-3.yaml', [], 1],
    ]);
    expect(result.files[2]?.diagnostics[0]?.message.en).toBe('nianbao failed on this file with an internal error (TypeError: boom)');
    expect(result.files[0]?.diagnostics[0]?.message.en).toContain('worker stopped (exit code 3)');
    expect(fs.readdirSync(out).sort()).toEqual(['ok-1.docx', 'ok-2.docx', 'ok-3.docx']);
  });

  test('in this thread (--jobs 1): an exception for one file is its RPT5011 and a one-line note, exit 4', async () => {
    const real = nodeHost();
    const host: Host = {
      ...real,
      readBytes: (file, limit) => (file.includes('boom') ? (null as unknown as Uint8Array).subarray() : real.readBytes(file, limit)),
    };
    const boom = write('boom.yaml', seedText);
    const out = tempDir();
    const io = recordingIo();
    const code = await runCli(['node', 'report', 'build', '--jobs', '1', '--format', 'docx', '--out', out, boom, seed], host, io);
    expect(code).toBe(4);
    expect(io.err).toMatch(/boom\.yaml 错误 RPT5011 nianbao 处理此文件时发生内部错误（Cannot read properties of null/);
    expect(io.err).toContain('nianbao 内部错误：这是程序缺陷，请报告此问题');
    expect(io.err).not.toMatch(STACK_FRAME);
    expect(io.err.trim().split('\n').pop()).toBe('✖ 2 个文件：1 个错误，0 个警告');
    expect(fs.readdirSync(out)).toEqual(['yichun-2023.docx']);
  });
});

describe('--jobs', () => {
  test('is capped at the cores and the files: --jobs 1000 starts no more workers than the default', () => {
    expect(WorkerPool.size(5000, 1000)).toBe(WorkerPool.size(5000));
    expect(WorkerPool.size(5000)).toBe(availableParallelism());
    expect(WorkerPool.size(1, 1000)).toBe(1);
  });

  test.each(['0', 'abc', '2.5', '-1'])('--jobs %s is a usage error (exit 2)', async (jobs) => {
    const r = await runReport(['build', seed, '--out', tempDir(), `--jobs=${jobs}`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--jobs 应为正整数');
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  test.each(['abc', '1e9', '-5', '1706140800.5', '0', '315532799', '4354819200', '99999999999999999999'])(
    '%s is a usage error for build and validate',
    async (value) => {
      for (const args of [
        ['build', seed, '--out', tempDir()],
        ['validate', seed],
      ]) {
        const r = await runReport(args, { env: { SOURCE_DATE_EPOCH: value } });
        expect(r.status).toBe(2);
        expect(r.stderr).toContain(`环境变量 SOURCE_DATE_EPOCH 应为 1980–2107 年之间某一时刻的秒数（十进制整数），实际为“${value}”`);
      }
    },
  );

  test('the range is what a ZIP date can hold: 1980-01-01 to 2107-12-31', async () => {
    expect(parseSourceDateEpoch(undefined)).toEqual({ kind: 'unset' });
    expect(parseSourceDateEpoch('315532800')).toEqual({ kind: 'date', date: new Date('1980-01-01T00:00:00Z') });
    expect(parseSourceDateEpoch('4354819199')).toEqual({ kind: 'date', date: new Date('2107-12-31T23:59:59Z') });
    expect(parseSourceDateEpoch('4354819200').kind).toBe('invalid');
    expect(parseSourceDateEpoch(' 1706140800').kind).toBe('invalid');
  });
});

describe('standard input and odd file names', () => {
  test('validate - reads the report from stdin and calls it <stdin>', async () => {
    expect((await runReport(['validate', '-'], { input: seedText })).status).toBe(0);
    const bad = fs.readFileSync(path.join(ROOT, 'fixtures/invalid/r2-row-total.yaml'), 'utf8');
    const r = await runReport(['validate', '-'], { input: bad });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('<stdin>:25:27 错误 RPT3003');
  });

  test('build - writes stdin.pdf and stdin.docx, or the --name given', async () => {
    const out = tempDir();
    expect((await runReport(['build', '-', '--out', out, '--format', 'docx'], { input: seedText })).status).toBe(0);
    expect((await runReport(['build', '-', '--name', '宜春-2023', '--out', out], { input: seedText })).status).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['stdin.docx', '宜春-2023.docx', '宜春-2023.pdf']);
    expect((await runReport(['build', seed, '--name', 'x'])).status).toBe(2);
    expect((await runReport(['build', '-', '-', '--out', out], { input: seedText })).status).toBe(2);
  });

  test('a file whose name starts with a dash works after --', async () => {
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, '-odd.yaml'), seedText);
    expect((await runReport(['validate', '--', '-odd.yaml'], { cwd })).status).toBe(0);
    const out = tempDir();
    expect((await runReport(['build', '--out', out, '--format', 'docx', '--', '-odd.yaml'], { cwd })).status).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['-odd.docx']);
  });
});

describe('commander’s usage errors speak the CLI’s language and exit 2', () => {
  test.each([
    [
      ['validate', seed, '--frobnicate'],
      '错误：未知选项 --frobnicate（report --help 列出全部选项）',
      'error: unknown option --frobnicate (report --help lists every option)',
    ],
    [
      ['frobnicate'],
      '错误：未知命令 frobnicate（可用命令：validate、build、fonts、init、schema、import、sum、watch、edit、verify、version）',
      'error: unknown command frobnicate (commands: validate, build, fonts, init, schema, import, sum, watch, edit, verify, version)',
    ],
    [['validate'], '错误：缺少参数 <files>', 'error: missing argument <files>'],
    [['build', seed, '--out'], '错误：选项 --out <dir> 缺少值', 'error: option --out <dir> needs a value'],
    [
      ['build', seed, '--pdfa', '9z'],
      '错误：选项 --pdfa <level> 的值“9z”无效，可选：2b、2a、3b',
      'error: option --pdfa <level>: "9z" is not one of 2b, 2a, 3b',
    ],
    [['fonts', 'extra'], '错误：fonts 最多接受 0 个参数，实际给出 1 个', 'error: too many arguments for fonts (takes 0, got 1)'],
  ])('%j', async (args, zh, en) => {
    const chinese = await runReport(args);
    expect(chinese.status).toBe(2);
    expect(chinese.stderr.trim()).toBe(zh);
    // Before the command, or right after it (--out would take a later --lang as its value).
    for (const english of [await runReport(['--lang', 'en', ...args]), await runReport([...args.slice(0, 1), '--lang=en', ...args.slice(1)])]) {
      expect(english.status).toBe(2);
      expect(english.stderr.trim()).toBe(en);
    }
  });

  test('an invalid --lang itself is reported (in Chinese, as it could not be read)', async () => {
    const r = await runReport(['validate', seed, '--lang', 'fr']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('错误：选项 --lang <lang> 的值“fr”无效，可选：zh、en');
  });
});

describe('the write protocol never leaves a new and an old output of one report side by side', () => {
  /** A folder holding last build's PDF and DOCX. */
  function previousBuild(): { out: string; pdf: string; docx: string } {
    const out = tempDir();
    const [pdf, docx] = [path.join(out, '2023.pdf'), path.join(out, '2023.docx')];
    fs.writeFileSync(pdf, 'old pdf');
    fs.writeFileSync(docx, 'old docx');
    return { out, pdf, docx };
  }
  const fresh = (pdf: string, docx: string) => [
    { path: pdf, bytes: Buffer.from('new pdf') },
    { path: docx, bytes: Buffer.from('new docx') },
  ];
  /** The host, with the `nth` call of `operation` failing (the kill point). */
  function failingFrom(operation: 'rename' | 'writeTemp' | 'remove', nth: number): Host {
    const real = nodeHost();
    let calls = 0;
    return {
      ...real,
      [operation]: (...args: unknown[]) => {
        if (++calls === nth) throw Object.assign(new Error('killed'), { code: 'EKILLED' });
        return (real[operation] as (...a: unknown[]) => unknown)(...args);
      },
    };
  }
  const state = (out: string) =>
    fs
      .readdirSync(out)
      .sort()
      .map((name) => `${name}=${fs.readFileSync(path.join(out, name), 'utf8')}`);

  test('a rename that fails after the first leaves the new PDF alone, not beside the old DOCX; no temps', async () => {
    const { out, pdf, docx } = previousBuild();
    const result = writeOutputs(failingFrom('rename', 2), fresh(pdf, docx));
    expect(result).toEqual({ written: [pdf], failure: { path: docx, reason: 'EKILLED' } });
    expect(state(out)).toEqual(['2023.pdf=new pdf']);
  });

  test('a temp write that fails leaves the old pair untouched; no temps', async () => {
    const { out, pdf, docx } = previousBuild();
    expect(writeOutputs(failingFrom('writeTemp', 2), fresh(pdf, docx)).failure).toEqual({ path: docx, reason: 'EKILLED' });
    expect(state(out)).toEqual(['2023.docx=old docx', '2023.pdf=old pdf']);
  });

  test('at every kill point the outputs are all old or all new, never mixed', async () => {
    for (const [operation, nth] of [
      ['writeTemp', 1],
      ['writeTemp', 2],
      ['remove', 1],
      ['remove', 2],
      ['rename', 1],
      ['rename', 2],
      ['rename', 3],
    ] as const) {
      const { out, pdf, docx } = previousBuild();
      writeOutputs(failingFrom(operation, nth), fresh(pdf, docx));
      const versions = new Set(state(out).map((entry) => entry.split('=')[1]?.split(' ')[0]));
      expect(versions.size).toBeLessThanOrEqual(1);
      expect(fs.readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    }
  });
});
