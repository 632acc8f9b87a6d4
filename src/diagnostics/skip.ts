/**
 * A check a rule did not make because a value it needs was unusable. Reported beside the
 * diagnostics (`skipped` in --json), so it is defined with them; validate/rules produces it.
 */
export interface Skip {
  /** Template rule id (R1, R2 …). */
  rule: string;
  /** Where the check would have reported. */
  pointer: string;
  /** The unusable places it needed. */
  because: string[];
}
