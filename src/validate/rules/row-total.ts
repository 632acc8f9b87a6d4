/**
 * R2 (table 三) and R4 (table 四): in every row the last cell, 总计, is the sum of the others.
 * The diagnostic sits on the 总计 cell; a hint points at each summed cell.
 * @example ok      new: [1, 2, 0, 0, 0, 0, 3]
 * @example not-ok  new: [1, 2, 0, 0, 0, 0, 4]  → RPT3003 at /applications/new/6
 */
import { makeDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, CASE_COLUMNS, CASE_ROWS } from '../../format/national-2021';
import { rowAt, rowPointer, sum } from '../../report/rows';
import type { Rule } from './context';
import { cellHints } from './sum-text';

function checkRow(
  code: 'RPT3003' | 'RPT3005',
  path: readonly string[],
  values: readonly number[],
  columns: readonly { label: string; en: string }[],
  where: { zh: string; en: string },
): Diagnostic[] {
  const totalIndex = columns.length - 1;
  const parts = values.slice(0, totalIndex);
  const expected = sum(parts);
  const actual = values[totalIndex] ?? 0;
  if (expected === actual) return [];
  const terms = parts.map((value, column) => ({ label: columns[column]?.label ?? '', en: columns[column]?.en ?? '', value, pointer: rowPointer(path, column) }));
  return [
    makeDiagnostic(
      code,
      rowPointer(path, totalIndex),
      {
        cell: where.zh,
        cellEn: where.en,
        expected: String(expected),
        actual: String(actual),
        formula: `${terms.map((t) => t.label).join(' + ')} = ${terms.map((t) => t.value).join(' + ')} = ${expected}`,
        formulaEn: `${terms.map((t) => t.en).join(' + ')} = ${terms.map((t) => t.value).join(' + ')} = ${expected}`,
      },
      cellHints(terms),
    ),
  ];
}

export const rowTotal: Rule = {
  ids: ['R2', 'R4'],
  check({ report }) {
    const out: Diagnostic[] = [];
    for (const row of APPLICATION_ROWS) {
      const values = rowAt(report, row.path);
      if (values) out.push(...checkRow('RPT3003', row.path, values, APPLICANT_COLUMNS, { zh: `表三“${row.label}”`, en: `table 3 "${row.en}"` }));
    }
    for (const row of CASE_ROWS) {
      out.push(
        ...checkRow('RPT3005', ['review_litigation', row.key], report.review_litigation[row.key], CASE_COLUMNS, {
          zh: `表四“${row.label}”`,
          en: `table 4 "${row.en}"`,
        }),
      );
    }
    return out;
  },
};
