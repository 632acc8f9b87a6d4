/**
 * What the recogniser found where a published report departs from the national format: a catalogued
 * diagnostic (RPT4xxx, src/diagnostics/catalog.ts) at a place in the source and at a value of the
 * report data. `report import` prints each as a diagnostic and writes it as a YAML comment at its value.
 */
import type { Code } from '../diagnostics/catalog';
import { makeDiagnostic, type Diagnostic, type ParamsOf } from '../diagnostics/diagnostic';

/** The checker's code in the import band: a blank stretch of a table (validate/collapse.ts). */
export type CheckerBlankCode = 'RPT4025';
const CHECKER_BLANK: CheckerBlankCode = 'RPT4025';
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

/** Findings that left a value null: the checker's diagnostics about that value are the same fact. */
const LEFT_NULL: ReadonlySet<string> = new Set([
  'RPT4002',
  'RPT4003',
  'RPT4004',
  'RPT4014',
  'RPT4015',
  'RPT4016',
  'RPT4017',
  'RPT4018',
  'RPT4022',
  'RPT4023',
  'RPT4026',
]);

/**
 * One fact, one message: a checker's diagnostic about a value that an import finding left null (at
 * the finding's pointer, or a cell of the finding's stretch of a table) is that finding's: one
 * diagnostic with the finding's code and words (where in the source, why null), the checker's
 * severity (an error still fails the run) and the checker's words as a hint.
 */
export function mergeFindings(findings: readonly Finding[], placed: readonly Diagnostic[]): Diagnostic[] {
  const byPointer = new Map<string, Finding>();
  for (const f of findings) {
    if (!LEFT_NULL.has(f.code)) continue;
    for (const pointer of [f.pointer, ...(f.cells ?? [])]) if (pointer !== '' && !byPointer.has(pointer)) byPointer.set(pointer, f);
  }
  const absorbed = new Map<Finding, Diagnostic[]>();
  for (const d of placed) {
    const f = d.pointer === null || (d.code.startsWith('RPT4') && d.code !== CHECKER_BLANK) ? undefined : byPointer.get(d.pointer);
    if (!f) continue;
    const list = absorbed.get(f);
    if (list) list.push(d);
    else absorbed.set(f, [d]);
  }
  const keyOf = (code: string, zh: string) => `${code}\u0000${zh}`;
  const findingOf = new Map([...absorbed.keys()].map((f) => [keyOf(f.code, findingDiagnostic(f).message.zh), f]));
  const dropped = new Set([...absorbed.values()].flat());
  const diagnostics: Diagnostic[] = [];
  for (const d of placed) {
    if (dropped.has(d)) continue;
    const f = d.code.startsWith('RPT4') ? findingOf.get(keyOf(d.code, d.message.zh)) : undefined;
    const checks = f ? absorbed.get(f) : undefined;
    if (!checks) {
      diagnostics.push(d);
      continue;
    }
    const [first] = checks as [Diagnostic];
    const more = checks.length > 1 ? { zh: `等 ${checks.length} 处`, en: ` and ${checks.length - 1} more` } : { zh: '', en: '' };
    const words = { zh: `检查：${first.message.zh}${more.zh}（${first.code}）`, en: `check: ${first.message.en}${more.en} (${first.code})` };
    const severity = checks.some((c) => c.severity === 'error') ? ('error' as const) : d.severity;
    const one = { ...d, severity, hints: [...d.hints, words, ...first.hints] };
    diagnostics.push(one);
  }
  return diagnostics;
}
