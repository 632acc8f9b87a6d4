/**
 * R8 (error): 上年结转 this year = 结转下年度继续办理 last year, per column.
 * R9 (warning): 现行有效 = last year's 现行有效 + 本年制发 − 本年废止, for 规章 and 行政规范性文件.
 * Only with --previous; the previous report must be for year − 1 and, normally, the same organ.
 */
import { makeDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import { APPLICANT_COLUMNS, DOCUMENT_ROWS } from '../../format/national-2021';
import type { Rule } from './context';

export const crossYear: Rule = {
  ids: ['R8', 'R9'],
  check({ report, previous }) {
    if (!previous) return [];
    const last = previous.report;
    if (last.year !== report.year - 1) {
      return [makeDiagnostic('RPT3015', '/year', { previousYear: last.year, expectedYear: report.year - 1 })];
    }
    const out: Diagnostic[] = [];
    if (last.organ !== report.organ) out.push(makeDiagnostic('RPT3017', '/organ', { organ: report.organ, previousOrgan: last.organ }));
    APPLICANT_COLUMNS.forEach((column, c) => {
      const expected = last.applications.carry_forward[c] ?? 0;
      const actual = report.applications.carried_over[c] ?? 0;
      if (expected === actual) return;
      out.push(
        makeDiagnostic('RPT3008', `/applications/carried_over/${c}`, {
          column: column.label,
          columnEn: column.en,
          expected: String(expected),
          actual: String(actual),
          previousYear: last.year,
          previousFile: previous.file,
        }),
      );
    });
    for (const row of DOCUMENT_ROWS) {
      const before = last.proactive[row.key].in_force;
      const { issued, repealed, in_force } = report.proactive[row.key];
      const expected = before + issued - repealed;
      if (expected === in_force) continue;
      out.push(
        makeDiagnostic('RPT3009', `/proactive/${row.key}/in_force`, {
          row: row.label,
          rowEn: row.en,
          expected: String(expected),
          actual: String(in_force),
          formula: `${before} + ${issued} − ${repealed} = ${expected}`,
          formulaEn: `${before} + ${issued} − ${repealed} = ${expected}`,
        }),
      );
    }
    return out;
  },
};
