/**
 * Smoke tests of the real program: bin/report and the bundle in dist/, each run a child process. Only
 * what a process alone shows is here — bin/report's exit status, a piped standard input, the render
 * workers started from the bundle, the Node.js version check before anything loads, and the version the
 * package says. Everything else about the command runs in this process (helpers/cli.ts runReport).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnReport, STACK_FRAME, tempDir } from './helpers/cli';
import { ROOT } from './helpers/fixtures';

const seed = 'fixtures/yichun-2023.yaml';
const busy = 'fixtures/valid/busy-county.yaml';

test('bin/report exits 0 for a clean report, 1 for errors, 2 for usage errors, 3 when it cannot write', () => {
  expect(spawnReport(['validate', seed]).status).toBe(0);
  const bad = spawnReport(['validate', 'fixtures/invalid/r2-row-total.yaml']);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain('RPT3003');
  expect(spawnReport(['frobnicate']).status).toBe(2);
  const blocker = path.join(tempDir(), 'file');
  fs.writeFileSync(blocker, 'not a folder');
  const io = spawnReport(['build', seed, '--format', 'docx', '--out', path.join(blocker, 'sub')]);
  expect(io.status).toBe(3);
  expect(io.stderr).not.toMatch(STACK_FRAME);
});

test('a report piped to standard input is read to its end: validate - and build -', () => {
  const text = fs.readFileSync(path.join(ROOT, seed), 'utf8');
  expect(spawnReport(['validate', '-'], { input: text }).status).toBe(0);
  const out = tempDir();
  expect(spawnReport(['build', '-', '--out', out, '--format', 'docx'], { input: text }).status).toBe(0);
  expect(fs.readdirSync(out)).toEqual(['stdin.docx']);
});

test('output larger than a pipe holds (170 KB of --json) reaches a reader that is slow to take it, whole', () => {
  // A shell's pipe (64 KB) read a second later: the program is done long before, its writes still waiting.
  const command = `"${process.execPath}" bin/report validate --json 'fixtures/**/*.yaml' | (sleep 1; cat)`;
  const stdout = execFileSync('sh', ['-c', command], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  expect(stdout.length).toBeGreaterThan(1 << 16);
  const files = fs.readdirSync(path.join(ROOT, 'fixtures'), { recursive: true }).filter((name) => String(name).endsWith('.yaml'));
  expect((JSON.parse(stdout) as { files: unknown[] }).files).toHaveLength(files.length);
});

test('a Node.js outside the engines range (before 20.15, 21, 22 before 22.2) is named, not a crash', () => {
  for (const version of ['v20.14.0', 'v21.7.3', 'v22.1.0', 'v18.20.4']) {
    const preload = path.join(tempDir(), 'old-node.js');
    fs.writeFileSync(preload, `Object.defineProperty(process, 'version', { value: '${version}' });\n`);
    const r = spawnReport(['validate', seed], { env: { NODE_OPTIONS: `--require ${preload}` } });
    expect([version, r.status]).toEqual([version, 2]);
    expect(r.stderr).toBe(
      `nianbao 需要 Node.js 20.15 或更新版本（22.x 需 22.2 或更新），当前为 ${version} / nianbao needs Node.js 20.15 or later (22.2 or later on 22.x); this is ${version}\n`,
    );
  }
  expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.node).toBe('^20.15.0 || >=22.2.0');
});

test('--jobs 1 (this thread) and the default (render workers of the bundle) write the same bytes', () => {
  const [a, b] = [tempDir(), tempDir()];
  expect(spawnReport(['build', seed, busy, '--out', a, '--jobs', '1']).status).toBe(0);
  expect(spawnReport(['build', seed, busy, '--out', b]).status).toBe(0);
  for (const name of fs.readdirSync(a)) expect(fs.readFileSync(path.join(a, name)).equals(fs.readFileSync(path.join(b, name)))).toBe(true);
  expect(fs.readdirSync(a).sort()).toEqual(['busy-county.docx', 'busy-county.pdf', 'yichun-2023.docx', 'yichun-2023.pdf']);
});

test('one report: the PDF renders on the early worker of bin/report, the same bytes as in one thread', () => {
  const [a, b] = [tempDir(), tempDir()];
  expect(spawnReport(['build', seed, '--out', a, '--jobs', '1']).status).toBe(0);
  expect(spawnReport(['build', seed, '--out', b]).status).toBe(0);
  for (const name of ['yichun-2023.docx', 'yichun-2023.pdf'])
    expect(fs.readFileSync(path.join(a, name)).equals(fs.readFileSync(path.join(b, name)))).toBe(true);
});

test('report --version names the version of package.json', () => {
  const r = spawnReport(['--version']);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
});
