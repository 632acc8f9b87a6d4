/**
 * `report validate FILE...`: check every file as `build` would, without rendering or writing: the
 * report itself, then the fonts a PDF would use and whether they draw every character
 * (fonts/checks.ts). Prints every problem; exit 0/1 (4 when a bug hit a file).
 */
import type { Checked } from '../check';
import { checkForBuild, placedChecked } from '../core/build';
import { withSource } from '../core/source-host';
import type { Host } from '../host';
import type { FontRole } from '../format/font-roles';
import { EXIT } from './exit-codes';
import type { Input } from './inputs';
import { hasInternalError, internalErrorDiagnostic } from './internal-error';
import type { Io } from './io';
import { fails, reportDiagnostics, type OutputOptions } from './report-diagnostics';

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

export function runValidate(host: Host, io: Io, inputs: readonly Input[], options: ValidateOptions): number {
  if (options.previous !== undefined && inputs.length > 1) {
    io.stderr('--previous 只能与一个报告文件一起使用 / --previous takes exactly one report file\n');
    return EXIT.usage;
  }
  const checked = inputs.map((input): Checked => {
    try {
      return validateFile(host, input, options);
    } catch (error) {
      return { file: input.file, diagnostics: [internalErrorDiagnostic(input.file, error)], skipped: [] };
    }
  });
  reportDiagnostics(io, checked, options);
  if (checked.some((c) => hasInternalError(c.diagnostics))) return EXIT.internal;
  return checked.some((c) => fails(c, options.strict)) ? EXIT.errors : EXIT.ok;
}
