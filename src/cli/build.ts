/**
 * `report build FILE...`: check each file; a file with errors is reported and not built; a clean one
 * becomes the model and then each requested format, written atomically to --out. One bad file does
 * not stop the others.
 */
import * as path from 'node:path';
import { checkReport, place, type Checked } from '../check';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { Host } from '../host';
import { buildModel } from '../model/build';
import { stableJson } from '../model/debug-json';
import type { ReportDoc } from '../model/types';
import type { FontSet } from '../fonts/font-set';
import { resolveFonts, ROLE_NAMES } from '../fonts/resolve';
import type { PdfConformance } from '../render/pdf';
import type { FontRole } from '../render/theme';
import type { Report } from '../report/types';
import { EXIT } from './exit-codes';
import type { Io } from './main';
import { fails, reportDiagnostics, type OutputOptions } from './report-diagnostics';

export type OutputFormat = 'pdf' | 'docx' | 'model';

export interface BuildOptions extends OutputOptions {
  out: string;
  formats: OutputFormat[];
  /** Font files by role from --font, over those the report names. */
  fonts: Partial<Record<FontRole, string>>;
  conformance?: PdfConformance;
}

/** The timestamp written into outputs: SOURCE_DATE_EPOCH, else the report's own date (midnight UTC). */
function timestampOf(host: Host, doc: ReportDoc): Date {
  return host.sourceDateEpoch() ?? new Date(`${doc.meta.date}T00:00:00Z`);
}

interface RenderContext {
  timestamp: Date;
  fonts: () => Promise<FontSet>;
  conformance?: PdfConformance;
}

/** One output; renderers are loaded on demand so `validate` does not pay for them. */
async function render(format: OutputFormat, doc: ReportDoc, context: RenderContext): Promise<{ bytes: Uint8Array; diagnostics: Diagnostic[] }> {
  switch (format) {
    case 'model':
      return { bytes: Buffer.from(stableJson(doc), 'utf8'), diagnostics: [] };
    case 'docx': {
      const { renderDocx } = await import('../render/docx');
      return { bytes: await renderDocx(doc, { timestamp: context.timestamp }), diagnostics: [] };
    }
    case 'pdf': {
      const { renderPdf } = await import('../render/pdf');
      return renderPdf(doc, { timestamp: context.timestamp, fonts: await context.fonts(), ...(context.conformance ? { conformance: context.conformance } : {}) });
    }
  }
}

const EXTENSION: Record<OutputFormat, string> = { pdf: '.pdf', docx: '.docx', model: '.model.json' };

/** Font files the report names (relative to the report) under those given with --font. */
function configuredFonts(file: string, report: Report, cli: Partial<Record<FontRole, string>>): Partial<Record<FontRole, string>> {
  const fromReport = Object.entries(report.fonts ?? {}).map(([role, font]) => [role, path.resolve(path.dirname(file), font)]);
  return { ...Object.fromEntries(fromReport), ...cli };
}

/** Font sets are resolved and opened once per distinct configuration in a run (fontkit loads on first use). */
const fontSets = new Map<string, FontSet>();
async function fontSetFor(host: Host, configured: Partial<Record<FontRole, string>>): Promise<FontSet> {
  const key = JSON.stringify(Object.entries(configured).sort());
  let set = fontSets.get(key);
  if (!set) {
    const { FontSet } = await import('../fonts/font-set');
    fontSets.set(key, (set = new FontSet(resolveFonts(host, configured))));
  }
  return set;
}

/** A configured font file that does not exist is the clerk's error, reported at the report's fonts key or the command line. */
function missingFontFiles(host: Host, file: string, report: Report, cli: Partial<Record<FontRole, string>>): Diagnostic[] {
  return Object.entries(configuredFonts(file, report, cli))
    .filter(([, font]) => !host.exists(font))
    .map(([role, font]) => {
      const names = ROLE_NAMES[role as FontRole];
      const pointer = cli[role as FontRole] === undefined ? `/fonts/${role}` : null;
      return { ...makeDiagnostic('RPT5004', pointer, { path: font, role: names.zh, roleEn: names.en }), file };
    });
}

/** Builds one checked file; returns the files written and any output diagnostics. */
async function buildOne(host: Host, checked: Checked, options: BuildOptions): Promise<{ written: string[]; diagnostics: Diagnostic[]; io: boolean }> {
  if (!checked.report || checked.feesText === undefined) return { written: [], diagnostics: [], io: false };
  const report = checked.report;
  const fontErrors = options.formats.includes('pdf') ? missingFontFiles(host, checked.file, report, options.fonts) : [];
  if (fontErrors.length > 0) return { written: [], diagnostics: place(checked, fontErrors), io: false };
  const doc = buildModel(report, checked.feesText);
  const context: RenderContext = {
    timestamp: timestampOf(host, doc),
    fonts: () => fontSetFor(host, configuredFonts(checked.file, report, options.fonts)),
    ...(options.conformance ? { conformance: options.conformance } : {}),
  };
  const base = path.basename(checked.file).replace(/\.ya?ml$/i, '');
  // Render everything first, then write: a failure while rendering leaves no new file behind.
  const rendered: [string, Uint8Array][] = [];
  const renderDiagnostics: Diagnostic[] = [];
  for (const format of options.formats) {
    const result = await render(format, doc, context);
    rendered.push([path.join(options.out, base + EXTENSION[format]), result.bytes]);
    renderDiagnostics.push(...result.diagnostics);
  }
  if (renderDiagnostics.some((d) => d.severity === 'error')) return { written: [], diagnostics: place(checked, renderDiagnostics), io: false };
  const written: string[] = [];
  for (const [file, bytes] of rendered) {
    try {
      host.writeBytesAtomic(file, bytes);
      written.push(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      return { written, diagnostics: [{ ...makeDiagnostic('RPT5001', null, { path: file, reason }), file: checked.file }], io: true };
    }
  }
  return { written, diagnostics: [], io: false };
}

export async function runBuild(host: Host, io: Io, files: string[], options: BuildOptions): Promise<number> {
  const results: Checked[] = [];
  const outputs = new Map<string, string[]>();
  let exit: number = EXIT.ok;
  for (const file of files) {
    const checked = checkReport(host, file);
    if (fails(checked, options.strict)) {
      results.push(checked);
      exit = Math.max(exit, EXIT.errors);
      continue;
    }
    const built = await buildOne(host, checked, options);
    outputs.set(file, built.written);
    results.push({ ...checked, diagnostics: [...checked.diagnostics, ...built.diagnostics] });
    if (built.io) exit = EXIT.io;
    else if (built.diagnostics.some((d) => d.severity === 'error')) exit = Math.max(exit, EXIT.errors);
  }
  reportDiagnostics(io, results, options, outputs);
  if (!options.json) {
    for (const file of [...outputs.values()].flat()) io.stderr(options.lang === 'zh' ? `已生成 ${file}\n` : `wrote ${file}\n`);
  }
  return exit;
}
