/**
 * nianbao as a library: check a report given as text, build its document model, render it, or all
 * at once. Nothing is written: outputs come back as bytes with their diagnostics. Font files (the
 * report's `fonts`, installed official faces, the shipped open faces) and SOURCE_DATE_EPOCH are
 * read through the Host, `nodeHost()` unless one is given.
 */
import { checkReport } from './check';
import { buildFile, renderFormat } from './core/build';
import type { ImportOutcome } from './core/import';
import { importPool, importSandboxed } from './core/worker-tasks';
import { settingsProblems } from './core/settings';
import { documentTime } from './core/source-date-epoch';
import { withSource } from './core/source-host';
import type { Diagnostic } from './diagnostics/diagnostic';
import type { Skip } from './diagnostics/skip';
import { nodeHost, type Host } from './host';
import { buildModel as modelOf } from './model/build';
import type { ReportDoc } from './model/types';
import type { PdfConformance } from './render/pdf';
import type { OutputFormat } from './render/registry';
import type { RenderResult } from './render/renderer';
import type { FontRole } from './format/font-roles';
import type { CheckedReport, Report } from './report/types';

export type { Bilingual, Diagnostic, Hint, Severity } from './diagnostics/diagnostic';
export { catalog, type Code } from './diagnostics/catalog';
export { nationalFormat2021 } from './format/registry';
export type { Host } from './host';
export { nodeHost } from './host';
export type * from './model/types';
export { FORMATS, RENDERERS, type OutputFormat } from './render/registry';
export type { Renderer, RenderContext, RenderResult } from './render/renderer';
export type { PdfConformance } from './render/pdf';
export type { FontRole } from './format/font-roles';
export type { CheckedReport, Report } from './report/types';
export type { Skip } from './diagnostics/skip';
export type { ImportOutcome } from './core/import';

/** Where a report given as text is said to come from: the name diagnostics give it, the folder its `fonts` paths are relative to. */
const DEFAULT_FILE = 'report.yaml';

export interface SourceOptions {
  /** The report's file name in diagnostics (default report.yaml, in the current folder). */
  file?: string;
  host?: Host;
}

export interface CheckResult {
  file: string;
  /** The normalised report, when it has no errors; it keeps 行政事业性收费 as written (1.10 stays 1.10) in proactive.fees_text. */
  report?: CheckedReport;
  diagnostics: Diagnostic[];
  /** Rule checks not made because a value they need was rejected. */
  skipped: Skip[];
}

const bytesOf = (source: string | Uint8Array) => (typeof source === 'string' ? Buffer.from(source, 'utf8') : source);

/** Checks a report (schema, then every rule); `previous` is last year's report file for the cross-year rules. */
export function check(source: string | Uint8Array, options: SourceOptions & { previous?: string } = {}): CheckResult {
  const file = options.file ?? DEFAULT_FILE;
  const host = withSource(options.host ?? nodeHost(), file, bytesOf(source));
  const checked = checkReport(host, file, options.previous !== undefined ? { previous: options.previous } : {});
  return {
    file,
    ...(checked.report ? { report: checked.report } : {}),
    diagnostics: checked.diagnostics,
    skipped: checked.skipped,
  };
}

/**
 * The document model of a checked report. The one check() gives keeps the fee as written; for any
 * other Report the fee is printed as the number.
 */
export function buildModel(report: Report | CheckedReport): ReportDoc {
  return modelOf({ ...report, proactive: { fees_text: String(report.proactive.fees), ...report.proactive } });
}

export interface RenderOptions {
  host?: Host;
  /** The documents' date (default: SOURCE_DATE_EPOCH when set, as for build, else the report's date). */
  timestamp?: Date;
  /** Font files by role, over the installed and shipped faces. */
  fonts?: Partial<Record<FontRole, string>>;
  conformance?: PdfConformance;
  /** HTML: only the article and its scoped style, for pasting into a CMS. */
  fragment?: boolean;
}

