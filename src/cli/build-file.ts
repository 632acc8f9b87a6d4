/**
 * One report through the whole pipeline, without writing: check → model → each requested format.
 * Runs in the main thread or in a render worker, so its inputs and results are plain data
 * (structured-cloneable): diagnostics already placed at their source, outputs as bytes.
 */
import * as path from 'node:path';
import { checkReport, place, type Checked } from '../check';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import { ROLE_NAMES } from '../fonts/resolve';
import type { Host } from '../host';
import { buildModel } from '../model/build';
import { stableJson } from '../model/debug-json';
import type { ReportDoc } from '../model/types';
import type { PdfConformance } from '../render/pdf';
import type { FontRole } from '../render/theme';
import type { Report } from '../report/types';
import type { SourceEncoding } from '../source/source-file';
import type { Skip } from '../validate/rules';

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
  file: string;
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

/** Font files the report names (relative to the report) under those given with --font. */
function configuredFonts(file: string, report: Report, cli: Partial<Record<FontRole, string>>): Partial<Record<FontRole, string>> {
  const fromReport = Object.entries(report.fonts ?? {}).map(([role, font]) => [role, path.resolve(path.dirname(file), font)]);
  return { ...Object.fromEntries(fromReport), ...cli };
}

/** A configured font file that does not exist is the clerk's error, reported at the report's fonts key or the command line. */
function missingFontFiles(host: Host, file: string, fonts: Partial<Record<FontRole, string>>, cli: Partial<Record<FontRole, string>>): Diagnostic[] {
  return Object.entries(fonts)
    .filter(([, font]) => !host.exists(font))
    .map(([role, font]) => {
      const names = ROLE_NAMES[role as FontRole];
      const pointer = cli[role as FontRole] === undefined ? `/fonts/${role}` : null;
      return { ...makeDiagnostic('RPT5004', pointer, { path: font, role: names.zh, roleEn: names.en }), file };
    });
}

const hasErrors = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.severity === 'error');

/** A checked file ready to render, or the outcome that stops it. */
export type Prepared = { checked: Checked; doc: ReportDoc; settings: RenderSettings } | { outcome: FileOutcome };

const sourceOf = (checked: Checked) => (checked.source ? { source: { text: checked.source.text, encoding: checked.source.encoding } } : {});

/** Check and model one file. Errors (or warnings under --strict) stop it here. */
export function prepareFile(host: Host, job: FileJob): Prepared {
  const checked = checkReport(host, job.file);
  const stop = (extra: Diagnostic[] = []): Prepared => ({
    outcome: { file: job.file, diagnostics: [...checked.diagnostics, ...extra], skipped: checked.skipped, ...sourceOf(checked), outputs: [] },
  });
  const failing = hasErrors(checked.diagnostics) || (Boolean(job.strict) && checked.diagnostics.length > 0);
  if (failing || !checked.report || checked.feesText === undefined) return stop();
  const report = checked.report;
  const fonts = configuredFonts(job.file, report, job.cliFonts);
  const fontErrors = job.formats.includes('pdf') ? missingFontFiles(host, job.file, fonts, job.cliFonts) : [];
  if (fontErrors.length > 0) return stop(place(checked, fontErrors));
  const doc = buildModel(report, checked.feesText);
  const timestamp = (host.sourceDateEpoch() ?? new Date(`${doc.meta.date}T00:00:00Z`)).getTime();
  const settings: RenderSettings = { timestamp, fonts, ...(job.conformance ? { conformance: job.conformance } : {}) };
  return { checked, doc, settings };
}

/** Where each format of a report goes. */
export const outputPath = (job: Pick<FileJob, 'file' | 'out'>, format: OutputFormat) => path.join(job.out, path.basename(job.file).replace(/\.ya?ml$/i, '') + EXTENSION[format]);

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
