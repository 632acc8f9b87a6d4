/** Machine output: a stable JSON document (fixed key order, both languages) for scripts and editors. */
import type { Skip } from '../validate/rules';
import type { Diagnostic } from './diagnostic';
import { escapeJsonInvisibles } from './escape-invisible';

/** What one input file came to. */
export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
  /** Rule checks not made because a value they need has an error of its own. */
  skipped: Skip[];
  /** Files written for this input (build only). */
  outputs?: string[];
  /** A command's own facts about the file, placed in its entry after the counts. */
  fields?: Record<string, unknown>;
}

export function diagnosticJson(d: Diagnostic): object {
  return {
    code: d.code,
    severity: d.severity,
    file: d.file,
    line: d.span?.start.line ?? null,
    column: d.span?.start.column ?? null,
    endLine: d.span?.end.line ?? null,
    endColumn: d.span?.end.column ?? null,
    pointer: d.pointer,
    rule: d.rule ?? null,
    message: { zh: d.message.zh, en: d.message.en },
    hints: d.hints.map((h) => ({
      zh: h.zh,
      en: h.en,
      pointer: h.pointer ?? null,
      line: h.at?.line ?? null,
      column: h.at?.column ?? null,
    })),
  };
}

/**
 * The whole run as JSON: per-file status and diagnostics, the diagnostics about the run itself (not
 * any one file: e.g. RPT5012, a font the machine lacks), then totals over both.
 */
export function printJson(results: readonly FileResult[], run: readonly Diagnostic[] = []): string {
  let errors = run.filter((d) => d.severity === 'error').length;
  let warnings = run.length - errors;
  const files = results.map((r) => {
    const e = r.diagnostics.filter((d) => d.severity === 'error').length;
    errors += e;
    warnings += r.diagnostics.length - e;
    return {
      file: r.file,
      ok: e === 0,
      errors: e,
      warnings: r.diagnostics.length - e,
      ...r.fields,
      ...(r.outputs ? { outputs: r.outputs } : {}),
      diagnostics: r.diagnostics.map(diagnosticJson),
      skipped: r.skipped.map((skip) => ({ rule: skip.rule, pointer: skip.pointer, because: skip.because })),
    };
  });
  return escapeJsonInvisibles(JSON.stringify({ version: 1, files, diagnostics: run.map(diagnosticJson), errors, warnings }, null, 2)) + '\n';
}
