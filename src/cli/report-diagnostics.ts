/** Prints a run's diagnostics, through the chosen reporter (stderr) or as JSON (stdout), and decides pass/fail. */
import type { Checked } from '../check';
import { countSeverities } from '../diagnostics/resolve';
import { printSummary, type Lang } from '../diagnostics/print-human';
import { printJson, type FileResult } from '../diagnostics/print-json';
import { reporterOf, type ReporterName } from '../diagnostics/reporters';
import type { SourceFile } from '../source/source-file';
import { hasInternalError } from './internal-error';
import type { Io } from './io';

export interface OutputOptions {
  json?: boolean;
  /** --reporter: the format of the diagnostics (human when not given). */
  reporter?: ReporterName;
  strict?: boolean;
  lang: Lang;
}

/** Whether a person reads the output: then progress bars and lines about files written are shown too. */
export const forPeople = (options: OutputOptions): boolean => !options.json && reporterOf(options.reporter).forPeople;

/** True when a file's diagnostics fail the run (errors; warnings too under --strict). */
export function fails(checked: Pick<Checked, 'diagnostics'>, strict: boolean | undefined): boolean {
  const { errors, warnings } = countSeverities(checked.diagnostics);
  return errors > 0 || (Boolean(strict) && warnings > 0);
}

/** One file's result as printed: its diagnostics, the source for code frames, the rule checks it skipped. */
export type Reported = Pick<Checked, 'file' | 'diagnostics'> &
  Partial<Pick<Checked, 'source' | 'skipped'>> & {
    /** A command's own facts about the file, added to its JSON entry (import: format, organ, year, output). */
    fields?: Record<string, unknown>;
  };

/**
 * Prints every file's results in input order (for people: its diagnostics, then the outputs written
 * for it, and the summary line last; for programs: the diagnostics alone). Called once all files are
 * done, so nothing interleaves with the progress bar.
 */
export function reportDiagnostics(
  io: Io,
  checked: readonly Reported[],
  options: OutputOptions,
  outputs?: ReadonlyMap<string, string[]>,
  /** A table of the files printed before the summary line (human output only). */
  table?: string,
): void {
  if (options.json) {
    const results: FileResult[] = checked.map((c) => ({
      file: c.file,
      diagnostics: c.diagnostics,
      skipped: c.skipped ?? [],
      ...(outputs ? { outputs: outputs.get(c.file) ?? [] } : {}),
      ...(c.fields ? { fields: c.fields } : {}),
    }));
    io.stdout(printJson(results));
    return;
  }
  const reporter = reporterOf(options.reporter);
  for (const c of checked) {
    const sources = new Map<string, SourceFile>(c.source ? [[c.source.path, c.source]] : []);
    if (c.diagnostics.length > 0) io.stderr(reporter.print(c.diagnostics, sources, options.lang));
    if (!reporter.forPeople) continue;
    for (const file of outputs?.get(c.file) ?? []) io.stderr(options.lang === 'zh' ? `已生成 ${file}\n` : `wrote ${file}\n`);
  }
  if (!reporter.forPeople) return;
  const all = checked.flatMap((c) => c.diagnostics);
  if (hasInternalError(all)) io.stderr(INTERNAL_NOTE[options.lang]);
  if (table !== undefined) io.stderr(table);
  io.stderr(printSummary(all, checked.length, options.lang) + '\n');
}

/** One line after the results when a bug hit some file (RPT5011 says which). */
const INTERNAL_NOTE = {
  zh: 'nianbao 内部错误：这是程序缺陷，请报告此问题（附上 RPT5011 信息和报告文件）\n',
  en: 'nianbao internal error: this is a bug, please report it (with the RPT5011 message and the report file)\n',
} as const;
