/**
 * Stages 1–2 for one file: load → schema → structure → salvage → rules. Every problem is reported
 * in one run: the rules run on every value that passed the structural checks, and skip (saying so)
 * just the checks that need a rejected value.
 */
import type { Document } from 'yaml';
import type { Diagnostic } from './diagnostics/diagnostic';
import { resolveSpans, sortDiagnostics } from './diagnostics/resolve';
import type { Host } from './host';
import type { Report } from './report/types';
import { loadYaml } from './source/load-yaml';
import { locatePointer } from './source/pointer';
import type { SourceFile } from './source/source-file';
import { collapseBlanks } from './validate/collapse';
import { normalizeReport } from './validate/normalize';
import { runRules, type Skip } from './validate/rules';
import type { SalvagedReport } from './validate/rules/context';
import { salvageReport } from './validate/salvage';
import { validateSchema } from './validate/schema';
import { checkStructure } from './validate/structure';

/** Codes whose span goes on a mapping key rather than its value: the stray key, or the parent of a missing one. */
const KEY_CODES: ReadonlySet<string> = new Set(['RPT2001', 'RPT2003']);

export interface Checked {
  file: string;
  source?: SourceFile;
  /** The parsed YAML, to place later diagnostics (render) at their source. */
  doc?: Document;
  /** The normalised report, when it has no errors. */
  report?: Report;
  /**
   * The report as far as it is usable, normalised, with placeholders where values were rejected:
   * for checks beyond the report's own (its fonts) that should also run on a file with errors.
   */
  usable?: Report;
  /** 行政事业性收费 exactly as written in the file (378.42, 1.10). */
  feesText?: string;
  diagnostics: Diagnostic[];
  /** Rule checks not made because a value they need was rejected (each such value has its own error). */
  skipped: Skip[];
}

interface Parsed {
  file: string;
  source?: SourceFile;
  doc?: Document;
  /** The report as far as it is usable, when the file loaded at all. */
  salvaged?: SalvagedReport;
  /** Set when there are no structural errors. */
  report?: Report;
  feesText?: string;
  diagnostics: Diagnostic[];
}

/** Load, schema- and structure-check a file, and salvage what the rules can use. */
function parseReport(host: Host, file: string): Parsed {
  const loaded = loadYaml(host, file);
  const parsed = { file, ...(loaded.source ? { source: loaded.source } : {}), ...(loaded.doc ? { doc: loaded.doc } : {}) };
  if (loaded.data === undefined) return { ...parsed, diagnostics: loaded.diagnostics };
  // A value the load stage found spoiled (a duplicate key, a list with blank items, a control
  // character) has its error already: what the schema would add about it is the same mistake again.
  const spoiled = loaded.diagnostics.filter((d) => d.severity === 'error' && d.pointer !== null).map((d) => d.pointer as string);
  // (An unknown key is a problem of the key, whatever its value.)
  const inSpoiled = (d: Diagnostic) =>
    d.code !== 'RPT2003' && d.pointer !== null && spoiled.some((place) => d.pointer === place || d.pointer?.startsWith(place + '/'));
  const schemaDiagnostics = collapseBlanks(loaded.data, validateSchema(loaded.data, loaded)).filter((d) => !inSpoiled(d));
  const salvaged = salvageReport(loaded.data, [...loaded.diagnostics, ...schemaDiagnostics]);
  // Structure checks (a real calendar date, heading depth) judge only values the schema accepted.
  const structural = checkStructure(salvaged.report).filter((d) => d.pointer === null || salvaged.unusable.covering(d.pointer) === undefined);
  for (const d of structural) if (d.severity === 'error' && d.pointer !== null) salvaged.unusable.add(d.pointer);
  const diagnostics = [...loaded.diagnostics, ...schemaDiagnostics, ...structural];
  if (diagnostics.some((d) => d.severity === 'error')) return { ...parsed, salvaged, diagnostics };
  const written = loaded.data as Report;
  const fees = loaded.doc && loaded.source ? locatePointer(loaded.doc, '/proactive/fees') : undefined;
  const feesText = fees && loaded.source ? loaded.source.text.slice(fees.start, fees.end).trim() : String(written.proactive.fees);
  return { ...parsed, salvaged, report: normalizeReport(written), feesText, diagnostics };
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
  let previous: (SalvagedReport & { file: string }) | undefined;
  if (options.previous !== undefined) {
    const last = parseReport(host, options.previous);
    previousDiagnostics = place(last, last.diagnostics).filter((d) => d.severity === 'error');
    if (last.salvaged) previous = { ...last.salvaged, file: options.previous };
  }
  const diagnostics = [...parsed.diagnostics];
  let skipped: Skip[] = [];
  if (parsed.salvaged) {
    const rules = runRules({ ...parsed.salvaged, ...(previous ? { previous } : {}) });
    diagnostics.push(...rules.diagnostics);
    skipped = rules.skipped;
  }
  const all = [...place(parsed, diagnostics), ...previousDiagnostics];
  const ok = !all.some((d) => d.severity === 'error');
  return {
    file,
    ...(parsed.source ? { source: parsed.source } : {}),
    ...(parsed.doc ? { doc: parsed.doc } : {}),
    ...(ok && parsed.report ? { report: parsed.report, feesText: parsed.feesText } : {}),
    ...(parsed.salvaged ? { usable: normalizeReport(parsed.salvaged.report) } : {}),
    diagnostics: all,
    skipped,
  };
}
