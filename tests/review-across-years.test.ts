/**
 * `report validate` of many reports pairs each organ's reports of consecutive years — by the organ
 * and year they state, whatever the file names — and checks each pair as `validate --previous`
 * would. fixtures/review/two-organs/ holds three years of two organs under shuffled names
 * (a–f.yaml; each file's first line says what it is): the county's 2024 report carries over 2 where
 * its 2023 report carried forward 1 (R8), the zone's 2024 report copies part 五 from 2023 with only
 * the year changed (P2). Run in this process.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';
import { runInProcess } from './helpers/in-process';

const DIR = path.join(FIXTURES, 'review', 'two-organs');
const file = (name: string) => path.join(DIR, name);
const COUNTY = '某某县人民政府';
const ZONE = '宜春经济技术开发区管理委员会';

interface Output {
  files: { file: string; errors: number; warnings: number; diagnostics: { code: string; line: number | null; hints: { zh: string }[] }[] }[];
  pairs: {
    organ: string;
    previous: { file: string; year: number };
    current: { file: string; year: number };
    errors: number;
    warnings: number;
    codes: string[];
  }[];
  errors: number;
  warnings: number;
}

const validate = async (args: string[]) => {
  const run = await runInProcess(['validate', ...args]);
  return { ...run, json: args.includes('--json') ? (JSON.parse(run.stdout) as Output) : undefined };
};
/** The codes of a file's diagnostics, the machine's font stand-in left out. */
const codesOf = (output: Output, name: string) =>
  output.files
    .find((f) => f.file === file(name))
    ?.diagnostics.map((d) => d.code)
    .filter((c) => c !== 'RPT5012');

describe('validate of a folder of several years', () => {
  it('pairs the reports by organ and year, whatever their names, and finds the carried-over error and the copied text', async () => {
    const { code, json } = await validate([DIR, '--json']);
    expect(code).toBe(1);
    const output = json as Output;
    const pair = (organ: string, [previous, current]: [string, string], year: number, [errors, warnings]: [number, number], codes: string[]) => ({
      organ,
      previous: { file: file(previous), year: year - 1 },
      current: { file: file(current), year },
      errors,
      warnings,
      codes,
    });
    expect(output.pairs).toEqual([
      pair(COUNTY, ['f.yaml', 'c.yaml'], 2023, [0, 0], []),
      pair(COUNTY, ['c.yaml', 'a.yaml'], 2024, [1, 0], ['RPT3008']),
      pair(ZONE, ['d.yaml', 'e.yaml'], 2023, [0, 0], []),
      pair(ZONE, ['e.yaml', 'b.yaml'], 2024, [0, 1], ['RPT3019']),
    ]);
    // What a pair finds is the later report's: at its line, counted in its entry and the run's totals.
    expect(codesOf(output, 'a.yaml')).toEqual(['RPT3008']);
    expect(codesOf(output, 'b.yaml')).toEqual(['RPT3019']);
    for (const name of ['c.yaml', 'd.yaml', 'e.yaml', 'f.yaml']) expect(codesOf(output, name)).toEqual([]);
    const carried = output.files.find((f) => f.file === file('a.yaml'))?.diagnostics[0];
    const aText = fs.readFileSync(file('a.yaml'), 'utf8').split('\n');
    expect(aText[(carried?.line ?? 0) - 1]).toMatch(/^ {2}carried_over: \[2,/);
    expect(carried?.hints.map((h) => h.zh).join('\n')).toContain(file('c.yaml'));
    expect(output.errors).toBe(1);
  });

  it('finds the same as validate --previous of each pair', async () => {
    const pairs: [string, string][] = [
      ['a.yaml', 'c.yaml'],
      ['b.yaml', 'e.yaml'],
    ];
    for (const [later, earlier] of pairs) {
      const single = (await validate([file(later), '--previous', file(earlier), '--json'])).json as Output;
      const batch = (await validate([DIR, '--json'])).json as Output;
      expect(codesOf(batch, later)).toEqual(codesOf(single, later));
    }
  });

  it('lists the pairs in a table before the summary line', async () => {
    const { stderr } = await validate([DIR]);
    const table = stderr.slice(stderr.indexOf('跨年度核对'));
    const rows = table.trimEnd().split('\n');
    expect(rows[0]).toBe('跨年度核对（同一机关相邻年度的报告，4 对）');
    expect(rows[1]).toMatch(/^机关\s+上年\s+本年\s+错误\s+警告\s+代码$/);
    expect(rows[3]).toMatch(new RegExp(`^${COUNTY}\\s+.*c\\.yaml（2023）\\s+.*a\\.yaml（2024）\\s+1\\s+0\\s+RPT3008$`));
    expect(rows[5]).toMatch(/e\.yaml（2023）\s+.*b\.yaml（2024）\s+0\s+1\s+RPT3019$/);
    expect(rows.at(-1)).toMatch(/^✖ 6 个文件：1 个错误，/);
  });

  it('pairs nothing for one file, nor across a missing year, and says so when two reports of one year keep a pair from being made', async () => {
    expect((await validate([file('a.yaml'), '--json'])).json?.pairs).toEqual([]);
    // 2022 and 2024 without 2023: no pair.
    expect((await validate([file('f.yaml'), file('a.yaml'), '--json'])).json?.pairs).toEqual([]);
    const dir = tempDir();
    const copy = path.join(dir, 'copy.yaml');
    fs.copyFileSync(file('c.yaml'), copy);
    const json = (await validate([file('f.yaml'), file('c.yaml'), copy, '--json'])).json as Output;
    expect(json.pairs).toEqual([]);
    expect(codesOf(json, 'c.yaml')).toEqual(['RPT3022']);
    expect(JSON.stringify(json.files[1])).toContain(`还有 ${copy}`);
    // Two copies of one report with no other year: nothing to pair, nothing to say.
    expect((await validate([file('c.yaml'), copy, '--json'])).json?.files.flatMap((f) => f.diagnostics.map((d) => d.code))).not.toContain('RPT3022');
  });
});
