/** The CLI and PDF-worker bundles load through V8's code cache; a bad cache falls back to compiling. */
import { isAscii } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheFitsProcess, cachePath, compileBundle, loadBundle, moduleFunction, userCachePath } from '../src/cli/load-bundle';
import { tempDir } from './helpers/cli';
import { ROOT } from './helpers/fixtures';

test.each(['report.js', 'pdf-worker.js'])('the build wrote a code cache for %s that V8 accepts, its text held in the heap or outside it', (name) => {
  const bundle = path.join(ROOT, 'dist', name);
  expect(fs.statSync(cachePath(bundle)).size).toBeGreaterThan(100_000);
  // Judged to fit from its header (loadBundle does not try one that does not), and accepted by V8.
  expect(cacheFitsProcess(fs.readFileSync(cachePath(bundle)))).toBe(true);
  expect(compileBundle(bundle, 'in-heap').cachedDataRejected).toBe(false);
  expect(compileBundle(bundle, 'outside').cachedDataRejected).toBe(false);
});

/**
 * The start of a program for a process of its own that records, in `compiles`, every compile of a file `matches` (the
 * text of a JavaScript function of the file's path) takes: [the file's name, whether a code cache was given, whether V8
 * rejected it]. The loader compiles through vm.Script, which it looks up at each compile.
 */
const watchCompiles = (matches: string) => `const vm = require('node:vm');
    const path = require('node:path');
    const compiles = [];
    const Script = vm.Script;
    vm.Script = class extends Script {
      constructor(source, options) { super(source, options); if (options && (${matches})(options.filename)) compiles.push([path.basename(options.filename), Boolean(options.cachedData), this.cachedDataRejected === true]); }
    };`;

/**
 * The vendor bundles the CLI requires (docx, pdfkit, fontkit) load through the build's code caches too, each once per
 * thread: pdfkit's fontkit is the CLI's. In a process of its own, watching every compile of a vendor bundle.
 */
test('a build through the CLI bundle compiles each vendor bundle once, with the code cache the build wrote for it', () => {
  const out = tempDir();
  const loader = path.join(ROOT, 'dist', 'cli', 'load-bundle.js');
  const program = `${watchCompiles('(file) => /[\\\\/]vendor[\\\\/]/.test(file)')}
    const cli = require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(path.join(ROOT, 'dist', 'report.js'))});
    const io = { stdout: () => undefined, stderr: () => undefined, isTTY: false };
    const argv = ['node', 'report', 'build', ${JSON.stringify(path.join(ROOT, 'fixtures', 'yichun-2023.yaml'))}, '--format', 'docx,pdf', '--jobs', '1', '--out', ${JSON.stringify(out)}];
    cli.runCli(argv, require(${JSON.stringify(path.join(ROOT, 'dist', 'host.js'))}).nodeHost(), io).then((code) => console.log(JSON.stringify({ code, compiles: compiles.sort() })));`;
  expect(JSON.parse(execFileSync(process.execPath, ['-e', program], { encoding: 'utf8' }))).toEqual({
    code: 0,
    compiles: [
      ['docx.js', true, false],
      ['fontkit.js', true, false],
      ['pdfkit.js', true, false],
    ],
  });
  expect(fs.readdirSync(out).sort()).toEqual(['yichun-2023.docx', 'yichun-2023.pdf']);
});

test.each(['report.js', 'api.js', 'pdf-worker.js', 'vendor/docx.js', 'vendor/pdfkit.js', 'vendor/fontkit.js', 'vendor/htmlparser2.js'])(
  '%s is ASCII (the build escapes the rest), so it loads as a one-byte string',
  (name) => {
    expect(isAscii(fs.readFileSync(path.join(ROOT, 'dist', name)))).toBe(true);
  },
);

test.each(['report.js', 'pdf-worker.js'])('%s is written as the module function it is compiled as, and still runs as a CommonJS module', (name) => {
  const text = fs.readFileSync(path.join(ROOT, 'dist', name), 'latin1');
  const code = text.slice(text.indexOf('{') + 1, text.lastIndexOf('\n})'));
  expect(text).toBe(moduleFunction(code));
  expect(code.startsWith('"use strict";')).toBe(true);
});

test('bin/report and every worker load one script before their bundle: dist/cli/boot.js requires only Node built-ins', () => {
  const required = [...fs.readFileSync(path.join(ROOT, 'dist', 'cli', 'boot.js'), 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  expect(required).toContain('node:vm');
  expect(required.filter((name) => !name?.startsWith('node:'))).toEqual([]);
});

test.each(['in-heap', 'outside'] as const)(
  'a bundle held %s loads as a CommonJS module: its exports, its require (relative to it), its file and folder',
  (text) => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'beside.js'), 'module.exports = "beside";');
    const bundle = path.join(dir, 'bundle.js');
    fs.writeFileSync(
      bundle,
      moduleFunction('module.exports = { beside: require("./beside.js"), file: __filename, dir: __dirname, same: exports === module.exports };'),
    );
    expect(loadBundle(bundle, { text })).toEqual({ beside: 'beside', file: bundle, dir, same: true });
  },
);

