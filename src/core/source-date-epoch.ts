/**
 * The policy on SOURCE_DATE_EPOCH, the library's as much as the CLI's: set to no date, it is refused
 * (RPT5014) rather than ignored, which would date the files otherwise than asked. The library's
 * build reports it as the file's diagnostic; the CLI says it as a usage error before any file.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';

export const sourceDateEpochProblem = (raw: string): Diagnostic => makeDiagnostic('RPT5014', null, { raw });
