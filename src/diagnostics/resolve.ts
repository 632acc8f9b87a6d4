/**
 * Places diagnostics in their file: pointer → line/column via the YAML document, and a total order
 * (line, column, severity, code) compared by code point so output is identical on every machine.
 */
import type { Document } from 'yaml';
import { locatePointer } from '../source/pointer';
import type { SourceFile } from '../source/source-file';
import type { Diagnostic } from './diagnostic';

/** Fills file, span and hint positions. A key-level pointer (unknown key) is marked with `key`. */
export function resolveSpans(diagnostics: Diagnostic[], source: SourceFile, doc: Document | undefined, keyCodes: ReadonlySet<string>): Diagnostic[] {
  return diagnostics.map((diagnostic) => {
    const placed: Diagnostic = { ...diagnostic, file: source.path };
    if (doc && diagnostic.pointer !== null && !diagnostic.span) {
      const located = locatePointer(doc, diagnostic.pointer, keyCodes.has(diagnostic.code));
      if (located) {
        // Searched within the value only: a search to the end of the file for each diagnostic is quadratic.
        const within = diagnostic.focus ? source.text.slice(located.start, located.end).indexOf(diagnostic.focus) : -1;
        const [start, end] = within >= 0 ? [located.start + within, located.start + within + (diagnostic.focus?.length ?? 0)] : [located.start, located.end];
        placed.span = { start: source.position(start), end: source.position(end) };
      }
    }
    placed.hints = diagnostic.hints.map((hint) => {
      if (!doc || hint.pointer === undefined) return hint;
      const located = locatePointer(doc, hint.pointer);
      return located?.exact ? { ...hint, at: source.position(located.start) } : hint;
    });
    return placed;
  });
}

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
