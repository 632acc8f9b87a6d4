/**
 * Stages 1–2 for one file: load → schema → structure → normalise → rules. Every problem found is
 * reported at once; the rules run only on schema-valid data (they would misread broken tables).
 */
import type { Document } from 'yaml';
import type { Diagnostic } from './diagnostics/diagnostic';
import { resolveSpans, sortDiagnostics } from './diagnostics/resolve';
import type { Host } from './host';
import type { Report } from './report/types';
import { loadYaml } from './source/load-yaml';
import { locatePointer } from './source/pointer';
import type { SourceFile } from './source/source-file';
import { normalizeReport } from './validate/normalize';
import { runRules } from './validate/rules';
import { validateSchema } from './validate/schema';
import { checkStructure } from './validate/structure';

/** Codes whose span goes on a mapping key rather than its value: the stray key, or the parent of a missing one. */
const KEY_CODES: ReadonlySet<string> = new Set(['RPT2001', 'RPT2003']);

export interface Checked {
  file: string;
  source?: SourceFile;
  /** The parsed YAML, to place later diagnostics (render) at their source. */
  doc?: Document;
  /** The normalised report, when it passed the schema. */
  report?: Report;
  /** 行政事业性收费 exactly as written in the file (378.42, 1.10). */
  feesText?: string;
  diagnostics: Diagnostic[];
}

interface Parsed {
  file: string;
  source?: SourceFile;
  doc?: Document;
  report?: Report;
  feesText?: string;
  diagnostics: Diagnostic[];
}

/** Load and schema-check a file, without the consistency rules. */
function parseReport(host: Host, file: string): Parsed {
  const loaded = loadYaml(host, file);
  const diagnostics = [...loaded.diagnostics];
  if (loaded.data === undefined) return { file, source: loaded.source, doc: loaded.doc, diagnostics };
  const schemaDiagnostics = validateSchema(loaded.data, loaded);
  diagnostics.push(...schemaDiagnostics);
  if (schemaDiagnostics.length > 0) return { file, source: loaded.source, doc: loaded.doc, diagnostics };
  const written = loaded.data as Report;
  diagnostics.push(...checkStructure(written));
  const fees = loaded.doc && loaded.source ? locatePointer(loaded.doc, '/proactive/fees') : undefined;
  const feesText = fees && loaded.source ? loaded.source.text.slice(fees.start, fees.end).trim() : String(written.proactive.fees);
  return { file, source: loaded.source, doc: loaded.doc, report: normalizeReport(written), feesText, diagnostics };
}

/** Places a file's diagnostics (spans from pointers) and sorts them; also for render diagnostics after checking. */
export function place(parsed: Pick<Parsed, 'file' | 'source' | 'doc'>, diagnostics: Diagnostic[]): Diagnostic[] {
  const placed = parsed.source
    ? resolveSpans(diagnostics, parsed.source, parsed.doc, KEY_CODES)
    : diagnostics.map((d) => ({ ...d, file: d.file || parsed.file }));
  return sortDiagnostics(placed);
}

export interface CheckOptions {
  /** Last year's report, for the cross-year rules R8/R9. */
  previous?: string;
}

/** Checks one report file; `report` is set only when it has no errors. */
export function checkReport(host: Host, file: string, options: CheckOptions = {}): Checked {
  const parsed = parseReport(host, file);
  let previousDiagnostics: Diagnostic[] = [];
  let previous: { report: Report; file: string } | undefined;
  if (options.previous !== undefined) {
    const last = parseReport(host, options.previous);
    previousDiagnostics = place(last, last.diagnostics).filter((d) => d.severity === 'error');
    if (last.report) previous = { report: last.report, file: options.previous };
  }
  const diagnostics = [...parsed.diagnostics];
  if (parsed.report && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(...runRules({ report: parsed.report, ...(previous ? { previous } : {}) }));
  }
  const all = [...place(parsed, diagnostics), ...previousDiagnostics];
  const ok = !all.some((d) => d.severity === 'error');
  return {
    file,
    ...(parsed.source ? { source: parsed.source } : {}),
    ...(parsed.doc ? { doc: parsed.doc } : {}),
    ...(ok && parsed.report ? { report: parsed.report, feesText: parsed.feesText } : {}),
    diagnostics: all,
  };
}
