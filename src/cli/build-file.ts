/**
 * One report through the whole pipeline, without writing: check → model → each requested format.
 * Runs in the main thread or in a render worker, so its inputs and results are plain data
 * (structured-cloneable): diagnostics already placed at their source, outputs as bytes.
 */
import * as path from 'node:path';
import { checkReport, place, type Checked, type CheckOptions } from '../check';
import { sortDiagnostics } from '../diagnostics/resolve';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Host } from '../host';
import { buildModel } from '../model/build';
import { stableJson } from '../model/debug-json';
import type { ReportDoc } from '../model/types';
import type { PdfConformance } from '../render/pdf';
import type { FontRole } from '../render/theme';
import type { SourceEncoding } from '../source/source-file';
import type { Skip } from '../validate/rules';
import { checkFonts } from './font-checks';
import { withStdin } from './stdin';

export type OutputFormat = 'pdf' | 'docx' | 'model';

export const EXTENSION: Record<OutputFormat, string> = { pdf: '.pdf', docx: '.docx', model: '.model.json' };

/** What rendering needs besides the model: all plain data. */
export interface RenderSettings {
  /** Milliseconds since the epoch: SOURCE_DATE_EPOCH, else the report's date. */
  timestamp: number;
  /** Font files by role, resolved paths (report's fonts key under --font). */
  fonts: Partial<Record<FontRole, string>>;
  conformance?: PdfConformance;
}

/** How one file came out: its diagnostics (placed), the source for code frames, and rendered outputs. */
export interface FileOutcome {
  file: string;
  diagnostics: Diagnostic[];
  skipped: Skip[];
  source?: { text: string; encoding: SourceEncoding };
  /** Rendered, not yet written; empty when the file has errors. */
  outputs: { path: string; bytes: Uint8Array }[];
}

export interface FileJob {
  /** The input's path, or the stdin label. */
  file: string;
  /** Base name of the outputs (2023 → 2023.pdf). */
  name: string;
  /** The bytes of standard input, when `file` is the stdin label (a worker cannot read this process's stdin). */
  stdin?: Uint8Array;
  formats: OutputFormat[];
  out: string;
  cliFonts: Partial<Record<FontRole, string>>;
  conformance?: PdfConformance;
  strict?: boolean;
}

/** Renders one format of a model; renderers load on demand so `validate` does not pay for them. */
export async function renderFormat(host: Host, format: OutputFormat, doc: ReportDoc, settings: RenderSettings): Promise<{ bytes: Uint8Array; diagnostics: Diagnostic[] }> {
  const timestamp = new Date(settings.timestamp);
  switch (format) {
    case 'model':
      return { bytes: Buffer.from(stableJson(doc), 'utf8'), diagnostics: [] };
    case 'docx': {
      const { renderDocx } = await import('../render/docx');
      return { bytes: await renderDocx(doc, { timestamp }), diagnostics: [] };
    }
    case 'pdf': {
      const { renderPdfWith } = await import('./render-pdf');
      return renderPdfWith(host, doc, settings);
    }
  }
}

const hasErrors = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.severity === 'error');

/** A checked file ready to render, or the outcome that stops it. */
export type Prepared = { checked: Checked; doc: ReportDoc; settings: RenderSettings } | { outcome: FileOutcome };

const sourceOf = (checked: Checked) => (checked.source ? { source: { text: checked.source.text, encoding: checked.source.encoding } } : {});

/** A file checked as `build` checks it before rendering. */
export interface BuildChecked {
  checked: Checked;
  /** The model, when the report itself has no errors. */
  doc?: ReportDoc;
  /** Font files by role for the PDF (the report's fonts key under --font). */
  fonts: Partial<Record<FontRole, string>>;
}

/**
 * The checks `build` makes, shared with `validate` so a file that validates builds: the report's
 * own, then its fonts and glyph coverage. The font checks run on the usable part of a report with
 * errors too, so that every problem of a file shows in one run.
 */
export function checkForBuild(host: Host, file: string, cliFonts: Partial<Record<FontRole, string>>, options: CheckOptions & { fonts: boolean }): BuildChecked {
  const checked = checkReport(host, file, options.previous !== undefined ? { previous: options.previous } : {});
  const report = checked.report ?? checked.usable;
  if (!report) return { checked, fonts: {} };
  const doc = buildModel(report, checked.feesText ?? String(report.proactive.fees));
  const own = checked.report ? { doc } : {};
  if (!options.fonts) return { checked, ...own, fonts: {} };
  const fonts = checkFonts(host, file, report, doc, cliFonts);
  if (fonts.diagnostics.length === 0) return { checked, ...own, fonts: fonts.fonts };
  return { checked: { ...checked, diagnostics: sortDiagnostics([...checked.diagnostics, ...place(checked, fonts.diagnostics)]) }, ...own, fonts: fonts.fonts };
}

/** Check and model one file. Errors (or warnings under --strict) stop it here. */
export function prepareFile(host: Host, job: FileJob): Prepared {
  const { checked, doc, fonts } = checkForBuild(job.stdin ? withStdin(host, job.stdin) : host, job.file, job.cliFonts, { fonts: job.formats.includes('pdf') });
  const failing = hasErrors(checked.diagnostics) || (Boolean(job.strict) && checked.diagnostics.length > 0);
  if (failing || !doc) {
    return { outcome: { file: job.file, diagnostics: checked.diagnostics, skipped: checked.skipped, ...sourceOf(checked), outputs: [] } };
  }
  // An invalid SOURCE_DATE_EPOCH is refused as a usage error before any file is built (main.ts).
  const epoch = host.sourceDateEpoch();
  const timestamp = (epoch.kind === 'date' ? epoch.date : new Date(`${doc.meta.date}T00:00:00Z`)).getTime();
  const settings: RenderSettings = { timestamp, fonts, ...(job.conformance ? { conformance: job.conformance } : {}) };
  return { checked, doc, settings };
}

/** Where each format of a report goes. */
export const outputPath = (job: Pick<FileJob, 'name' | 'out'>, format: OutputFormat) => path.join(job.out, job.name + EXTENSION[format]);

/** The output base name of an input file: its name without .yaml (a/2023.yaml → 2023). */
export const outputName = (file: string) => path.basename(file).replace(/\.ya?ml$/i, '');

/**
 * Renders the given formats of a prepared file. A render error (a character no font has) drops
 * every output of the file: all or nothing.
 */
export async function renderPrepared(host: Host, job: FileJob, prepared: Exclude<Prepared, { outcome: FileOutcome }>, formats: OutputFormat[]): Promise<FileOutcome> {
  const outputs: FileOutcome['outputs'] = [];
  const diagnostics: Diagnostic[] = [];
  for (const format of formats) {
    const result = await renderFormat(host, format, prepared.doc, prepared.settings);
    outputs.push({ path: outputPath(job, format), bytes: result.bytes });
    diagnostics.push(...result.diagnostics);
  }
  return {
    file: job.file,
    diagnostics: [...prepared.checked.diagnostics, ...place(prepared.checked, diagnostics)],
    skipped: prepared.checked.skipped,
    ...sourceOf(prepared.checked),
    outputs: hasErrors(diagnostics) ? [] : outputs,
  };
}

/** The whole file in this thread. */
export async function buildFile(host: Host, job: FileJob): Promise<FileOutcome> {
  const prepared = prepareFile(host, job);
  return 'outcome' in prepared ? prepared.outcome : renderPrepared(host, job, prepared, job.formats);
}
