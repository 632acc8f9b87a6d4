/**
 * Stage 2b (check): what JSON Schema cannot say — the date is a real calendar day, and text nests at
 * most two heading levels. Runs on schema-valid data.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { Report, Text } from '../report/types';

export function checkStructure(report: Report): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!isCalendarDate(report.date)) out.push(makeDiagnostic('RPT2011', '/date', { actual: report.date }));
  const texts: [string, Text | undefined][] = [
    ['/preamble', report.preamble],
    ['/overview', report.overview],
    ['/problems', report.problems],
    ['/other_matters', report.other_matters],
  ];
  for (const [pointer, text] of texts) if (text !== undefined) checkDepth(text, pointer, 1, out);
  return out;
}

/** True for YYYY-MM-DD strings naming a day that exists (2024-02-30 does not). */
export function isCalendarDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkDepth(text: Text, pointer: string, level: number, out: Diagnostic[]): void {
  if (typeof text === 'string') return;
  text.forEach((item, index) => {
    if (typeof item === 'string') return;
    if (level > 2) {
      out.push(makeDiagnostic('RPT2013', `${pointer}/${index}/heading`, {}));
      return;
    }
    checkDepth(item.body, `${pointer}/${index}/body`, level + 1, out);
  });
}
