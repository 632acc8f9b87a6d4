/**
 * R3: （七）总计 equals the sum of the 21 result rows （一）–（六）, per column. Only checked when the
 * clerk wrote `total`; otherwise it is computed. The total column is implied by the others (its own
 * row sum is R2's), so it is checked only when another column could not be.
 * @example not-ok  results.disclosed: [1,0,0,0,0,0,1], results.total: 0s → RPT3004 at /applications/results/total/0
 */
import { makeDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import { rowAt, rowPointer, sum } from '../../report/rows';
import { effectiveCell, eachColumn } from './cells';
import { all, type Rule } from './context';
import { cellHints } from './cell-hints';

const TOTAL = ['applications', 'results', 'total'];

export const table3ResultsTotal: Rule = {
  ids: ['R3'],
  check(context) {
    const out: Diagnostic[] = [];
    const { APPLICANT_COLUMNS, RESULT_PART_ROWS } = context.format.labels;
    const COLUMNS = APPLICANT_COLUMNS.length;
    if (!rowAt(context.report, TOTAL)) return out;
    eachColumn(COLUMNS, (c) => {
      const pointer = rowPointer(TOTAL, c);
      const got = all([effectiveCell(context, TOTAL, c, COLUMNS), ...RESULT_PART_ROWS.map((row) => effectiveCell(context, row.path, c, COLUMNS))]);
      if (!got.value) {
        context.skip({ rule: 'R3', pointer, because: got.blocked });
        return false;
      }
      const [actual, ...values] = got.value as [number, ...number[]];
      const expected = sum(values);
      if (expected === actual) return true;
      const terms = RESULT_PART_ROWS.map((row, i) => ({
        label: row.group ? `${row.group}${row.label}` : row.label,
        en: row.en,
        value: values[i] ?? 0,
        pointer: rowPointer(row.path, c),
      }));
      const nonZero = terms.filter((t) => t.value !== 0);
      const shown = nonZero.length > 0 ? nonZero : terms.slice(0, 1);
      const column = APPLICANT_COLUMNS[c] as (typeof APPLICANT_COLUMNS)[number];
      out.push(
        makeDiagnostic(
          'RPT3004',
          pointer,
          {
            cell: column.label,
            cellEn: column.en,
            expected: String(expected),
            actual: String(actual),
            formula: `${shown.map((t) => t.value).join(' + ')}${nonZero.length < terms.length ? '（其余各项为 0）' : ''} = ${expected}`,
            formulaEn: `${shown.map((t) => t.value).join(' + ')}${nonZero.length < terms.length ? ' (all other rows 0)' : ''} = ${expected}`,
          },
          cellHints(nonZero),
        ),
      );
      return true;
    });
    return out;
  },
};
