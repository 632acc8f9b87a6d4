/** What a rule sees: the normalised report, and last year's report when --previous was given. */
import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { Report } from '../../report/types';

export interface RuleContext {
  report: Report;
  previous?: { report: Report; file: string };
}

/** A consistency rule of ../shared/TEMPLATE.md §6. */
export interface Rule {
  /** Template rule ids it enforces (R1, R1c …). */
  readonly ids: readonly string[];
  check(context: RuleContext): Diagnostic[];
}
