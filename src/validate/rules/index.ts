/** The consistency rules, in the order their diagnostics are produced, and the runner. */
import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { Skip } from '../../diagnostics/skip';
import type { Rule, RuleContext } from './context';
import { copiedText } from './copied-text';
import { crossYear } from './cross-year';
import { feeUnit } from './fee-unit';
import { partSix } from './part-six';
import { publicationDate } from './publication-date';
import { reportingPeriod } from './reporting-period';
import { rowTotal } from './row-total';
import { ruleMakingPower } from './rule-making-power';
import { table3Balance } from './table3-balance';
import { table3ResultsTotal } from './table3-results-total';
import { textNumbers } from './text-agrees-with-tables';
import { yearChange } from './year-change';

/** The rules that compare a report with last year's: they find nothing without `previous`. */
export const CROSS_YEAR_RULES: readonly Rule[] = [crossYear, yearChange, copiedText];

export const RULES: readonly Rule[] = [
  table3Balance,
  rowTotal,
  table3ResultsTotal,
  feeUnit,
  ...CROSS_YEAR_RULES,
  ruleMakingPower,
  partSix,
  publicationDate,
  textNumbers,
  reportingPeriod,
];

/** Runs the rules (by default every one); checks that needed an unusable value come back as skipped, not judged. */
export function runRules(context: Omit<RuleContext, 'skip'>, rules: readonly Rule[] = RULES): { diagnostics: Diagnostic[]; skipped: Skip[] } {
  const skipped = new Map<string, Skip>();
  const full: RuleContext = { ...context, skip: (skip) => skipped.set(`${skip.rule} ${skip.pointer}`, skip) };
  return { diagnostics: rules.flatMap((rule) => rule.check(full)), skipped: [...skipped.values()] };
}
