/**
 * R2 (table 三) and R4 (table 四): in every row the last cell, 总计, is the sum of the others.
 * The diagnostic sits on the 总计 cell; a hint points at each summed cell.
 * @example ok      new: [1, 2, 0, 0, 0, 0, 3]
 * @example not-ok  new: [1, 2, 0, 0, 0, 0, 4]  → RPT3003 at /applications/new/6
 */
import { makeDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import { rowAt, rowPointer, sum } from '../../report/rows';
import { rowParts, writtenCell } from './cells';
import { all, type Rule, type RuleContext } from './context';
import { cellHints } from './cell-hints';

function checkRow(
  context: RuleContext,
  code: 'RPT3003' | 'RPT3005',
  path: readonly string[],
  columns: readonly { label: string; en: string }[],
  where: { zh: string; en: string },
): Diagnostic[] {
  const totalIndex = columns.length - 1;
  // A row given without its total has it computed: nothing to check.
  if ((rowAt(context.report, path)?.length ?? 0) <= totalIndex) return [];
  const got = all([rowParts(context, path, columns.length), writtenCell(context, path, totalIndex)]);
  if (!got.value) {
    context.skip({ rule: code === 'RPT3003' ? 'R2' : 'R4', pointer: rowPointer(path, totalIndex), because: got.blocked });
    return [];
  }
  const [parts, actual] = got.value as [number[], number];
  const expected = sum(parts);
  if (expected === actual) return [];
  const terms = parts.map((value, column) => ({
    label: columns[column]?.label ?? '',
    en: columns[column]?.en ?? '',
    value,
    pointer: rowPointer(path, column),
  }));
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
  check(context) {
    const { APPLICANT_COLUMNS, APPLICATION_ROWS, CASE_COLUMNS, CASE_ROWS } = context.format.labels;
    const out: Diagnostic[] = [];
    for (const row of APPLICATION_ROWS) {
      out.push(...checkRow(context, 'RPT3003', row.path, APPLICANT_COLUMNS, { zh: `表三“${row.label}”`, en: `table 3 "${row.en}"` }));
    }
    for (const row of CASE_ROWS) {
      out.push(
        ...checkRow(context, 'RPT3005', ['review_litigation', row.key], CASE_COLUMNS, {
          zh: `表四“${row.label}”`,
          en: `table 4 "${row.en}"`,
        }),
      );
    }
    return out;
  },
};
