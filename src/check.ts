/**
 * Stages 1–2 for one file: load → schema → structure → salvage → rules. Every problem is reported
 * in one run: the rules run on every value that passed the structural checks, and skip (saying so)
 * just the checks that need a rejected value.
 */
import type { Diagnostic } from './diagnostics/diagnostic';
import { DiagnosticSink } from './diagnostics/sink';
import type { Skip } from './diagnostics/skip';
import type { Format } from './format/format';
import { formatOf } from './format/registry';
import type { Host } from './host';
import type { CheckedReport, Report } from './report/types';
import { sourceLocator } from './source/locate';
import { loadYaml } from './source/load-yaml';
import { locatePointer } from './source/pointer';
import type { SourceFile } from './source/source-file';
import { collapseBlanks } from './validate/collapse';
import { normalizeReport } from './validate/normalize';
import { CROSS_YEAR_RULES, runRules } from './validate/rules';
import type { SalvagedReport } from './validate/rules/context';
import { salvageReport, Unusable } from './validate/salvage';
import { validateSchema } from './validate/schema';
import { checkStructure } from './validate/structure';

/** What checking a file finds besides its diagnostics, which go to the file's sink. */
export interface Collected {
  file: string;
  /** The file as read, for code frames. */
  source?: SourceFile;
  /** The normalised report, when it has no errors. */
  report?: CheckedReport;
  /**
   * The report as far as it is usable, normalised, with placeholders where values were rejected:
   * for checks beyond the report's own (its fonts) that should also run on a file with errors.
   */
  usable?: CheckedReport;
  /** Rule checks not made because a value they need was rejected (each such value has its own error). */
  skipped: Skip[];
  /** The report as read, for the checks across the files of a batch (core/review.ts); not plain data: it stays in this thread. */
  reread?: Reread;
}

/** A file checked on its own: what was found, with its diagnostics placed. */
export interface Checked extends Collected {
  diagnostics: Diagnostic[];
}

interface Parsed {
  source?: SourceFile;
  /** The report's format (formatOf its data): the schema, rows and sums it is checked by. */
  format: Format;
  /** The report as far as it is usable, when the file loaded at all. */
  salvaged?: SalvagedReport;
  /** Set when there are no structural errors. */
  report?: CheckedReport;
}

/** Load, schema- and structure-check a file, and salvage what the rules can use; its diagnostics go to `sink`. */
function parseReport(host: Host, file: string, sink: DiagnosticSink): Parsed {
  const loaded = loadYaml(host, file);
  // The YAML document stays in the sink's locator: the only thing that needs it after parsing is placing.
  if (loaded.source) sink.locateWith(sourceLocator(loaded.source, loaded.doc));
  const format = formatOf(loaded.data);
  const parsed = { format, ...(loaded.source ? { source: loaded.source } : {}) };
  sink.add(loaded.diagnostics);
  if (loaded.data === undefined) return parsed;
  // A value the load stage found spoiled (a duplicate key, a list with blank items, a control
  // character) has its error already: what the schema would add about it is the same mistake again.
  const spoiled = new Unusable();
  for (const d of loaded.diagnostics) if (d.severity === 'error' && d.pointer !== null) spoiled.add(d.pointer);
  // (An unknown key is a problem of the key, whatever its value.)
  const inSpoiled = (d: Diagnostic) => d.code !== 'RPT2003' && d.pointer !== null && spoiled.covering(d.pointer) !== undefined;
  const schemaDiagnostics = collapseBlanks(format.labels, loaded.data, validateSchema(format, loaded.data, loaded)).filter((d) => !inSpoiled(d));
  const salvaged = salvageReport(format, loaded.data, [...loaded.diagnostics, ...schemaDiagnostics]);
  // Structure checks (a real calendar date, heading depth) judge only values the schema accepted.
  const structural = checkStructure(salvaged.report).filter((d) => d.pointer === null || salvaged.unusable.covering(d.pointer) === undefined);
  for (const d of structural) if (d.severity === 'error' && d.pointer !== null) salvaged.unusable.add(d.pointer);
  const diagnostics = [...loaded.diagnostics, ...schemaDiagnostics, ...structural];
  sink.add([...schemaDiagnostics, ...structural]);
  if (diagnostics.some((d) => d.severity === 'error')) return { ...parsed, salvaged };
  const written = loaded.data as Report;
  const fees = loaded.doc && loaded.source ? locatePointer(loaded.doc, '/proactive/fees') : undefined;
  const feesText = fees && loaded.source ? loaded.source.text.slice(fees.start, fees.end).trim() : String(written.proactive.fees);
  return { ...parsed, salvaged, report: normalizeReport(format, written, feesText) };
}

