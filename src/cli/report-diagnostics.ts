/** Prints a run's diagnostics, through the chosen reporter (stderr) or as JSON (stdout), and decides pass/fail. */
import type { Checked } from '../check';
import { catalog } from '../diagnostics/catalog';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { printSummary, type Lang } from '../diagnostics/print-human';
import { printJson, type FileResult } from '../diagnostics/print-json';
import { reporterOf, type ReporterName } from '../diagnostics/reporters';
import type { SourceFile } from '../source/source-file';
import { hasInternalError } from '../core/internal-error';
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

/** One file's result as printed: its diagnostics, the source for code frames, the rule checks it skipped. */
export type Reported = Pick<Checked, 'file' | 'diagnostics'> &
  Partial<Pick<Checked, 'source' | 'skipped'>> & {
    /** A command's own facts about the file, added to its JSON entry (import: format, organ, year, output). */
    fields?: Record<string, unknown>;
  };

/** A diagnostic about the run rather than a file (catalog scope 'run': the machine has no 仿宋, RPT5012). */
export const isRunLevel = (d: Diagnostic) => (catalog[d.code] as { scope?: 'run' }).scope === 'run';

/** What makes two run-level diagnostics the same fact (the same stand-in raised by two files). */
export const runLevelKey = (d: Diagnostic) => JSON.stringify([d.code, d.message]);

/**
 * Takes the run-level diagnostics out of the files they were raised in and keeps each distinct one
 * once: every file of a batch raises the same font stand-in, which is one fact about the machine
 * and is said once per run, not once per file (nor pinned on the first file, as if its report were
 * at fault). The files keep their own diagnostics; exit codes are decided on the files as raised.
 */
function splitRunLevel(checked: readonly Reported[]): { files: Reported[]; run: Diagnostic[] } {
  const run = new Map<string, Diagnostic>();
  const files = checked.map((c) => {
    const own = c.diagnostics.filter((d) => {
      if (!isRunLevel(d)) return true;
      const key = runLevelKey(d);
      if (!run.has(key)) run.set(key, { ...d, file: '' });
      return false;
    });
    return own.length === c.diagnostics.length ? c : { ...c, diagnostics: own };
  });
  return { files, run: [...run.values()] };
}

/**
 * Prints every file's results in input order (for people: its diagnostics, then the outputs written
 * for it; for programs: the diagnostics alone), then what concerns the whole run (JSON: the top-level
 * diagnostics), and for people the summary line last. Called once all files are done, so nothing
 * interleaves with the progress bar.
 */
export function reportDiagnostics(
  io: Io,
  checked: readonly Reported[],
  options: OutputOptions,
  outputs?: ReadonlyMap<string, string[]>,
  /** A table of the files printed before the summary line (human output only). */
  table?: string,
  /** The command's own facts about the run: top-level keys of the JSON (validate and import: `pairs`). */
  top?: Record<string, unknown>,
): void {
  const { files, run } = splitRunLevel(checked);
  if (options.json) {
    const results: FileResult[] = files.map((c) => ({
      file: c.file,
      diagnostics: c.diagnostics,
      skipped: c.skipped ?? [],
      ...(outputs ? { outputs: outputs.get(c.file) ?? [] } : {}),
      ...(c.fields ? { fields: c.fields } : {}),
    }));
    io.stdout(printJson(results, run, top));
    return;
  }
  const reporter = reporterOf(options.reporter);
  for (const c of files) {
    const sources = new Map<string, SourceFile>(c.source ? [[c.source.path, c.source]] : []);
    if (c.diagnostics.length > 0) io.stderr(reporter.print(c.diagnostics, sources, options.lang));
    if (!reporter.forPeople) continue;
    for (const file of outputs?.get(c.file) ?? []) io.stderr(options.lang === 'zh' ? `已生成 ${file}\n` : `wrote ${file}\n`);
  }
  if (run.length > 0) io.stderr(reporter.print(run, new Map(), options.lang));
  if (!reporter.forPeople) return;
  const all = [...files.flatMap((c) => c.diagnostics), ...run];
  if (hasInternalError(all)) io.stderr(INTERNAL_NOTE[options.lang]);
  if (table !== undefined) io.stderr(table);
  io.stderr(printSummary(all, files.length, options.lang) + '\n');
}

/** One line after the results when a bug hit some file (RPT5011 says which). */
const INTERNAL_NOTE = {
  zh: 'nianbao 内部错误：这是程序缺陷，请报告此问题（附上 RPT5011 信息和报告文件）\n',
  en: 'nianbao internal error: this is a bug, please report it (with the RPT5011 message and the report file)\n',
} as const;
