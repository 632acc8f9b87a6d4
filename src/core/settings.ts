/**
 * The settings a build is given — which formats, which PDF/A level — checked as the library's
 * policy, so `build()` and `render()` of the API refuse what `report build` refuses: an unknown
 * value is RPT6012 rather than a crash or a PDF of some other conformance than asked for. The CLI
 * offers exactly these values as its choices (cli/main.ts), so it never reaches the diagnostic.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { PdfConformance } from '../render/pdf';
import { FORMATS, isFormat } from '../render/registry';

/** The PDF/A levels the PDF renderer writes. */
export const PDF_CONFORMANCES = ['PDF/A-2b', 'PDF/A-2a', 'PDF/A-3b'] as const satisfies readonly PdfConformance[];

/** Every setting of `settings` that is not one nianbao knows, as its RPT6012 (none: an empty list). */
export function settingsProblems(settings: { formats?: readonly string[]; conformance?: string }): Diagnostic[] {
  const unknown = (setting: string, value: string, known: readonly string[]) => makeDiagnostic('RPT6012', null, { setting, value, known: known.join(', ') });
  const formats = (settings.formats ?? []).filter((format) => !isFormat(format)).map((format) => unknown('formats', format, FORMATS));
  const conformance = settings.conformance;
  const level =
    conformance === undefined || (PDF_CONFORMANCES as readonly string[]).includes(conformance) ? [] : [unknown('conformance', conformance, PDF_CONFORMANCES)];
  return [...formats, ...level];
}
