/**
 * Every problem of a file in one run, each once: structural errors do not hide the rules, a blank
 * row or an empty table is one error, a wrong total does not make the balance rules blame correct
 * cells, and the checks skipped for want of a usable value are listed in --json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReport } from '../src/check';
import { nodeHost } from '../src/host';
import { runReport, tempDir } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';

const seed = fs.readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'), 'utf8');
const dir = tempDir();
const host = nodeHost();

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** The seed with some lines replaced (each `from` must occur exactly once). */
function seedWith(replacements: [string, string][]): string {
  return replacements.reduce((text, [from, to]) => {
    expect(text.split(from).length).toBe(2);
    return text.replace(from, to);
  }, seed);
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
const placed = (file: string) => checkReport(host, file).diagnostics.map((d) => `${d.span?.start.line ?? '-'} ${d.code}`);

test('blank （六） rows and wrong table-四 totals are all reported in the first run, each row once', async () => {
  const text = seedWith([
    ['overdue_correction: [0, 0, 0, 0, 0, 0, 0]', 'overdue_correction: [/, /, /, /, /, /, /]'],
    ['overdue_fee: [0, 0, 0, 0, 0, 0, 0]', 'overdue_fee: [—, —, —, —, —, —, —]'],
    ['      other: [0, 0, 0, 0, 0, 0, 0]', '      other: [无, 无, 无, 无, 无, 无, 无]'],
    ['\n  review: [0, 0, 0, 0, 0]', '\n  review: [8, 1, 1, 0, 0]'],
    ['litigation_direct: [0, 0, 0, 0, 0]', 'litigation_direct: [1, 0, 0, 0, 0]'],
  ]);
  const file = write('blank-rows.yaml', text);
  expect(placed(file)).toEqual([
    `${lineOf(text, 'overdue_correction:')} RPT2015`,
    `${lineOf(text, 'overdue_fee:')} RPT2015`,
    `${lineOf(text, '      other: [无')} RPT2015`,
    `${lineOf(text, 'review: [8')} RPT3005`,
    `${lineOf(text, 'litigation_direct: [1')} RPT3005`,
  ]);
  const blankRow = checkReport(host, file).diagnostics[0];
  expect(blankRow?.message.zh).toBe(
    '表三“（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”一行没有填写（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计都没有数）',
  );
  expect(blankRow?.hints[0]?.zh).toBe('没有数据的格子也要填 0：写成 [0, 0, 0, 0, 0, 0, 0]');
});

test('the rule checks a rejected value blocks are skipped, and --json says which and why', async () => {
  const text = seedWith([['overdue_fee: [0, 0, 0, 0, 0, 0, 0]', 'overdue_fee: [0, 0, "", 0, 0, 0, 0]']]);
  const r = await runReport(['validate', '--json', write('skipped.yaml', text)]);
  expect(r.status).toBe(1);
  const [result] = JSON.parse(r.stdout).files;
  expect(result.diagnostics.map((d: { code: string; pointer: string }) => `${d.code} ${d.pointer}`)).toEqual([
    'RPT2006 /applications/results/other/overdue_fee/2',
  ]);
  const blocked = '/applications/results/other/overdue_fee/2';
  // The row's own sum, and （七）总计 against the rows in that column. The column's balance (R1c) is
  // still checked: the written （七）总计 stands in for the sum the blank cell blocks.
  expect(result.skipped).toEqual([
    { rule: 'R2', pointer: '/applications/results/other/overdue_fee/6', because: [blocked] },
    { rule: 'R3', pointer: '/applications/results/total/2', because: [blocked] },
  ]);
});

test('a table left empty is one error for the table', async () => {
  const start = seed.indexOf('review_litigation:');
  const end = seed.indexOf('\n\n', start);
  const text = seed.slice(0, start) + 'review_litigation: {}' + seed.slice(end);
  expect(placed(write('empty-table.yaml', text))).toEqual([`${lineOf(text, 'review_litigation: {}')} RPT2016`]);
});

test('a wrong row total is reported once; the balance uses the true sum and blames no correct cell', async () => {
  const text = seedWith([
    ['  carried_over: [0, 0, 0, 0, 0, 0, 0]', '  carried_over: [3, 0, 0, 0, 0, 0, 1]'],
    ['    disclosed: [0, 0, 0, 0, 0, 0, 0]', '    disclosed: [3, 0, 0, 0, 0, 0, 3]'],
    ['    total: [0, 0, 0, 0, 0, 0, 0]', '    total: [3, 0, 0, 0, 0, 0, 3]'],
  ]);
  const checked = checkReport(host, write('wrong-total.yaml', text));
  expect(checked.diagnostics.map((d) => `${d.code} ${d.pointer}`)).toEqual(['RPT3003 /applications/carried_over/6']);
});

test('an unbalanced column lists every single correction that would balance it, never a negative count', async () => {
  const text = seedWith([
    ['  carried_over: [0, 0, 0, 0, 0, 0, 0]', '  carried_over: [2, 0, 0, 0, 0, 0, 2]'],
    ['    disclosed: [0, 0, 0, 0, 0, 0, 0]', '    disclosed: [5, 0, 0, 0, 0, 0, 5]'],
    ['    total: [0, 0, 0, 0, 0, 0, 0]', '    total: [5, 0, 0, 0, 0, 0, 5]'],
  ]);
  const [balance] = checkReport(host, write('unbalanced.yaml', text)).diagnostics;
  expect(balance?.code).toBe('RPT3002');
  // 0 + 2 ≠ 5 + 0: 结转下年度 would have to be −3, so it is not offered.
  expect(balance?.hints[0]?.zh).toBe(
    '四个数中至少有一个有误；若其余三个无误：（七）总计（即（一）至（六）各项之和）应为 2；或一、本年新收应为 3；或二、上年结转应为 5',
  );
  expect(balance?.hints[0]?.zh).not.toMatch(/-\d|−\d/);
});

test.each([
  ['a bad font file', ['date: 2024-01-25', 'date: 2024-01-25\nfonts: {kaiti: /etc/passwd}'], 'fonts:', 'RPT5007'],
  ['a character no font has', ['2023年，我区未收到依申请公开办理件。', '2023年，我区未收到依申请公开办理件\u{F0000}。'], '办理件\u{F0000}', 'RPT5003'],
])('a report with a table error still has %s reported in the same run, by validate and build alike', async (name, change, needle, code) => {
  const text = seedWith([['overdue_fee: [0, 0, 0, 0, 0, 0, 0]', 'overdue_fee: [0, 0, x, 0, 0, 0, 0]'], change as [string, string]]);
  const file = write(`${name}.yaml`, text);
  const expected = [`${lineOf(text, needle as string)} ${code}`, `${lineOf(text, 'overdue_fee:')} RPT2002`].sort();
  for (const command of [['validate'], ['build', '--out', tempDir()]]) {
    const r = await runReport([...command, '--json', file]);
    expect(r.status).toBe(1);
    const [result] = JSON.parse(r.stdout).files;
    expect(result.diagnostics.map((d: { line: number; code: string }) => `${d.line} ${d.code}`).sort()).toEqual(expected);
    expect(result.outputs ?? []).toEqual([]);
  }
});
