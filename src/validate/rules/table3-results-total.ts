/**
 * R3: （七）总计 equals the sum of the 21 result rows （一）–（六）, per column. Only checked when the
 * clerk wrote `total`; otherwise it is computed.
 * @example not-ok  results.disclosed: [1,0,0,0,0,0,1], results.total: 0s → RPT3004 at /applications/results/total/0
 */
import { makeDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import { APPLICANT_COLUMNS, RESULT_PART_ROWS } from '../../format/national-2021';
import { rowAt, rowPointer } from '../../report/rows';
import type { Rule } from './context';
import { cellHints } from './sum-text';

const TOTAL = ['applications', 'results', 'total'];

export const table3ResultsTotal: Rule = {
  ids: ['R3'],
  check({ report }) {
    const out: Diagnostic[] = [];
    const total = report.applications.results.total ?? [];
    APPLICANT_COLUMNS.forEach((column, c) => {
      const terms = RESULT_PART_ROWS.map((row) => ({
        label: row.group ? `${row.group}${row.label}` : row.label,
        en: row.en,
        value: rowAt(report, row.path)?.[c] ?? 0,
        pointer: rowPointer(row.path, c),
      }));
      const expected = terms.reduce((s, t) => s + t.value, 0);
      const actual = total[c] ?? 0;
      if (expected === actual) return;
      const nonZero = terms.filter((t) => t.value !== 0);
      const shown = nonZero.length > 0 ? nonZero : terms.slice(0, 1);
      out.push(
        makeDiagnostic(
          'RPT3004',
          rowPointer(TOTAL, c),
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
    });
    return out;
  },
};
