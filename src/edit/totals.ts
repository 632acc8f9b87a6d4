/**
 * 「计算总计」: every total of tables 三 and 四 from its parts, as the rules R2–R4 add them: a row's
 * 总计 is the sum of its other cells, and （七）总计 in each column the sum of the result rows. The
 * page shows the changes and applies them only when the clerk agrees; cells that are not numbers
 * leave the totals they feed alone (the checker already has an error for them). A row written
 * without its total keeps it left out: nianbao computes it.
 */
import type { Format } from '../format/format';
import { formatPointer } from '../source/pointer';
import { nameOf } from './form';

/** One total to change: which cell, what it says now ('' when the file leaves it out) and the sum. */
export interface TotalChange {
  pointer: string;
  name: string;
  from: string;
  to: string;
}

/** The numbers of a row as written, undefined where a cell is not a whole number. */
function rowOf(data: unknown, path: readonly string[]): unknown[] | undefined {
  let node = data;
  for (const key of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return Array.isArray(node) ? node : undefined;
}

const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined);

/** The sum of counts, or undefined when one of them is not a count. */
function total(values: readonly unknown[]): number | undefined {
  let sum = 0;
  for (const value of values) {
    const n = count(value);
    if (n === undefined) return undefined;
    sum += n;
  }
  return sum;
}

/** The totals that differ from the sums of their parts in the report's data. */
export function totalChanges(format: Format, data: unknown): TotalChange[] {
  const { APPLICATION_ROWS, APPLICANT_COLUMNS, RESULT_PART_ROWS, CASE_ROWS, CASE_COLUMNS } = format.labels;
  const changes: TotalChange[] = [];
  /** The row's cells with its total as computed here (changes are made in order, so （七）总计 sums the rows' new totals). */
  const computed = new Map<string, unknown[]>();
  const propose = (path: readonly string[], column: number, sum: number | undefined) => {
    const row = computed.get(path.join('/')) ?? [...(rowOf(data, path) ?? [])];
    computed.set(path.join('/'), row);
    if (sum === undefined || row[column] === sum) return;
    // A row written without its total has it computed by nianbao: it is counted, not written in.
    if (row.length === column) {
      row[column] = sum;
      return;
    }
    const pointer = formatPointer([...path, column]);
    changes.push({ pointer, name: nameOf(format, pointer), from: row[column] === undefined ? '' : String(row[column]), to: String(sum) });
    row[column] = sum;
  };
  const rowTotal = (path: readonly string[], columns: number) => {
    const row = rowOf(data, path);
    if (row) propose(path, columns - 1, total(row.slice(0, columns - 1)));
  };
  const resultsTotal = APPLICATION_ROWS.find((row) => row.kind === 'total');
  for (const row of APPLICATION_ROWS) if (row !== resultsTotal) rowTotal(row.path, APPLICANT_COLUMNS.length);
  if (resultsTotal && rowOf(data, resultsTotal.path)) {
    for (let column = 0; column < APPLICANT_COLUMNS.length; column++) {
      const parts = RESULT_PART_ROWS.map((row) => (computed.get(row.path.join('/')) ?? rowOf(data, row.path))?.[column]);
      propose(resultsTotal.path, column, total(parts));
    }
  }
  for (const row of CASE_ROWS) rowTotal(['review_litigation', row.key], CASE_COLUMNS.length);
  return changes;
}
