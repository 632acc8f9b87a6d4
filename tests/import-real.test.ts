/**
 * `report import` of real published reports (fixtures/import/real/, origin in ORIGIN.md): the
 * values read are those the pages state, a value the page does not state unambiguously is null with
 * a finding, and the findings name the page's departures from the format.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { ImportCode } from '../src/import/findings';
import { importReport, type Imported } from '../src/import/import';
import { FIXTURES } from './helpers/fixtures';

const REAL = path.join(FIXTURES, 'import', 'real');
const FILES = ['pingtan-2019.txt', 'pingtan-2021.txt', 'pingtan-2022.txt', 'pingtan-2023.txt'];
const imported = new Map<string, Imported>();
const get = (name: string) => imported.get(name) as Imported;

beforeAll(async () => {
  for (const name of FILES)
    imported.set(name, await importReport(fs.readFileSync(path.join(REAL, name)), name, { schemaPath: '../schemas/report.schema.json' }));
});

type Data = Record<string, unknown>;
const at = (data: unknown, pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node as Data | undefined)?.[key], data);
const codes = (name: string) => get(name).findings.map((f) => f.code);
const pointersOf = (name: string, code: ImportCode) =>
  get(name)
    .findings.filter((f) => f.code === code)
    .map((f) => f.pointer);
const nulls = (n: number) => Array<null>(n).fill(null);

describe.each(FILES)('%s', (name) => {
  it('imports to a YAML that parses to the data, with no part missing', () => {
    expect(parse(get(name).yaml)).toEqual(get(name).data);
    expect(codes(name)).not.toContain('RPT4005');
    // The portal prints the date in the page header, not under the report.
    expect(codes(name)).toEqual(expect.arrayContaining(['RPT4010', 'RPT4011']));
    expect(get(name).data.organ).toBe('平潭综合实验区');
  });
});

describe('平潭 2022 (2021 format)', () => {
  const name = 'pingtan-2022.txt';
  it('reads the title, year and the cells the page states', () => {
    const { data } = get(name);
    expect(data).toMatchObject({ title: '平潭综合实验区2022年度政府信息公开工作年度报告', year: 2022, date: null });
    expect(data.proactive).toEqual({
      rules: { issued: 0, repealed: 0, in_force: 0 },
      normative_documents: { issued: null, repealed: null, in_force: null },
      licensing: 10690,
      punishment: 2113,
      enforcement: 0,
      fees: 9116.36,
    });
    expect(at(data, '/applications/carried_over')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(at(data, '/applications/results/partially_disclosed')).toEqual([8, 1, 0, 0, 0, 0, 9]);
    expect(at(data, '/applications/results/unavailable/needs_creation')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(at(data, '/applications/results/other/other')).toEqual([0, 2, 0, 0, 0, 0, 2]);
    expect(data.review_litigation).toEqual({ review: [0, 1, 1, 0, 2], litigation_direct: [1, 0, 0, 0, 1], litigation_after_review: [0, 0, 0, 0, 0] });
    expect(data.processing_fees).toEqual({ notices: 0, amount_yuan: 0, collected_yuan: 0 });
    expect(data.problems).toMatch(/^2022年，平潭综合实验区政府信息公开工作取得了一定成绩/);
  });

  it('finds the misprinted heading of part 四, and leaves the rows whose digits run together null', () => {
    expect(get(name).findings).toEqual(
      expect.arrayContaining([
        {
          code: 'RPT4008',
          at: '第 10 行',
          pointer: '',
          params: { written: '四、政府信息公开行政法复议、行政诉讼情况', heading: '四、政府信息公开行政复议、行政诉讼情况' },
        },
      ]),
    );
    // 行政规范性文件 8855698: 88 | 55 | 698 by the text, but the cells cannot be told from the digits.
    expect(pointersOf(name, 'RPT4015')).toEqual([
      '/proactive/normative_documents',
      '/applications/new',
      '/applications/results/disclosed',
      '/applications/results/unavailable/not_held',
      '/applications/results/total',
    ]);
    expect(at(get(name).data, '/applications/new')).toEqual(nulls(7));
    expect(get(name).yaml).toContain('fees: 9116.36 # 行政事业性收费');
  });
});

describe('平潭 2021 (2021 format)', () => {
  const name = 'pingtan-2021.txt';
  it('reads the cells the page states; the fee with its six decimals', () => {
    const { data, yaml } = get(name);
    expect(data).toMatchObject({ year: 2021, title: '平潭综合实验区2021年度政府信息公开工作年度报告' });
    expect(data.proactive).toMatchObject({
      rules: { issued: 0, repealed: 0, in_force: 0 },
      licensing: 2293,
      punishment: 1282,
      enforcement: 42,
      fees: 24252.311082,
    });
    expect(yaml).toContain('fees: 24252.311082');
    // 500000 5: seven digits for seven cells.
    expect(at(data, '/applications/results/partially_disclosed')).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(at(data, '/applications/results/withheld/enforcement_files')).toEqual([6, 0, 0, 0, 0, 0, 6]);
    expect(at(data, '/applications/carry_forward')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(String(data.overview)).toContain('（一）主动公开方面。');
    expect(data.processing_fees).toEqual({ notices: 0, amount_yuan: 0, collected_yuan: 0 });
  });

  it('leaves table 四 null: 17 digits for 15 cells', () => {
    expect(get(name).data.review_litigation).toEqual({ review: nulls(5), litigation_direct: nulls(5), litigation_after_review: nulls(5) });
    expect(get(name).findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'RPT4015', pointer: '/review_litigation', params: { row: '行政诉讼', count: 17 } })]),
    );
    for (const code of ['RPT4006', 'RPT4007', 'RPT4008', 'RPT4009'] as const) expect(codes(name)).not.toContain(code);
  });
});

describe('平潭 2023 (2021 format)', () => {
  const name = 'pingtan-2023.txt';
  it('splits table 四 when its 15 digits are 15 cells, and reads the other cells the page states', () => {
    const { data } = get(name);
    // The text: 行政复议案件2件、行政诉讼案件7件.
    expect(data.review_litigation).toEqual({ review: [1, 1, 0, 0, 2], litigation_direct: [4, 0, 0, 1, 5], litigation_after_review: [1, 0, 1, 0, 2] });
    expect(data.proactive).toMatchObject({ licensing: 2629, punishment: 1330, enforcement: 54, fees: 5949.088667 });
    expect(at(data, '/applications/results/other/overdue_correction')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(at(data, '/applications/results/not_processed/duplicate')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(data.processing_fees).toEqual({ notices: 0, amount_yuan: 0, collected_yuan: 0 });
  });
});

describe('平潭 2019 (the 2019 试行 format)', () => {
  const name = 'pingtan-2019.txt';
  it('names the 2019 layout of tables 二 and 三', () => {
    expect(
      get(name)
        .findings.filter((f) => f.code === 'RPT4013')
        .map((f) => f.params.table),
    ).toEqual(['表二', '表三']);
    expect(pointersOf(name, 'RPT4014')).toEqual(expect.arrayContaining(['/proactive/rules/repealed', '/proactive/fees']));
  });

  it('reads what maps onto the 2021 rows; never a guess', () => {
    const { data } = get(name);
    expect(data.year).toBe(2019);
    expect(data.proactive).toEqual({
      rules: { issued: 0, repealed: null, in_force: null },
      // 规范性文件 898989, 行政许可 3960181 …: digits run together.
      normative_documents: { issued: null, repealed: null, in_force: null },
      licensing: null,
      punishment: null,
      enforcement: null,
      fees: null,
    });
    // （六）其他处理 as one row of zeros: each 2021 sub-row is zero.
    expect(at(data, '/applications/results/other')).toEqual({
      overdue_correction: [0, 0, 0, 0, 0, 0, 0],
      overdue_fee: [0, 0, 0, 0, 0, 0, 0],
      other: [0, 0, 0, 0, 0, 0, 0],
    });
    expect(at(data, '/applications/results/disclosed')).toEqual([7, 0, 0, 0, 0, 0, 7]);
    expect(at(data, '/applications/results/unavailable/unclear_after_correction')).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(data.review_litigation).toEqual({ review: [0, 0, 0, 0, 0], litigation_direct: [0, 0, 0, 0, 0], litigation_after_review: [0, 0, 0, 0, 0] });
    expect(data.processing_fees).toBeUndefined();
    expect(data.other_matters).toBe('无其他需要报告的事项');
  });
});
