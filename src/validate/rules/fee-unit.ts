/**
 * R7: 行政事业性收费 is in 万元. An amount above a million 万元 (10 billion yuan) is almost certainly
 * written in yuan. (Negative amounts and text are schema errors.)
 * @example not-ok  fees: 3784200  → RPT3007 at /proactive/fees
 */
import { makeDiagnostic } from '../../diagnostics/diagnostic';
import type { Rule } from './context';

const IMPLAUSIBLE_WAN = 1_000_000;

export const feeUnit: Rule = {
  ids: ['R7'],
  check({ report }) {
    const fees = report.proactive.fees;
    if (fees <= IMPLAUSIBLE_WAN) return [];
    return [makeDiagnostic('RPT3007', '/proactive/fees', { actual: String(fees), converted: String(fees / 10_000) })];
  },
};