test("a bundle's text is held in V8's heap, or outside it only when asked (BundleText)", () => {
  const bundle = path.join(tempDir(), 'bundle.js');
  const size = 4_000_000;
  fs.writeFileSync(bundle, moduleFunction(`exports.answer = 42; /*${'x'.repeat(size)}*/`));
  // In a process of its own: Node's own counter of memory outside the heap, which jest's worker does not keep for strings.
  const loader = path.join(ROOT, 'dist', 'cli', 'load-bundle.js');
  const program = `const { compileBundle, runBundle } = require(${JSON.stringify(loader)});
    const v8 = require('node:v8');
    const grown = (text) => {
      const before = v8.getHeapStatistics().external_memory;
      const script = compileBundle(${JSON.stringify(bundle)}, text);
      return [v8.getHeapStatistics().external_memory - before, runBundle(script, ${JSON.stringify(bundle)}).answer];
    };
    console.log(JSON.stringify([grown(), grown('outside')]));`;
  const [[inHeap, first], [outside, second]] = JSON.parse(execFileSync(process.execPath, ['-e', program], { encoding: 'utf8' })) as [
    [number, number],
    [number, number],
  ];
  expect([first, second]).toEqual([42, 42]);
  expect(inHeap).toBeLessThan(size / 4);
  expect(outside).toBeGreaterThan(size);
});

test('a cache from elsewhere is rejected and the bundle still loads and runs', () => {
  const dir = tempDir();
  const bundle = path.join(dir, 'bundle.js');
  fs.writeFileSync(bundle, moduleFunction('exports.answer = require("node:path").basename(__filename) + ":" + 42;'));
  fs.writeFileSync(cachePath(bundle), Buffer.from('not a V8 code cache'));
  expect(compileBundle(bundle).cachedDataRejected).toBe(true);
  expect(loadBundle<{ answer: string }>(bundle).answer).toBe('bundle.js:42');
});

test('without a build-time cache, the first run writes one for its user at exit, which later runs read and keep', () => {
  const dir = tempDir();
  const bundle = path.join(dir, 'bundle.js');
  fs.writeFileSync(bundle, moduleFunction('exports.answer = [1, 2, 3].map((n) => n * 14)[2];'));
  const cacheDir = path.join(dir, 'user-cache');
  const loader = path.join(ROOT, 'dist', 'cli', 'load-bundle.js');
  const run = () =>
    execFileSync(
      process.execPath,
      ['-e', `console.log(require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(bundle)}, { cacheDir: () => ${JSON.stringify(cacheDir)} }).answer)`],
      {
        encoding: 'utf8',
      },
    );
  expect(run()).toBe('42\n');
  const cache = userCachePath(bundle, cacheDir);
  const written = fs.statSync(cache);
  expect(written.size).toBeGreaterThan(0);
  expect(run()).toBe('42\n');
  // Accepted, so not written again (a rename would give a new inode).
  expect(fs.statSync(cache).ino).toBe(written.ino);
  // A changed bundle has a cache of its own.
  fs.writeFileSync(bundle, moduleFunction('exports.answer = 43;'));
  expect(userCachePath(bundle, cacheDir)).not.toBe(cache);
  expect(run()).toBe('43\n');
});

test("a user cache is written when the loader's caller says: a worker's first task, not its exit", () => {
  const dir = tempDir();
  const bundle = path.join(dir, 'bundle.js');
  fs.writeFileSync(bundle, moduleFunction('exports.answer = 42;'));
  const cacheDir = path.join(dir, 'user-cache');
  let write: (() => void) | undefined;
  expect(loadBundle<{ answer: number }>(bundle, { cacheDir: () => cacheDir, writeWhen: (w) => (write = w) }).answer).toBe(42);
  const file = userCachePath(bundle, cacheDir);
  expect(fs.existsSync(file)).toBe(false);
  write?.();
  expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
});

/**
 * Under V8 flags (NODE_OPTIONS=--max-old-space-size, the hostile corpus's heap caps) the build's cache does not fit: it is
 * not tried, and the user's cache for those flags is compiled with, once per start. Compiling with a cache V8 rejects
 * first made V8 keep that script and hand it back for the user's cache, which was then never used.
 */
