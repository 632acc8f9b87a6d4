/**
 * Bounded output: past MAX_PER_CODE diagnostics of one code in one file, the rest are one summary
 * (RPT1030) in every format, and --json lists each of their places. Small inputs, run in this
 * process; the worst cases at the size limit run through the real CLI under a time and heap bound
 * in tests/hostile/bounded.cases.js.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_PER_CODE } from '../src/diagnostics/summarise';
import { tempDir } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';
import { runInProcess } from './helpers/in-process';

const seedText = fs.readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'), 'utf8');
const dir = tempDir();
const STRAY = MAX_PER_CODE + 5;
/** The seed with STRAY unknown keys at its end, each on a line of its own. */
const strayText = seedText + Array.from({ length: STRAY }, (_, i) => `stray_${i}: 1\n`).join('');
const stray = path.join(dir, 'stray.yaml');
fs.writeFileSync(stray, strayText);
const firstStrayLine = seedText.split('\n').length;

interface JsonDiagnostic {
  code: string;
  severity: string;
  line: number | null;
  pointer: string | null;
  message: { zh: string; en: string };
  more?: { code: string; places: { line: number | null; column: number | null; pointer: string | null }[] };
}
type Output = { files: { file: string; errors: number; diagnostics: JsonDiagnostic[] }[]; errors: number };

test('people see the first ones of a code in full and one line for the rest', async () => {
  const { code, stderr } = await runInProcess(['validate', stray]);
  expect(code).toBe(1);
  expect(stderr.match(/ 错误 RPT2003 /g)).toHaveLength(MAX_PER_CODE);
  expect(stderr).toContain(`stray.yaml:${firstStrayLine + MAX_PER_CODE}:1 错误 RPT1030 另有 5 处同类问题（RPT2003）\n`);
  // Every problem is counted, summarised or not (a machine without 仿宋 adds its stand-in warning).
  expect(stderr).toContain(`✖ 1 个文件：${STRAY} 个错误，`);
  const english = await runInProcess(['validate', stray, '--lang', 'en']);
  expect(english.stderr).toContain('error RPT1030 5 more like this (RPT2003)\n');
});

test('--json lists every summarised place, in order, and counts them all', async () => {
  const output = JSON.parse((await runInProcess(['validate', stray, '--json'])).stdout) as Output;
  const [file] = output.files;
  expect(file?.errors).toBe(STRAY);
  expect(output.errors).toBe(STRAY);
  expect(file?.diagnostics.filter((d) => d.code === 'RPT2003')).toHaveLength(MAX_PER_CODE);
  const summaries = file?.diagnostics.filter((d) => d.code === 'RPT1030') ?? [];
  expect(summaries).toHaveLength(1);
  const [summary] = summaries;
  expect(summary?.severity).toBe('error');
  expect(summary?.more?.code).toBe('RPT2003');
  const rest = Array.from({ length: STRAY - MAX_PER_CODE }, (_, i) => MAX_PER_CODE + i);
  expect(summary?.more?.places).toEqual(rest.map((i) => ({ line: firstStrayLine + i, column: 1, pointer: `/stray_${i}` })));
  // The summary stands at its first place, so the list stays in order of lines.
  expect(summary?.line).toBe(firstStrayLine + MAX_PER_CODE);
});

test('formats for programs summarise the same way', async () => {
  const gcc = await runInProcess(['validate', stray, '--reporter', 'gcc']);
  const lines = gcc.stderr
    .trimEnd()
    .split('\n')
    .filter((line) => /: RPT(2003|1030): /.test(line));
  expect(lines).toHaveLength(MAX_PER_CODE + 1);
  expect(lines[MAX_PER_CODE]).toMatch(/^.*stray\.yaml:\d+:1: error: RPT1030: 另有 5 处同类问题（RPT2003） \(提示: /);
  const github = await runInProcess(['validate', stray, '--reporter', 'github']);
  const titles = [...github.stderr.matchAll(/,title=(RPT\d{4})::/g)].map((m) => m[1]);
  expect(titles.filter((code) => code === 'RPT2003')).toHaveLength(MAX_PER_CODE);
  expect(titles.filter((code) => code === 'RPT1030')).toHaveLength(1);
});

test('the limit is per file and per code: other files and codes are printed in full', async () => {
  // Two files with the same stray keys, and in the second a wrong value of another code too.
  const other = path.join(dir, 'other.yaml');
  fs.writeFileSync(other, strayText.replace(/^year: 2023$/m, 'year: 二〇二三'));
  const output = JSON.parse((await runInProcess(['validate', stray, other, '--json'])).stdout) as Output;
  for (const file of output.files) {
    expect(file.diagnostics.filter((d) => d.code === 'RPT2003')).toHaveLength(MAX_PER_CODE);
    expect(file.diagnostics.filter((d) => d.code === 'RPT1030').map((d) => d.more?.places.length)).toEqual([5]);
  }
  expect(output.files[1]?.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'RPT2003' && d.code !== 'RPT1030')).toHaveLength(1);
  expect(output.errors).toBe(2 * STRAY + 1);
});

test('exactly MAX_PER_CODE of a code are printed without a summary', async () => {
  const file = path.join(dir, 'just-enough.yaml');
  fs.writeFileSync(file, seedText + Array.from({ length: MAX_PER_CODE }, (_, i) => `stray_${i}: 1\n`).join(''));
  const { stderr } = await runInProcess(['validate', file]);
  expect(stderr.match(/ 错误 RPT2003 /g)).toHaveLength(MAX_PER_CODE);
  expect(stderr).not.toContain('RPT1030');
});
