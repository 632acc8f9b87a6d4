/**
 * The policy on SOURCE_DATE_EPOCH, the library's as much as the CLI's: set to no date, it is refused
 * (RPT5014) rather than ignored, which would date the files otherwise than asked. The library's
 * build reports it as the file's diagnostic; the CLI says it as a usage error before any file.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { Host } from '../host';

export const sourceDateEpochProblem = (raw: string): Diagnostic => makeDiagnostic('RPT5014', null, { raw });

/** The documents' date, in ms: SOURCE_DATE_EPOCH when it is set, else the report's date (YYYY-MM-DD); its RPT5014 when it is set to no date. */
export function documentTime(host: Host, reportDate: string): { time: number } | { problem: Diagnostic } {
  const epoch = host.sourceDateEpoch();
  if (epoch.kind === 'invalid') return { problem: sourceDateEpochProblem(epoch.raw) };
  return { time: (epoch.kind === 'date' ? epoch.date : new Date(`${reportDate}T00:00:00Z`)).getTime() };
}
