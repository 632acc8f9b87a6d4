/**
 * The order diagnostics are printed in — file, line, column, severity, code, compared by code point
 * so output is identical on every machine — and their counts. Placing them (pointer → line/column)
 * is source/locate.ts.
 */
import type { Diagnostic } from './diagnostic';

const severityRank = { error: 0, warning: 1 } as const;
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts by file, line, column, severity, code, pointer. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      byCodePoint(a.file, b.file) ||
      (a.span?.start.line ?? 0) - (b.span?.start.line ?? 0) ||
      (a.span?.start.column ?? 0) - (b.span?.start.column ?? 0) ||
      severityRank[a.severity] - severityRank[b.severity] ||
      byCodePoint(a.code, b.code) ||
      byCodePoint(a.pointer ?? '', b.pointer ?? ''),
  );
}

/** Counts of errors and warnings. */
export function countSeverities(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}
