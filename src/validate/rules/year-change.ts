/**
 * P1 (warning, with last year's report): a table total or key count that changes by a factor of 5 or
 * more, either way — 12 applications last year and 1,200 this year is more often a slip (a digit
 * too many, a wrong row) than a fact. Small counts swing by chance: the smaller of the two years is
 * taken as at least FLOOR, so a change is flagged only when the larger is at least 5 × FLOOR = 25
 * (1 → 6 and 0 → 24 are not flagged; 5 → 25, 0 → 25 and 100 → 20 are).
 * @example not-ok  new total 12 in 2022, 1200 in 2023  → RPT3018 at /applications/new/6
 */
import { makeDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import { applicationRow, type FormatLabels } from '../../format/format';
import { rowPointer } from '../../report/rows';
import { effectiveCell } from './cells';
import { all, lastYear, usable, type Got, type Rule, type SalvagedReport } from './context';

/** A change is flagged at this factor or more. */
export const FACTOR = 5;
/** The smaller year's figure counts as at least this much (why: see the file's comment). */
export const FLOOR = 5;

interface Figure {
  pointer: string;
  item: string;
  itemEn: string;
  value: (report: SalvagedReport) => Got<number>;
}

/** A number of the report's data at a path (undefined in a report of another format: not compared). */
function scalar(report: SalvagedReport, path: readonly string[]): Got<number> {
  let node: unknown = report.report;
  for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
  const pointer = rowPointer(path);
  return typeof node === 'number' ? usable(report, pointer, node) : { blocked: [pointer] };
}

/** The figures compared: table 三's totals, table 四's totals, table 二's counts (not the fees, in 万元). */
function figuresOf(L: FormatLabels): Figure[] {
  const { APPLICANT_COLUMNS, APPLICANT_TOTAL_INDEX, CASE_COLUMNS, CASE_TOTAL_INDEX } = L;
  const total = APPLICANT_COLUMNS[APPLICANT_TOTAL_INDEX];
  const rowTotal = (path: string[], columns: number, index: number) => (report: SalvagedReport) => effectiveCell(report, path, index, columns);
  const table3 = [
    ['applications', 'new'],
    ['applications', 'results', 'total'],
    ['applications', 'carry_forward'],
  ].map((path): Figure => {
    const row = applicationRow(L, path);
    return {
      pointer: rowPointer(path, APPLICANT_TOTAL_INDEX),
      item: `表三“${row.label}”的${total.label}`,
      itemEn: `table 3 ${row.en} (${total.en})`,
      value: rowTotal(path, APPLICANT_COLUMNS.length, APPLICANT_TOTAL_INDEX),
    };
  });
  const table4 = L.CASE_ROWS.map((row): Figure => {
    const path = ['review_litigation', row.key];
    return {
      pointer: rowPointer(path, CASE_TOTAL_INDEX),
      item: `表四“${row.label}”的${CASE_COLUMNS[CASE_TOTAL_INDEX].label}`,
      itemEn: `table 4 ${row.en} (${CASE_COLUMNS[CASE_TOTAL_INDEX].en})`,
      value: rowTotal(path, CASE_COLUMNS.length, CASE_TOTAL_INDEX),
    };
  });
  const [, , IN_FORCE] = L.DOCUMENT_COUNT_COLUMNS;
  const table2 = [
    ...L.DOCUMENT_ROWS.map((row) => ({ path: ['proactive', row.key, 'in_force'], item: `${row.label}${IN_FORCE.label}`, itemEn: `${row.en} ${IN_FORCE.en}` })),
    ...L.SINGLE_VALUE_BLOCKS.flatMap((block) => block.rows)
      .filter((row) => row.key !== 'fees')
      .map((row) => ({ path: ['proactive', row.key], item: row.label, itemEn: row.en })),
  ].map(({ path, item, itemEn }): Figure => ({ pointer: rowPointer(path), item: `表二“${item}”`, itemEn: `table 2 ${itemEn}`, value: (r) => scalar(r, path) }));
  return [...table3, ...table4, ...table2];
}

/** How the figure changed, in words with its numbers: 是上年的 100 倍 / 是上年的 8%. */
function changeOf(before: number, after: number): { change: string; changeEn: string } {
  if (before === 0) return { change: '上年为 0', changeEn: 'none last year' };
  const ratio = after / before;
  if (ratio >= 1) {
    const times = ratio >= 10 ? String(Math.round(ratio)) : ratio.toFixed(1);
    return { change: `是上年的 ${times} 倍`, changeEn: `${times} times last year's` };
  }
  const percent = `${Math.round(ratio * 100)}%`;
  return { change: `是上年的 ${percent}`, changeEn: `${percent} of last year's` };
}

/** Whether a change from `before` to `after` is flagged (both directions, with the floor). */
export function implausibleChange(before: number, after: number): boolean {
  return Math.max(before, after) >= FACTOR * Math.max(Math.min(before, after), FLOOR);
}

export const yearChange: Rule = {
  ids: ['P1'],
  check(context) {
    const previous = lastYear(context);
    if (!previous) return [];
    const out: Diagnostic[] = [];
    for (const figure of figuresOf(context.format.labels)) {
      const got = all([figure.value(previous), figure.value(context)]);
      // A figure a report does not have (another format) or that is unusable: its own error says so.
      if (!got.value) continue;
      const [before, after] = got.value as [number, number];
      if (!implausibleChange(before, after)) continue;
      const { item, itemEn, pointer } = figure;
      out.push(makeDiagnostic('RPT3018', pointer, { item, itemEn, previousYear: previous.report.year, before, after, ...changeOf(before, after) }));
    }
    return out;
  },
};
