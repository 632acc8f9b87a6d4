/**
 * One report through the whole pipeline, without writing: check → model → each requested format.
 * Used by the library API (src/index.ts), the CLI and its render workers, so inputs and results are
 * plain data (structured-cloneable): diagnostics already placed at their source, outputs as bytes.
 */
import { checkReport, place, type Checked, type CheckOptions } from '../check';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { sortDiagnostics } from '../diagnostics/resolve';
import { checkFonts } from '../fonts/checks';
import type { Host } from '../host';
import { buildModel } from '../model/build';
import type { ReportDoc } from '../model/types';
import { rendererOf, type OutputFormat } from '../render/registry';
import type { RenderResult, RenderSettings } from '../render/renderer';
import type { FontRole } from '../render/theme';
import type { SourceEncoding } from '../source/source-file';
import type { Skip } from '../validate/rules';
import { withSource } from './source-host';

/** How one file came out: its diagnostics (placed), the source for code frames, and rendered outputs. */
export interface FileOutcome {
  file: string;
  diagnostics: Diagnostic[];
  skipped: Skip[];
  source?: { text: string; encoding: SourceEncoding };
  /** Rendered, not yet written, in the order asked for; empty when the file has errors. */
  outputs: { format: OutputFormat; bytes: Uint8Array }[];
}

export interface FileJob {
  /** The input's path, or a label (`<stdin>`, the API's file name) when `source` is given. */
  file: string;
  /** The report's bytes, when it is not read from `file`. */
  source?: Uint8Array;
  formats: OutputFormat[];
  /** Font files by role given by the caller (--font), over those the report names. */
  fonts: Partial<Record<FontRole, string>>;
  conformance?: RenderSettings['conformance'];
  /** Warnings also stop the build. */
  strict?: boolean;
}

/** Renders one format of a model. */
export function renderFormat(host: Host, format: OutputFormat, doc: ReportDoc, settings: RenderSettings): Promise<RenderResult> {
  return rendererOf(format).render(doc, { ...settings, host });
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
  /** Font files by role for the renderers (the report's fonts key under the caller's). */
  fonts: Partial<Record<FontRole, string>>;
}

/**
 * The checks `build` makes, shared with `validate` so a file that validates builds: the report's
 * own, then (when a renderer draws with fonts) its fonts and glyph coverage. The font checks run on
 * the usable part of a report with errors too, so that every problem of a file shows in one run.
 */
export function checkForBuild(host: Host, file: string, fonts: Partial<Record<FontRole, string>>, options: CheckOptions & { fonts: boolean }): BuildChecked {
  const checked = checkReport(host, file, options.previous !== undefined ? { previous: options.previous } : {});
  const report = checked.report ?? checked.usable;
  if (!report) return { checked, fonts: {} };
  const doc = buildModel(report, checked.feesText ?? String(report.proactive.fees));
  const own = checked.report ? { doc } : {};
  if (!options.fonts) return { checked, ...own, fonts: {} };
  const found = checkFonts(host, file, report, doc, fonts);
  if (found.diagnostics.length === 0) return { checked, ...own, fonts: found.fonts };
  return { checked: { ...checked, diagnostics: sortDiagnostics([...checked.diagnostics, ...place(checked, found.diagnostics)]) }, ...own, fonts: found.fonts };
}

/** Check and model one file. Errors (or warnings when strict) stop it here. */
export function prepareFile(host: Host, job: FileJob): Prepared {
  const from = job.source ? withSource(host, job.file, job.source) : host;
  const usesFonts = job.formats.some((format) => rendererOf(format).usesFonts);
  const { checked, doc, fonts } = checkForBuild(from, job.file, job.fonts, { fonts: usesFonts });
  const failing = hasErrors(checked.diagnostics) || (Boolean(job.strict) && checked.diagnostics.length > 0);
  if (failing || !doc) {
    return { outcome: { file: job.file, diagnostics: checked.diagnostics, skipped: checked.skipped, ...sourceOf(checked), outputs: [] } };
  }
  // An invalid SOURCE_DATE_EPOCH is the caller's to refuse (the CLI does, as a usage error); here it means the report's date.
  const epoch = host.sourceDateEpoch();
  const timestamp = (epoch.kind === 'date' ? epoch.date : new Date(`${doc.meta.date}T00:00:00Z`)).getTime();
  const settings: RenderSettings = { timestamp, fonts, ...(job.conformance ? { conformance: job.conformance } : {}) };
  return { checked, doc, settings };
}

/**
 * Renders the given formats of a prepared file. A render error (a character no font has) drops
 * every output of the file: all or nothing.
 */
export async function renderPrepared(host: Host, prepared: Exclude<Prepared, { outcome: FileOutcome }>, formats: readonly OutputFormat[]): Promise<FileOutcome> {
  const outputs: FileOutcome['outputs'] = [];
  const diagnostics: Diagnostic[] = [];
  for (const format of formats) {
    const result = await renderFormat(host, format, prepared.doc, prepared.settings);
    outputs.push({ format, bytes: result.bytes });
    diagnostics.push(...result.diagnostics);
  }
  return {
    file: prepared.checked.file,
    diagnostics: [...prepared.checked.diagnostics, ...place(prepared.checked, diagnostics)],
    skipped: prepared.checked.skipped,
    ...sourceOf(prepared.checked),
    outputs: hasErrors(diagnostics) ? [] : outputs,
  };
}

/** The whole file in this thread. */
export async function buildFile(host: Host, job: FileJob): Promise<FileOutcome> {
  const prepared = prepareFile(host, job);
  return 'outcome' in prepared ? prepared.outcome : renderPrepared(host, prepared, job.formats);
}
