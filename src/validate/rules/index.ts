/** The consistency rules, in the order their diagnostics are produced, and the runner. */
import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { Rule, RuleContext } from './context';
import { crossYear } from './cross-year';
import { feeUnit } from './fee-unit';
import { partSix } from './part-six';
import { publicationDate } from './publication-date';
import { rowTotal } from './row-total';
import { ruleMakingPower } from './rule-making-power';
import { table3Balance } from './table3-balance';
import { table3ResultsTotal } from './table3-results-total';
import { textNumbers } from './text-numbers';

export const RULES: readonly Rule[] = [
  table3Balance,
  rowTotal,
  table3ResultsTotal,
  feeUnit,
  crossYear,
  ruleMakingPower,
  partSix,
  publicationDate,
  textNumbers,
];

export function runRules(context: RuleContext): Diagnostic[] {
  return RULES.flatMap((rule) => rule.check(context));
}