export interface CheckOptions {
  /** Last year's report, for the cross-year rules R8/R9. */
  previous?: string;
}

/**
 * Checks one report file into its sink (unplaced: the caller places them once, when the file is
 * done); `report` is set only when it has no errors.
 */
export function collectChecks(host: Host, sink: DiagnosticSink, options: CheckOptions = {}): Collected {
  const parsed = parseReport(host, sink.file, sink);
  let previous: (SalvagedReport & { file: string }) | undefined;
  if (options.previous !== undefined) {
    // Last year's file has its own sink: its errors are placed there, in that file.
    const lastSink = new DiagnosticSink(options.previous);
    const last = parseReport(host, options.previous, lastSink);
    sink.addPlaced(lastSink.placed().filter((d) => d.severity === 'error'));
    if (last.salvaged) previous = { ...last.salvaged, file: options.previous };
  }
  let skipped: Skip[] = [];
  if (parsed.salvaged) {
    const rules = runRules({ ...parsed.salvaged, format: parsed.format, ...(previous ? { previous } : {}) });
    sink.add(rules.diagnostics);
    skipped = rules.skipped;
  }
  return {
    file: sink.file,
    ...(parsed.source ? { source: parsed.source } : {}),
    ...(!sink.hasErrors() && parsed.report ? { report: parsed.report } : {}),
    ...(parsed.salvaged ? { usable: normalizeReport(parsed.format, parsed.salvaged.report) } : {}),
    skipped,
    ...(parsed.salvaged ? { reread: { file: sink.file, format: parsed.format, salvaged: parsed.salvaged, sink: sink.emptied() } } : {}),
  };
}

/** Checks one report file on its own, its diagnostics placed; `report` is set only when it has no errors. */
export function checkReport(host: Host, file: string, options: CheckOptions = {}): Checked {
  const sink = new DiagnosticSink(file);
  const collected = collectChecks(host, sink, options);
  return { ...collected, diagnostics: sink.placed() };
}

/** A report as read for the checks across the files of a batch: what the rules use, and an empty sink placing at its lines. */
export interface Reread {
  file: string;
  format: Format;
  salvaged: SalvagedReport;
  sink: DiagnosticSink;
}

/** Reads a report again for the checks across files (one checked in a worker); its own diagnostics were reported when it was checked and are dropped here. */
export function rereadReport(host: Host, file: string): Reread | undefined {
  const sink = new DiagnosticSink(file);
  const parsed = parseReport(host, file, sink);
  return parsed.salvaged ? { file, format: parsed.format, salvaged: parsed.salvaged, sink: sink.emptied() } : undefined;
}

/** The cross-year rules of a report against last year's, both read already: what `--previous` adds, placed in the later file. */
export function checkAgainst(later: Reread, earlier: Reread): { diagnostics: Diagnostic[]; skipped: Skip[] } {
  const sink = later.sink.emptied();
  const rules = runRules({ ...later.salvaged, format: later.format, previous: { ...earlier.salvaged, file: earlier.file } }, CROSS_YEAR_RULES);
  sink.add(rules.diagnostics);
  return { diagnostics: sink.placed(), skipped: rules.skipped };
}
