/**
 * R8 (error): 上年结转 this year = 结转下年度继续办理 last year, per column.
 * R9 (warning): 现行有效 = last year's 现行有效 + 本年制发 − 本年废止, for 规章 and 行政规范性文件.
 * Only with --previous; the previous report must be for year − 1 and, normally, the same organ.
 */
import { makeDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import { rowPointer } from '../../report/rows';
import { effectiveCell, eachColumn } from './cells';
import { all, usable, type Rule } from './context';

const CARRIED = ['applications', 'carried_over'];
const FORWARD = ['applications', 'carry_forward'];

export const crossYear: Rule = {
  ids: ['R8', 'R9'],
  check(context) {
    const { report, previous } = context;
    const { APPLICANT_COLUMNS, DOCUMENT_ROWS } = context.format.labels;
    const COLUMNS = APPLICANT_COLUMNS.length;
    if (!previous) return [];
    const last = previous.report;
    const years = all([usable(context, '/year', report.year), usable(previous, '/year', last.year)]);
    if (!years.value) {
      context.skip({ rule: 'R8', pointer: '/year', because: years.blocked });
      return [];
    }
    if (last.year !== report.year - 1) {
      return [makeDiagnostic('RPT3015', '/year', { previousYear: last.year, expectedYear: report.year - 1 })];
    }
    const out: Diagnostic[] = [];
    const organs = all([usable(context, '/organ', report.organ), usable(previous, '/organ', last.organ)]);
    if (organs.value && last.organ !== report.organ) out.push(makeDiagnostic('RPT3017', '/organ', { organ: report.organ, previousOrgan: last.organ }));
    eachColumn(COLUMNS, (c) => {
      const pointer = rowPointer(CARRIED, c);
      const got = all([effectiveCell(previous, FORWARD, c, COLUMNS), effectiveCell(context, CARRIED, c, COLUMNS)]);
      if (!got.value) {
        context.skip({ rule: 'R8', pointer, because: got.blocked });
        return false;
      }
      const [expected, actual] = got.value as [number, number];
      if (expected === actual) return true;
      const column = APPLICANT_COLUMNS[c] as (typeof APPLICANT_COLUMNS)[number];
      out.push(
        makeDiagnostic('RPT3008', pointer, {
          column: column.label,
          columnEn: column.en,
          expected: String(expected),
          actual: String(actual),
          previousYear: last.year,
          previousFile: previous.file,
        }),
      );
      return true;
    });
    for (const row of DOCUMENT_ROWS) {
      const pointer = `/proactive/${row.key}/in_force`;
      const { issued, repealed, in_force } = report.proactive[row.key];
      const got = all([
        usable(previous, pointer, last.proactive[row.key].in_force),
        usable(context, `/proactive/${row.key}/issued`, issued),
        usable(context, `/proactive/${row.key}/repealed`, repealed),
        usable(context, pointer, in_force),
      ]);
      if (!got.value) {
        context.skip({ rule: 'R9', pointer, because: got.blocked });
        continue;
      }
      const [before] = got.value as [number];
      const expected = before + issued - repealed;
      if (expected === in_force) continue;
      const formula = expected >= 0 ? `${before} + ${issued} − ${repealed} = ${expected}` : `${before} + ${issued} < ${repealed}`;
      out.push(
        makeDiagnostic('RPT3009', pointer, {
          row: row.label,
          rowEn: row.en,
          expected,
          actual: String(in_force),
          formula,
          formulaEn: formula,
        }),
      );
    }
    return out;
  },
};
