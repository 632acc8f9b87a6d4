/** The consistency rules, in the order their diagnostics are produced, and the runner. */
import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { Skip } from '../../diagnostics/skip';
import type { Rule, RuleContext } from './context';
import { crossYear } from './cross-year';
import { feeUnit } from './fee-unit';
import { partSix } from './part-six';
import { publicationDate } from './publication-date';
import { rowTotal } from './row-total';
import { ruleMakingPower } from './rule-making-power';
import { table3Balance } from './table3-balance';
import { table3ResultsTotal } from './table3-results-total';
import { textNumbers } from './text-agrees-with-tables';

export const RULES: readonly Rule[] = [table3Balance, rowTotal, table3ResultsTotal, feeUnit, crossYear, ruleMakingPower, partSix, publicationDate, textNumbers];

/** Runs every rule; checks that needed an unusable value come back as skipped, not judged. */
export function runRules(context: Omit<RuleContext, 'skip'>): { diagnostics: Diagnostic[]; skipped: Skip[] } {
  const skipped = new Map<string, Skip>();
  const full: RuleContext = { ...context, skip: (skip) => skipped.set(`${skip.rule} ${skip.pointer}`, skip) };
  return { diagnostics: RULES.flatMap((rule) => rule.check(full)), skipped: [...skipped.values()] };
}
