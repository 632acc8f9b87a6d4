/**
 * One report through the whole pipeline, without writing: check → model → each requested format.
 * Used by the library API (src/index.ts), the CLI and its task workers, so inputs and results are
 * plain data (structured-cloneable): diagnostics already placed at their source, outputs as bytes.
 * Every diagnostic of a file (load, schema, rules, fonts, render) goes to the file's one sink and is
 * placed once, when the file's outcome is made (outcomeOf).
 */
import { collectChecks, type Checked, type CheckOptions, type Collected } from '../check';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { documentTime } from './source-date-epoch';
import { settingsProblems } from './settings';
import { DiagnosticSink } from '../diagnostics/sink';
import type { Skip } from '../diagnostics/skip';
import { checkFonts } from '../fonts/checks';
import type { Host, ReadFailure } from '../host';
import { buildModel } from '../model/build';
import type { ReportDoc } from '../model/types';
import { isFormat, rendererOf, type OutputFormat } from '../render/registry';
import type { RenderResult, RenderSettings } from '../render/renderer';
import type { FontRole } from '../format/font-roles';
import type { SourceEncoding } from '../source/source-file';
import { withSource } from './source-host';

/** How one file came out: its diagnostics (placed), the source for code frames, and rendered outputs. */
export interface FileOutcome {
  file: string;
  diagnostics: Diagnostic[];
  skipped: Skip[];
  source?: { text: string; encoding: SourceEncoding };
  /** The font files by role the renderers were given (the report's fonts key under the caller's), as configured: for the manifest. */
  fonts?: Partial<Record<FontRole, string>>;
  /** Rendered, not yet written, in the order asked for; empty when the file has errors. `pages`: as the renderer laid them out (PDF). */
  outputs: { format: OutputFormat; bytes: Uint8Array; pages?: number }[];
}

export interface FileJob {
  /** The input's path, or a label (`<stdin>`, the API's file name) when `source` is given. */
  file: string;
  /** The report's bytes, when it is not read from `file`, or why they could not be read (standard input past its limit). */
  source?: Uint8Array | ReadFailure;
  formats: OutputFormat[];
  /** Font files by role given by the caller (--font), over those the report names. */
  fonts: Partial<Record<FontRole, string>>;
  conformance?: RenderSettings['conformance'];
  /** HTML: the article only (RenderSettings.fragment). */
  fragment?: boolean;
  /** Warnings also stop the build. */
  strict?: boolean;
}

/** Renders one format of a model. */
export function renderFormat(host: Host, format: OutputFormat, doc: ReportDoc, settings: RenderSettings): Promise<RenderResult> {
  return rendererOf(format).render(doc, { ...settings, host });
}

/** A checked file ready to render, or the outcome that stops it. */
export type Prepared = { checked: BuildChecked; doc: ReportDoc; settings: RenderSettings } | { outcome: FileOutcome };

/** A file checked as `build` checks it before rendering; its diagnostics wait in `sink`, unplaced. */
export interface BuildChecked extends Collected {
  sink: DiagnosticSink;
  /** The model, when the report itself has no errors. */
  doc?: ReportDoc;
  /** Font files by role for the renderers (the report's fonts key under the caller's). */
  fonts: Partial<Record<FontRole, string>>;
}

/** The file's outcome: its diagnostics placed, here and only here, and the outputs to write. */
export function outcomeOf(checked: BuildChecked, outputs: FileOutcome['outputs']): FileOutcome {
  return {
    file: checked.file,
    diagnostics: checked.sink.placed(),
    skipped: checked.skipped,
    ...(checked.source ? { source: { text: checked.source.text, encoding: checked.source.encoding } } : {}),
    fonts: checked.fonts,
    outputs,
  };
}

/** A checked file as `validate` reports it: its diagnostics placed. */
export function placedChecked(checked: BuildChecked): Checked {
  return {
    file: checked.file,
    ...(checked.source ? { source: checked.source } : {}),
    ...(checked.report ? { report: checked.report } : {}),
    ...(checked.usable ? { usable: checked.usable } : {}),
    diagnostics: checked.sink.placed(),
    skipped: checked.skipped,
    ...(checked.reread ? { reread: checked.reread } : {}),
  };
}

