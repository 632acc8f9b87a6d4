/**
 * Completes schema-valid data into a Report: a table-三 row given with 6 numbers gets its 总计, a
 * table-四 row with 4 numbers likewise, and an absent （七）总计 is summed from the result rows.
 * The rows and their lengths are `format`'s. `feesText` is the fee as written (default: the number as parsed). Returns a new object; the
 * input is not changed.
 */
import type { Format } from '../format/format';
import type { CheckedReport, Report } from '../report/types';
import { rowAt, setRowAt, sum } from '../report/rows';

export function normalizeReport(format: Format, input: Report, feesText: string = String(input.proactive.fees)): CheckedReport {
  const { APPLICANT_COLUMNS, APPLICATION_ROWS, CASE_COLUMNS, CASE_ROWS, RESULT_PART_ROWS } = format.labels;
  const report = structuredClone(input) as CheckedReport;
  report.proactive.fees_text = feesText;
  for (const row of APPLICATION_ROWS) {
    const values = rowAt(report, row.path);
    if (values && values.length === APPLICANT_COLUMNS.length - 1) values.push(sum(values));
  }
  for (const row of CASE_ROWS) {
    const values = report.review_litigation[row.key];
    if (values.length === CASE_COLUMNS.length - 1) values.push(sum(values));
  }
  if (!report.applications.results.total) {
    const total = APPLICANT_COLUMNS.map((_, column) => sum(RESULT_PART_ROWS.map((row) => rowAt(report, row.path)?.[column] ?? 0)));
    setRowAt(report, ['applications', 'results', 'total'], total);
  }
  return report;
}