/**
 * Renders a model to one format. A format or PDF/A level nianbao does not know (RPT6012), or a
 * SOURCE_DATE_EPOCH set to no date (RPT5014), is refused as by build: no bytes, the diagnostic.
 */
export async function render(model: ReportDoc, format: OutputFormat, options: RenderOptions = {}): Promise<RenderResult> {
  const host = options.host ?? nodeHost();
  const date = options.timestamp ? { time: options.timestamp.getTime() } : documentTime(host, model.meta.date);
  const problems = [
    ...settingsProblems({ formats: [format], ...(options.conformance ? { conformance: options.conformance } : {}) }),
    ...('problem' in date ? [date.problem] : []),
  ];
  if (problems.length > 0 || !('time' in date)) return { bytes: new Uint8Array(0), diagnostics: problems };
  return renderFormat(host, format, model, {
    timestamp: date.time,
    fonts: options.fonts ?? {},
    ...(options.conformance ? { conformance: options.conformance } : {}),
    ...(options.fragment ? { fragment: true } : {}),
  });
}

export interface BuildOptions extends SourceOptions {
  /** Default: pdf and docx. */
  formats?: OutputFormat[];
  /** Font files by role, over those the report names. */
  fonts?: Partial<Record<FontRole, string>>;
  conformance?: PdfConformance;
  /** Warnings also stop the build. */
  strict?: boolean;
  /** HTML: only the article and its scoped style. */
  fragment?: boolean;
}

export interface BuildResult {
  /** In the order asked for; empty when the report has errors (or warnings, when strict). */
  outputs: { format: OutputFormat; bytes: Uint8Array }[];
  diagnostics: Diagnostic[];
  skipped: Skip[];
}

/**
 * Checks, models and renders a report as `report build` does, dated from SOURCE_DATE_EPOCH or the
 * report; nothing is written.
 */
export async function build(source: string | Uint8Array, options: BuildOptions = {}): Promise<BuildResult> {
  const outcome = await buildFile(options.host ?? nodeHost(), {
    file: options.file ?? DEFAULT_FILE,
    source: bytesOf(source),
    formats: options.formats ?? ['pdf', 'docx'],
    fonts: options.fonts ?? {},
    ...(options.conformance ? { conformance: options.conformance } : {}),
    ...(options.strict ? { strict: true } : {}),
    ...(options.fragment ? { fragment: true } : {}),
  });
  return { outputs: outcome.outputs, diagnostics: outcome.diagnostics, skipped: outcome.skipped };
}

export interface ImportOptions {
  /** The published file's name: it tells the format where the bytes do not (report.txt, 2023.docx); the YAML is named after it. */
  file: string;
  /** Next year's draft instead (year + 1, tables zeroed, 上年结转 and 现行有效件数 carried over). */
  yearForward?: boolean;
  /** Read blank number cells as 0 (as `report import --blank-as-zero`): the caller confirms the report meant 0 by them. */
  blankAsZero?: boolean;
}

/**
 * Imports a published report (PDF, DOCX, HTML or text, as bytes) as `report import` does: its YAML,
 * what was recognised, the departures from the national format and the checker's diagnostics of
 * that YAML; `failure` says why a file could not be read at all. Nothing is written.
 * The bytes are read in the same sandbox as the CLI's (a worker thread with a heap ceiling and a
 * time limit, core/worker-tasks.ts): a hostile file is a `failure`, never the caller's crash or hang.
 * It needs no Host: the import reads only the bytes given.
 */
export async function importReport(source: Uint8Array, options: ImportOptions): Promise<ImportOutcome> {
  const pool = importPool(1);
  try {
    return await importSandboxed(pool, {
      file: options.file,
      bytes: source,
      ...(options.yearForward ? { yearForward: true } : {}),
      ...(options.blankAsZero ? { blankAsZero: true } : {}),
    });
  } finally {
    await pool.close();
  }
}
