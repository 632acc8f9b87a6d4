/**
 * The table values the rules compare. A part cell is used as written. A row's 总计 is used as the
 * sum of its parts whenever they are all usable: when the written total is wrong, R2/R4 report it
 * once, and the balance rules go on with the true sum instead of blaming correct cells elsewhere.
 * Only when a part is unusable does the written total stand in.
 */
import { rowAt, rowPointer, sum } from '../../report/rows';
import { all, usable, type Got, type RuleContext, type SalvagedReport } from './context';

const RESULTS_TOTAL = ['applications', 'results', 'total'];

/** A cell as written; absent (a row given without its total) counts as blocked by its row. */
export function writtenCell(report: SalvagedReport, path: readonly string[], column: number): Got<number> {
  const value = rowAt(report.report, path)?.[column];
  if (value === undefined) return { blocked: [rowPointer(path, column)] };
  return usable(report, rowPointer(path, column), value);
}

/** The parts of a row (every column but the last), as written. */
export function rowParts(report: SalvagedReport, path: readonly string[], columns: number): Got<number[]> {
  return all(Array.from({ length: columns - 1 }, (_, column) => writtenCell(report, path, column))) as Got<number[]>;
}

/** The value of a row's cell to reason with: the sum of the parts for the total column. */
export function effectiveCell(report: SalvagedReport, path: readonly string[], column: number, columns: number): Got<number> {
  if (column !== columns - 1) return writtenCell(report, path, column);
  const parts = rowParts(report, path, columns);
  if (parts.value) return { value: sum(parts.value) };
  const written = writtenCell(report, path, column);
  return written.value !== undefined ? written : { blocked: parts.blocked };
}

/** The sum of the result rows （一）–（六） of the format in a column, each row's total taken as the sum of its parts. */
export function resultRowsSum(report: RuleContext, column: number): Got<number> {
  const { RESULT_PART_ROWS, APPLICANT_COLUMNS } = report.format.labels;
  const values = all(RESULT_PART_ROWS.map((row) => effectiveCell(report, row.path, column, APPLICANT_COLUMNS.length))) as Got<number[]>;
  return values.value ? { value: sum(values.value) } : { blocked: values.blocked };
}

/**
 * （七）总计 in a column, to reason with: the sum of the result rows when they are usable (a wrong
 * written total is R3's to report); otherwise the total as written, when there is one.
 */
export function resultsTotal(report: RuleContext, column: number): Got<number> {
  const { APPLICANT_COLUMNS, APPLICANT_TOTAL_INDEX } = report.format.labels;
  const rows = resultRowsSum(report, column);
  if (rows.value !== undefined) return rows;
  const written =
    column === APPLICANT_TOTAL_INDEX ? effectiveCell(report, RESULTS_TOTAL, column, APPLICANT_COLUMNS.length) : writtenCell(report, RESULTS_TOTAL, column);
  return written.value !== undefined ? written : { blocked: rows.blocked };
}

/**
 * Runs a check column by column. The total column of every row is the sum of the others, so its
 * check is implied by theirs and is made only when some other column could not be checked (it then
 * still covers the rows whose written totals stand in). `check` says whether it could check.
 */
export function eachColumn(columns: number, check: (column: number) => boolean): void {
  let skipped = false;
  for (let column = 0; column < columns - 1; column++) if (!check(column)) skipped = true;
  if (skipped) check(columns - 1);
}
