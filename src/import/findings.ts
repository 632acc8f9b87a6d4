/**
 * What the recogniser found where a published report departs from the national format: a catalogued
 * diagnostic (RPT4xxx, src/diagnostics/catalog.ts) at a place in the source and at a value of the
 * report data. `report import` prints each as a diagnostic and writes it as a YAML comment at its value.
 */
import type { Code } from '../diagnostics/catalog';
import { makeDiagnostic, type Diagnostic, type ParamsOf } from '../diagnostics/diagnostic';

/** The checker's codes in the import band: a blank region of a table (validate/collapse.ts). */
export type CheckerBlankCode = 'RPT4025';
/** The codes of the import band that the recogniser finds. */
export type ImportCode = Exclude<Extract<Code, `RPT4${string}`>, CheckerBlankCode>;

/** A finding's parameters: those its catalog messages and hint take, except the place (`at`). */
export type FindingParams<C extends ImportCode> = Omit<ParamsOf<C>, 'at'>;

export interface Finding {
  code: ImportCode;
  /** Where in the source: 第 29 行, 表 2 第 4 行第 1 格, 第 2 页第 7 行, 第 3 段 ('' when nowhere in particular). */
  at: string;
  /** JSON Pointer of the value it concerns in the report data ('' for the report as a whole). */
  pointer: string;
  /** The message's parameters (FindingParams of the code). */
  params: Readonly<Record<string, string | number>>;
  /** For a finding about a stretch of a table (a blank column, a whole table): the pointers of its cells. */
  cells?: readonly string[];
}

/** A finding of `code`, its parameters checked against the catalog. */
export function finding<C extends ImportCode>(code: C, at: string, pointer: string, params: FindingParams<C>, cells?: readonly string[]): Finding {
  return { code, at, pointer, params: params as unknown as Record<string, string | number>, ...(cells ? { cells } : {}) };
}

/** The finding as a diagnostic (pointer '' → null: about the whole report); its message opens with the place in the source. */
export function findingDiagnostic(f: Finding): Diagnostic {
  const make = makeDiagnostic as (code: ImportCode, pointer: string | null, params: object) => Diagnostic;
  return make(f.code, f.pointer === '' ? null : f.pointer, { ...f.params, at: f.at });
}
