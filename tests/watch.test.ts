/**
 * `report watch`: builds, then rebuilds on each save — the diagnostics of a broken save, nothing
 * written for it (the last PDF stays), a rebuild once fixed, no rebuild for a save that changed
 * nothing — and ends cleanly when stopped. Driven by real file writes, waiting on the builds.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Io } from '../src/cli/io';
import { runWatch } from '../src/cli/watch';
import { nodeHost } from '../src/host';
import { tempDir } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';

const seedText = fs.readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'), 'utf8');

test('rebuilds on save, reports a broken save and keeps the last outputs, ends when stopped', async () => {
  const dir = tempDir();
  const file = path.join(dir, '2023.yaml');
  const out = path.join(dir, 'output');
  fs.writeFileSync(file, seedText);
  let stderr = '';
  const io: Io = { isTTY: false, stdout: () => undefined, stderr: (text) => void (stderr += text) };
  const builds: number[] = [];
  let next: (() => void) | undefined;
  const built = () => new Promise<void>((resolve) => (next = resolve));
  const stop = new AbortController();
  let first = built();
  const watching = runWatch(nodeHost(), io, file, {
    out,
    formats: ['docx'],
    fonts: {},
    lang: 'zh',
    signal: stop.signal,
    onBuilt: (ms) => {
      builds.push(ms);
      next?.();
    },
  });
  await first;
  const docx = path.join(out, '2023.docx');
  const good = fs.readFileSync(docx);
  expect(stderr).toMatch(/\] 已生成 .*2023\.docx（\d+ ms）\n/);

  // A save with a wrong total: its diagnostic, and the last outputs stay.
  first = built();
  fs.writeFileSync(file, seedText.replace('new: [0, 0, 0, 0, 0, 0, 0]', 'new: [0, 0, 0, 0, 0, 0, 5]'));
  await first;
  expect(stderr).toContain('RPT3003');
  expect(stderr).toContain('有 1 个错误，未生成；上次生成的文件保持不变');
  expect(fs.readFileSync(docx)).toEqual(good);

  // Fixed and saved again (another organ, so other bytes): rebuilt.
  first = built();
  fs.writeFileSync(file, seedText.replace(/^organ: .*$/m, 'organ: 宜春市某局'));
  await first;
  expect(fs.readFileSync(docx)).not.toEqual(good);
  expect(builds).toHaveLength(3);

  // A save that changes nothing is not a build.
  fs.writeFileSync(file, seedText.replace(/^organ: .*$/m, 'organ: 宜春市某局'));
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(builds).toHaveLength(3);

  stop.abort();
  await expect(watching).resolves.toBe(0);
  expect(stderr).not.toMatch(/^\s+at /m);
});

test('under --strict a report with only warnings is not written, and the line says why', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'r.yaml');
  fs.copyFileSync(path.join(FIXTURES, 'invalid', 'r10-rule-making-power.yaml'), file);
  let stderr = '';
  const io: Io = { isTTY: false, stdout: () => undefined, stderr: (text) => void (stderr += text) };
  const stop = new AbortController();
  const watching = runWatch(nodeHost(), io, file, {
    out: path.join(dir, 'output'),
    formats: ['docx'],
    fonts: {},
    lang: 'zh',
    strict: true,
    signal: stop.signal,
    onBuilt: () => stop.abort(),
  });
  await expect(watching).resolves.toBe(0);
  expect(stderr).toContain('有 1 个警告（--strict），未生成；上次生成的文件保持不变');
  expect(fs.existsSync(path.join(dir, 'output'))).toBe(false);
});

test('a fact about the machine (RPT5012: no 仿宋 installed) is said at the first build, not at every save', async () => {
  const dir = tempDir();
  const file = path.join(dir, '2023.yaml');
  fs.writeFileSync(file, seedText);
  let stderr = '';
  const io: Io = { isTTY: false, stdout: () => undefined, stderr: (text) => void (stderr += text) };
  let next: (() => void) | undefined;
  const built = () => new Promise<void>((resolve) => (next = resolve));
  const stop = new AbortController();
  // No system fonts: the shipped faces stand in for 仿宋, 黑体 and 楷体 on any machine.
  const host = { ...nodeHost(), fontDirs: () => [] };
  let first = built();
  const watching = runWatch(host, io, file, {
    out: path.join(dir, 'output'),
    formats: ['pdf'],
    fonts: {},
    lang: 'zh',
    signal: stop.signal,
    onBuilt: () => next?.(),
  });
  await first;
  expect(stderr.match(/RPT5012/g)).toHaveLength(1);
  first = built();
  fs.writeFileSync(file, seedText.replace(/^organ: .*$/m, 'organ: 宜春市某局'));
  await first;
  stop.abort();
  await watching;
  expect(stderr.match(/\] 已生成 /g)).toHaveLength(2);
  expect(stderr.match(/RPT5012/g)).toHaveLength(1);
});
