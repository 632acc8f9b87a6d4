/**
 * R13 (warning): departments publish by 31 January and 本级人民政府 by 31 March of the next year
 * (条例 art. 49); a report dated inside its own statistical year is also suspicious.
 * @example not-ok  year: 2023, organ: 某局, date: 2024-02-10  → RPT3013 at /date
 */
import { makeDiagnostic } from '../../diagnostics/diagnostic';
import { all, usable, type Rule } from './context';

export const publicationDate: Rule = {
  ids: ['R13'],
  check(context) {
    const { report } = context;
    const got = all([usable(context, '/date', 0), usable(context, '/year', 0), usable(context, '/organ', 0)]);
    if (!got.value) {
      context.skip({ rule: 'R13', pointer: '/date', because: got.blocked });
      return [];
    }
    const next = report.year + 1;
    if (report.date <= `${report.year}-12-31`) return [makeDiagnostic('RPT3016', '/date', { date: report.date, year: report.year })];
    const government = /人民政府$/.test(report.organ);
    const deadline = government ? `${next}-03-31` : `${next}-01-31`;
    if (report.date <= deadline) return [];
    return [
      makeDiagnostic('RPT3013', '/date', {
        date: report.date,
        deadline,
        who: government ? '本级人民政府' : '政府部门',
        whoEn: government ? 'government' : 'department',
      }),
    ];
  },
};