/**
 * The checks `build` makes, shared with `validate` so a file that validates builds: the report's
 * own, then (when a renderer draws with fonts) its fonts and glyph coverage. The font checks run on
 * the usable part of a report with errors too, so that every problem of a file shows in one run.
 */
export function checkForBuild(host: Host, file: string, fonts: Partial<Record<FontRole, string>>, options: CheckOptions & { fonts: boolean }): BuildChecked {
  const sink = new DiagnosticSink(file);
  const collected = collectChecks(host, sink, options.previous !== undefined ? { previous: options.previous } : {});
  const report = collected.report ?? collected.usable;
  if (!report) return { ...collected, sink, fonts: {} };
  const doc = buildModel(report);
  const own = collected.report ? { doc } : {};
  if (!options.fonts) return { ...collected, sink, ...own, fonts: {} };
  const found = checkFonts(host, file, report, doc, fonts);
  sink.add(found.diagnostics);
  return { ...collected, sink, ...own, fonts: found.fonts };
}

/** Check and model one file. Errors (or warnings when strict) stop it here, and so do settings nianbao does not know (core/settings.ts). */
export function prepareFile(host: Host, job: FileJob): Prepared {
  const from = job.source ? withSource(host, job.file, job.source) : host;
  const usesFonts = job.formats.some((format) => isFormat(format) && rendererOf(format).usesFonts);
  const checked = checkForBuild(from, job.file, job.fonts, { fonts: usesFonts });
  checked.sink.add(settingsProblems(job));
  // An invalid SOURCE_DATE_EPOCH would date the files otherwise than asked: refused for the library as for the CLI.
  const date = documentTime(host, checked.doc?.meta.date ?? '');
  if ('problem' in date) checked.sink.add([date.problem]);
  const failing = checked.sink.hasErrors() || (Boolean(job.strict) && checked.sink.size > 0);
  const doc = checked.doc;
  if (failing || !doc || !('time' in date)) return { outcome: outcomeOf(checked, []) };
  const settings: RenderSettings = {
    timestamp: date.time,
    fonts: checked.fonts,
    ...(job.conformance ? { conformance: job.conformance } : {}),
    ...(job.fragment ? { fragment: true } : {}),
  };
  return { checked, doc, settings };
}

type Ready = Exclude<Prepared, { outcome: FileOutcome }>;

/** Renders the given formats of a prepared file; their diagnostics go to the file's sink. */
export async function renderOutputs(host: Host, prepared: Ready, formats: readonly OutputFormat[]): Promise<FileOutcome['outputs']> {
  const outputs: FileOutcome['outputs'] = [];
  for (const format of formats) {
    const result = await renderFormat(host, format, prepared.doc, prepared.settings);
    outputs.push({ format, bytes: result.bytes, ...(result.pages !== undefined ? { pages: result.pages } : {}) });
    prepared.checked.sink.add(result.diagnostics);
  }
  return outputs;
}

/**
 * The outcome of a rendered file. A render error (a character no font has) drops every output of
 * the file: all or nothing (the file had no errors before rendering, or it would not have rendered).
 */
export function renderedOutcome(prepared: Ready, outputs: FileOutcome['outputs']): FileOutcome {
  return outcomeOf(prepared.checked, prepared.checked.sink.hasErrors() ? [] : outputs);
}

/** Renders the given formats of a prepared file into its outcome. */
export async function renderPrepared(host: Host, prepared: Ready, formats: readonly OutputFormat[]): Promise<FileOutcome> {
  return renderedOutcome(prepared, await renderOutputs(host, prepared, formats));
}

/** The outcome of a file a bug stopped (the batch runner's `failed`): its RPT5011 and nothing to write. */
export const failedBuild = (job: FileJob, diagnostic: Diagnostic): FileOutcome => ({ file: job.file, diagnostics: [diagnostic], skipped: [], outputs: [] });

/** The whole file in this thread. */
export async function buildFile(host: Host, job: FileJob): Promise<FileOutcome> {
  const prepared = prepareFile(host, job);
  return 'outcome' in prepared ? prepared.outcome : renderPrepared(host, prepared, job.formats);
}
