/**
 * R7: 行政事业性收费 is in 万元. An amount above a million 万元 (10 billion yuan) is almost certainly
 * written in yuan. (Negative amounts and text are schema errors.)
 * @example not-ok  fees: 3784200  → RPT3007 at /proactive/fees
 */
import { makeDiagnostic } from '../../diagnostics/diagnostic';
import { usable, type Rule } from './context';

const IMPLAUSIBLE_WAN = 1_000_000;
const POINTER = '/proactive/fees';

export const feeUnit: Rule = {
  ids: ['R7'],
  check(context) {
    const fees = usable(context, POINTER, context.report.proactive.fees);
    if (fees.value === undefined) {
      context.skip({ rule: 'R7', pointer: POINTER, because: fees.blocked });
      return [];
    }
    if (fees.value <= IMPLAUSIBLE_WAN) return [];
    return [makeDiagnostic('RPT3007', POINTER, { actual: String(fees.value), converted: String(fees.value / 10_000) })];
  },
};
