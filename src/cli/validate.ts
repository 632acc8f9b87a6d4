/**
 * `report validate FILE...`: check every file as `build` would, without rendering or writing: the
 * report itself, then the fonts a PDF would use and whether they draw every character
 * (fonts/checks.ts). Prints every problem; exit 0/1 (4 when a bug hit a file).
 */
import type { Checked } from '../check';
import { runBatch, verdictOf } from '../core/batch';
import { checkForBuild, placedChecked } from '../core/build';
import type { Input } from '../core/inputs';
import { reviewAcrossFiles, withFound } from '../core/review';
import { withSource } from '../core/source-host';
import type { Host } from '../host';
import type { FontRole } from '../format/font-roles';
import { EXIT } from './exit-codes';
import { pairsTable } from './pairs-table';
import type { Io } from './io';
import { reportDiagnostics, type OutputOptions } from './report-diagnostics';

export interface ValidateOptions extends OutputOptions {
  previous?: string;
  /** Font files by role from --font, as build takes them. */
  fonts: Partial<Record<FontRole, string>>;
}

/** One file: every check `build` makes before rendering. */
function validateFile(host: Host, input: Input, options: ValidateOptions): Checked {
  const from = input.stdin ? withSource(host, input.file, input.stdin) : host;
  return placedChecked(
    checkForBuild(from, input.file, options.fonts, { fonts: true, ...(options.previous !== undefined ? { previous: options.previous } : {}) }),
  );
}

export async function runValidate(host: Host, io: Io, inputs: readonly Input[], options: ValidateOptions): Promise<number> {
  if (options.previous !== undefined && inputs.length > 1) {
    io.stderr('--previous 只能与一个报告文件一起使用 / --previous takes exactly one report file\n');
    return EXIT.usage;
  }
  // In this thread: checking a report takes milliseconds, less than starting a worker.
  const checked = await runBatch(inputs, {
    where: { here: (input) => validateFile(host, input, options) },
    failed: (input, diagnostic): Checked => ({ file: input.file, diagnostics: [diagnostic], skipped: [] }),
  });
  // Many reports: those of one organ in consecutive years are checked against each other (core/review.ts).
  const review = await reviewAcrossFiles(
    host,
    checked.map((c) => ({ file: c.file, ...(c.reread ? { reread: c.reread } : {}) })),
  );
  const results = withFound(checked, review);
  const table = review.pairs.length > 0 ? pairsTable(review.pairs, options.lang) : undefined;
  reportDiagnostics(io, results, options, undefined, table, { pairs: review.pairs });
  return EXIT[verdictOf(results, options)];
}
