/**
 * A bug that hit one file (an exception, a worker that died) becomes that file's RPT5011
 * diagnostic: the rest of the batch goes on, the run exits 4, and no stack trace reaches the user.
 * The message keeps the error's first line, which is what a bug report needs to start with.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';

export function internalErrorDiagnostic(file: string, error: unknown): Diagnostic {
  const text = error instanceof Error ? error.message : String(error);
  // Errors from a worker arrive as their stack: keep the "TypeError: …" line, not the frames.
  const reason = text.split('\n')[0]?.trim() || 'unknown error';
  return { ...makeDiagnostic('RPT5011', null, { reason }), file };
}

/** True when any diagnostic is an internal error (the run then exits 4). */
export const hasInternalError = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.code === 'RPT5011');
