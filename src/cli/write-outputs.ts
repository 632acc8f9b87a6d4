/**
 * Writes one report's outputs (PDF, DOCX, model) so that no moment, not even a kill between two
 * file operations, leaves outputs of two different versions of the report side by side:
 *
 *   1. every output goes to a temp file beside its target; the old outputs are still untouched;
 *   2. the old outputs of this report are removed;
 *   3. each temp is renamed onto its target.
 *
 * Until step 2 ends, the report's outputs on disk are some of the old ones; from the first rename
 * on, every old one is already gone, so what is there is some of the new ones. A mixed pair would
 * need an old file to outlive a new file's rename, which step 2 rules out. A kill can leave a
 * report with fewer outputs than asked for, never with a stale one that looks current. On a
 * failure the temps not yet renamed are removed.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { Host } from '../host';

export interface WriteResult {
  /** Paths now holding new outputs. */
  written: string[];
  /** The first failure, when there was one: the target path and the reason (an errno code). */
  failure?: { path: string; reason: string };
}

/** A failed write as the diagnostic (RPT5001) of `file`, the input whose output it was. */
export const writeFailure = (failure: NonNullable<WriteResult['failure']>, file: string): Diagnostic => ({ ...makeDiagnostic('RPT5001', null, failure), file });

const reasonOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

export function writeOutputs(host: Host, outputs: readonly { path: string; bytes: Uint8Array }[]): WriteResult {
  const temps: { temp: string; path: string }[] = [];
  const written: string[] = [];
  let target = '';
  try {
    // Phase 1: all temps first.
    for (const output of outputs) {
      target = output.path;
      temps.push({ temp: host.writeTemp(output.path, output.bytes), path: output.path });
    }
    // Phase 2: no old output may outlive the first rename.
    for (const output of outputs) {
      target = output.path;
      host.remove(output.path);
    }
    // Phase 3: into place.
    while (temps.length > 0) {
      const { temp, path } = temps[0] as { temp: string; path: string };
      target = path;
      host.rename(temp, path);
      temps.shift();
      written.push(path);
    }
    return { written };
  } catch (error) {
    for (const { temp } of temps) {
      try {
        host.remove(temp);
      } catch {
        // The first failure is the one reported; a temp that cannot be removed either is left behind.
      }
    }
    return { written, failure: { path: target, reason: reasonOf(error) } };
  }
}
