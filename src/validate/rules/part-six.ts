/**
 * R11 (part 六 present) and R12 (六 reports the 信息处理费). Part 六 is other_matters plus the fee
 * sentence rendered from processing_fees; one of them must exist. When table 三 counts applications
 * dropped for an unpaid fee notice, fee notices were issued, so processing_fees must say so.
 */
import { makeDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import { rowPointer } from '../../report/rows';
import type { Text } from '../../report/types';
import { effectiveCell } from './cells';
import { all, usable, type Rule } from './context';

/** All the words of a text, for searching. */
export function textContent(text: Text | undefined): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text.map((item) => (typeof item === 'string' ? item : `${item.heading}\n${textContent(item.body)}`)).join('\n');
}

const OVERDUE_FEE = ['applications', 'results', 'other', 'overdue_fee'];

export const partSix: Rule = {
  ids: ['R11', 'R12'],
  check(context) {
    const { report } = context;
    const { APPLICANT_COLUMNS, APPLICANT_TOTAL_INDEX } = context.format.labels;
    const fees = report.processing_fees;
    const blocked = [...(fees ? [] : context.unusable.touching('/processing_fees')), ...context.unusable.touching('/other_matters')];
    if (!fees && report.other_matters === undefined) {
      if (blocked.length > 0) {
        context.skip({ rule: 'R11', pointer: '/other_matters', because: blocked });
        return [];
      }
      return [makeDiagnostic('RPT3011', null, {})];
    }
    const out: Diagnostic[] = [];
    if (!fees && !textContent(report.other_matters).includes('信息处理费')) {
      out.push(makeDiagnostic('RPT3012', '/other_matters', { reason: '未说明信息处理费收取情况', reasonEn: 'the fee is not mentioned' }));
    }
    const pointer = fees ? '/processing_fees/notices' : rowPointer(OVERDUE_FEE, APPLICANT_TOTAL_INDEX);
    const got = all([
      effectiveCell(context, OVERDUE_FEE, APPLICANT_TOTAL_INDEX, APPLICANT_COLUMNS.length),
      ...(fees ? [usable(context, '/processing_fees/notices', fees.notices)] : []),
    ]);
    if (!got.value) {
      context.skip({ rule: 'R12', pointer, because: got.blocked });
      return out;
    }
    const [unpaid] = got.value as [number];
    if (unpaid > 0 && (fees?.notices ?? 0) === 0) {
      out.push(
        makeDiagnostic('RPT3012', pointer, {
          reason: `表三（六）2 有 ${unpaid} 件因逾期未缴费不再处理，说明发出过收费通知`,
          reasonEn: `table 3 counts ${unpaid} applications dropped for an unpaid fee, so fee notices were issued`,
        }),
      );
    }
    return out;
  },
};
