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
import { errnoReason } from '../source/read-failure';

export interface WriteResult {
  /** Paths now holding new outputs. */
  written: string[];
  /** The first failure, when there was one: the target path and the reason (an errno code, or NOT_REGULAR). */
  failure?: { path: string; reason: string };
}

/** A path that is there and not a regular file. */
const isSpecial = (host: Host, file: string) => ['directory', 'special'].includes(host.statFile(file).kind);

/** The reason of a target refused because it is a folder, device or FIFO (writing would replace or block on it). */
const NOT_REGULAR = 'not-regular';

/** A failed write as the diagnostic (RPT1021 for a target that is not a regular file, else RPT5001) of `file`, the input whose output it was. */
export function writeFailure(failure: NonNullable<WriteResult['failure']>, file: string): Diagnostic {
  if (failure.reason === NOT_REGULAR) return { ...makeDiagnostic('RPT1021', null, { path: failure.path }), file };
  const reason = errnoReason(failure.reason);
  return { ...makeDiagnostic('RPT5001', null, { path: failure.path, reason: reason.zh, reasonEn: reason.en }), file };
}

/**
 * Why `file` may not be written by a run that reads `inputs`: it is a folder, device or FIFO
 * (RPT1021), it is one of the inputs (RPT1022: writing
 * would destroy the input), or it exists and `force` is false (RPT5002: a YAML is the clerk's
 * source of truth). Compared by device and inode, so a symlink, a `./` spelling or a hard link is the same file.
 */
export function outputRefusal(host: Host, file: string, inputs: readonly string[], force: boolean): Diagnostic | undefined {
  if (isSpecial(host, file)) return { ...makeDiagnostic('RPT1021', null, { path: file }), file };
  const identity = host.fileIdentity(file);
  if (identity === undefined) return undefined;
  if (inputs.some((input) => host.fileIdentity(input) === identity)) return { ...makeDiagnostic('RPT1022', null, { path: file }), file };
  return force ? undefined : { ...makeDiagnostic('RPT5002', null, { path: file }), file };
}

const reasonOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

export function writeOutputs(host: Host, outputs: readonly { path: string; bytes: Uint8Array }[]): WriteResult {
  const temps: { temp: string; path: string }[] = [];
  const written: string[] = [];
  let target = '';
  // Renaming over a device or FIFO would replace it (as root, /dev/full); over a folder it fails halfway.
  const special = outputs.find((output) => isSpecial(host, output.path));
  if (special) return { written, failure: { path: special.path, reason: NOT_REGULAR } };
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
