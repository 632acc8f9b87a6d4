/**
 * What a rule sees: the report as far as it is usable (salvage.ts), last year's report when
 * --previous was given, and the values to use — a rule never reads a rejected value, it records
 * that it skipped the check instead.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic';
import type { Skip } from '../../diagnostics/skip';
import type { Format } from '../../format/format';
import type { Report } from '../../report/types';
import type { Unusable } from '../salvage';

export interface SalvagedReport {
  report: Report;
  unusable: Unusable;
}

/** A value a rule may use, or the unusable places that block it. */
export type Got<T> = { value: T; blocked?: undefined } | { value?: undefined; blocked: string[] };

export interface RuleContext extends SalvagedReport {
  /** The report's format: the rows and columns the rules sum over. */
  format: Format;
  previous?: SalvagedReport & { file: string };
  /** Records a skipped check; the runner collects them. */
  skip(skip: Skip): void;
}

/** A consistency rule of ../shared/TEMPLATE.md §6. */
export interface Rule {
  /** Template rule ids it enforces (R1, R1c …). */
  readonly ids: readonly string[];
  check(context: RuleContext): Diagnostic[];
}

/** Every value, or the union of what blocks any of them. */
export function all(values: readonly Got<unknown>[]): Got<unknown[]> {
  const blocked = [...new Set(values.flatMap((v) => v.blocked ?? []))].sort();
  return blocked.length > 0 ? { blocked } : { value: values.map((v) => v.value) };
}

/** A value of the report at a pointer, unless it (or a value it lies in) is unusable. */
export function usable<T>(report: SalvagedReport, pointer: string, value: T): Got<T> {
  const covering = report.unusable.covering(pointer);
  return covering === undefined ? { value } : { blocked: [covering] };
}

/** Last year's report, when one was given and it is of the year before (RPT3015 says so otherwise): what the plausibility rules compare with. */
export function lastYear(context: RuleContext): (SalvagedReport & { file: string }) | undefined {
  const { previous } = context;
  return previous && previous.report.year === context.report.year - 1 ? previous : undefined;
}
