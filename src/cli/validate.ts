/**
 * `report validate FILE...`: check every file as `build` would, without rendering or writing: the
 * report itself, then the fonts a PDF would use and whether they draw every character
 * (font-checks.ts). Prints every problem; exit 0/1 (4 when a bug hit a file).
 */
import { checkReport, place, type Checked } from '../check';
import type { Host } from '../host';
import { buildModel } from '../model/build';
import type { FontRole } from '../render/theme';
import { EXIT } from './exit-codes';
import { checkFonts } from './font-checks';
import type { Input } from './inputs';
import { hasInternalError, internalErrorDiagnostic } from './internal-error';
import type { Io } from './main';
import { fails, reportDiagnostics, type OutputOptions } from './report-diagnostics';
import { withStdin } from './stdin';

export interface ValidateOptions extends OutputOptions {
  previous?: string;
  /** Font files by role from --font, as build takes them. */
  fonts: Partial<Record<FontRole, string>>;
}

/** One file: the checks, and the font checks once the report itself has no errors. */
function validateFile(host: Host, input: Input, options: ValidateOptions): Checked {
  const checked = checkReport(input.stdin ? withStdin(host, input.stdin) : host, input.file, options.previous !== undefined ? { previous: options.previous } : {});
  if (!checked.report || checked.feesText === undefined) return checked;
  const doc = buildModel(checked.report, checked.feesText);
  const fonts = checkFonts(host, input.file, checked.report, doc, options.fonts);
  return { ...checked, diagnostics: [...checked.diagnostics, ...place(checked, fonts.diagnostics)] };
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
