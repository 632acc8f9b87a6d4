/**
 * Bounded output: in one file, the diagnostics of one code past the first MAX_PER_CODE are printed
 * as one summary (RPT1030, “另有 N 处同类问题（RPT2002）”) that keeps every place they were at, so
 * `--json` still lists them all. A file with 100,000 wrong list items reads as 20 of them and a
 * line, not 100,000 code frames; and the printers' work stays proportional to what they print.
 * One pass over diagnostics already sorted (sort.ts): the summary takes the sorted position of
 * the first diagnostic it stands for.
 */
import { makeDiagnostic, type Diagnostic } from './diagnostic';

/** Diagnostics of one code printed in full per file; a clerk fixes the rest the same way. */
export const MAX_PER_CODE = 20;

/** The diagnostics to print: each file's first MAX_PER_CODE of a code, then one summary for the rest of that code. */
export function summarise(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, number>();
  const summaries = new Map<string, Diagnostic & Required<Pick<Diagnostic, 'more'>>>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const group = `${d.file}\u0000${d.code}`;
    const count = (seen.get(group) ?? 0) + 1;
    seen.set(group, count);
    if (count <= MAX_PER_CODE) {
      out.push(d);
      continue;
    }
    const place = { line: d.span?.start.line ?? null, column: d.span?.start.column ?? null, pointer: d.pointer };
    const summary = summaries.get(group);
    if (summary) {
      summary.more.places.push(place);
      continue;
    }
    const made = {
      ...makeDiagnostic('RPT1030', d.pointer, { count: 0, code: d.code }),
      severity: d.severity,
      file: d.file,
      ...(d.span ? { span: d.span } : {}),
      more: { code: d.code, places: [place] },
    };
    summaries.set(group, made);
    out.push(made);
  }
  // The count is known only at the end.
  for (const summary of summaries.values()) {
    const count = summary.more.places.length;
    summary.message = makeDiagnostic('RPT1030', null, { count, code: summary.more.code }).message;
  }
  return out;
}