test('under V8 flags the build cache is skipped unread by V8 and the flags get a user cache of their own, one compile per start', () => {
  const dir = tempDir();
  const bundle = path.join(dir, 'bundle.js');
  fs.writeFileSync(bundle, moduleFunction('exports.answer = [1, 2, 3].map((n) => n * 14)[2];'));
  fs.writeFileSync(cachePath(bundle), compileBundle(bundle).createCachedData());
  expect(cacheFitsProcess(fs.readFileSync(cachePath(bundle)))).toBe(true);
  expect(cacheFitsProcess(Buffer.from('not a V8 code cache'))).toBe(false);
  const cacheDir = path.join(dir, 'user-cache');
  const loader = path.join(ROOT, 'dist', 'cli', 'load-bundle.js');
  const program = `${watchCompiles(`(file) => file === ${JSON.stringify(bundle)}`)}
    const { loadBundle, cacheFitsProcess, cachePath, userCachePath } = require(${JSON.stringify(loader)});
    const answer = loadBundle(${JSON.stringify(bundle)}, { cacheDir: () => ${JSON.stringify(cacheDir)} }).answer;
    console.log(JSON.stringify({ answer, compiles, fits: cacheFitsProcess(require('node:fs').readFileSync(cachePath(${JSON.stringify(bundle)}))), user: userCachePath(${JSON.stringify(bundle)}, ${JSON.stringify(cacheDir)}) }));`;
  const run = (...flags: string[]) => JSON.parse(execFileSync(process.execPath, [...flags, '-e', program], { encoding: 'utf8' })) as Record<string, unknown>;
  const plain = run();
  expect(plain).toMatchObject({ answer: 42, compiles: [['bundle.js', true, false]], fits: true });
  expect(fs.existsSync(plain.user as string)).toBe(false);
  // The first run under a flag compiles without a cache and writes the flags' user cache; the next compiles once, with it.
  expect(run('--max-old-space-size=100')).toMatchObject({ answer: 42, compiles: [['bundle.js', false, false]], fits: false });
  const flagged = run('--max-old-space-size=100');
  expect(flagged).toMatchObject({ answer: 42, compiles: [['bundle.js', true, false]], fits: false });
  expect(flagged.user).not.toBe(plain.user);
  expect(fs.existsSync(flagged.user as string)).toBe(true);
});

/**
 * The bundles load some modules of pdfkit and fontkit only on first use (LAZY_MODULES in scripts/bundle.js): what
 * nianbao never asks of them must still work when asked, through the stubs in scripts/stubs.
 */
describe('pdfkit and fontkit as bundled, in what nianbao does not use', () => {
  const PDFDocument = require(path.join(ROOT, 'dist', 'vendor', 'pdfkit.js')) as typeof import('pdfkit');
  const fontkit = require(path.join(ROOT, 'dist', 'vendor', 'fontkit.js')) as typeof import('fontkit');
  const FONT = path.join(ROOT, 'fonts', 'NotoSansSC-Bold.ttf');

  test('pdfkit encrypts (AES, lazy-aes.js)', async () => {
    const render = async (encrypted: boolean) => {
      const doc = new PDFDocument({
        pdfVersion: '1.7ext3',
        ...(encrypted ? { userPassword: 'user', ownerPassword: 'owner' } : {}),
        font: FONT,
        info: { Title: 'nianbao plain title' },
      });
      const chunks: Buffer[] = [];
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      const ended = new Promise((resolve) => doc.on('end', resolve));
      doc.end();
      await ended;
      return Buffer.concat(chunks).toString('latin1');
    };
    expect(await render(false)).toContain('(nianbao plain title)');
    const pdf = await render(true);
    // AES-256 (PDF 1.7 extension level 3): the file key wrapped by AES-ECB, strings and streams by AES-CBC.
    expect(pdf).toMatch(/\/Filter \/Standard/);
    expect(pdf).toMatch(/\/CFM \/AESV3/);
    expect(pdf).not.toContain('nianbao plain title');
  });

  test('pdfkit wraps text at its break opportunities (linebreak, lazy-linebreak.js)', () => {
    const doc = new PDFDocument({ font: FONT });
    const text = 'nianbao wraps this sentence of several words';
    const oneLine = doc.heightOfString(text);
    expect(doc.heightOfString(text, { width: 60 })).toBeGreaterThanOrEqual(4 * oneLine);
    doc.end();
  });

  test('fontkit shapes text (unicode-properties, lazy-unicode-properties.js)', () => {
    const font = fontkit.openSync(FONT) as import('fontkit').Font;
    const run = font.layout('年报 2023 nianbao');
    expect(run.glyphs.map((glyph) => glyph.codePoints).flat()).toEqual([...'年报 2023 nianbao'].map((char) => char.codePointAt(0)));
    expect(run.glyphs.every((glyph) => glyph.id > 0 && !glyph.isMark)).toBe(true);
  });
});
