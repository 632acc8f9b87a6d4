/** Prints a run's diagnostics, human (stderr) or JSON (stdout), and decides pass/fail. */
import type { Checked } from '../check';
import { countSeverities } from '../diagnostics/resolve';
import { printHuman, printSummary, type Lang } from '../diagnostics/print-human';
import { printJson, type FileResult } from '../diagnostics/print-json';
import type { SourceFile } from '../source/source-file';
import type { Io } from './main';

export interface OutputOptions {
  json?: boolean;
  strict?: boolean;
  lang: Lang;
}

/** True when a file's diagnostics fail the run (errors; warnings too under --strict). */
export function fails(checked: Pick<Checked, 'diagnostics'>, strict: boolean | undefined): boolean {
  const { errors, warnings } = countSeverities(checked.diagnostics);
  return errors > 0 || (Boolean(strict) && warnings > 0);
}

/** One file's result as printed: its diagnostics, the source for code frames, the rule checks it skipped. */
export type Reported = Pick<Checked, 'file' | 'diagnostics'> & Partial<Pick<Checked, 'source' | 'skipped'>>;

export function reportDiagnostics(io: Io, checked: readonly Reported[], options: OutputOptions, outputs?: ReadonlyMap<string, string[]>): void {
  if (options.json) {
    const results: FileResult[] = checked.map((c) => ({
      file: c.file,
      diagnostics: c.diagnostics,
      skipped: c.skipped ?? [],
      ...(outputs ? { outputs: outputs.get(c.file) ?? [] } : {}),
    }));
    io.stdout(printJson(results));
    return;
  }
  const sources = new Map<string, SourceFile>();
  for (const c of checked) if (c.source) sources.set(c.file, c.source);
  const all = checked.flatMap((c) => c.diagnostics);
  if (all.length > 0) io.stderr(printHuman(all, sources, options.lang));
  io.stderr(printSummary(all, checked.length, options.lang) + '\n');
}
