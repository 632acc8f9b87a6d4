/**
 * `report build FILE...`: each file is checked, modelled and rendered (core/build.ts); a file with
 * errors is reported and nothing is written for it; the others are written atomically to --out.
 * Several files build in parallel on task workers (one per core) with a progress bar on a
 * terminal; a single file renders its PDF on a worker while this thread does the rest.
 */
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { failedBuild, type FileJob, type FileOutcome } from '../core/build';
import { buildWhere } from '../core/build-workers';
import {
  makeManifest,
  manifestJson,
  manifestSettings,
  MANIFEST_JSON,
  MANIFEST_SHA256,
  sha256,
  sha256sumText,
  withEarlier,
  type BuiltReport,
} from '../core/manifest';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { Host } from '../host';
import type { PdfConformance } from '../render/pdf';
import type { OutputFormat } from '../render/registry';
import type { FontRole } from '../format/font-roles';
import { SourceFile } from '../source/source-file';
import { runBatch, verdictOf } from '../core/batch';
import type { Input } from '../core/inputs';
import { EXIT } from './exit-codes';
import type { Io } from './io';
import { collidingInputs, outputPath } from '../core/output-names';
import { progressBar } from './progress';
import { forPeople, isRunLevel, reportDiagnostics, type OutputOptions } from './report-diagnostics';
import { textTable } from './text-table';
import { writeFailure, writeOutputs } from './write-outputs';

export interface BuildOptions extends OutputOptions {
  out: string;
  formats: OutputFormat[];
  /** Font files by role from --font, over those the report names. */
  fonts: Partial<Record<FontRole, string>>;
  conformance?: PdfConformance;
  /** --fragment: the HTML output is the article alone. */
  fragment?: boolean;
  /** Parallel workers; 1 builds everything in this thread. */
  jobs?: number;
  /** --manifest: write MANIFEST.sha256 and manifest.json of the outputs to `out`. */
  manifest?: boolean;
}

/** An output as written: where, its size and SHA-256 (for scripts and manifests), and the PDF's pages. */
export interface Artifact {
  path: string;
  format: OutputFormat;
  bytes: number;
  sha256: string;
  pages?: number;
}

/**
 * Writes a file's outputs to `out` under its base name (write-outputs.ts); a failure becomes the
 * file's RPT5001. The outcome comes back without the output bytes, which are on disk now: a batch
 * keeps only their artifacts.
 */
export function writeOutcome(host: Host, outcome: FileOutcome, out: string, name: string): { artifacts: Artifact[]; outcome: FileOutcome; io: boolean } {
  const planned = outcome.outputs.map((output) => ({ ...output, path: outputPath(out, name, output.format) }));
  const { written, failure } = writeOutputs(host, planned);
  const artifacts = planned
    .filter((output) => written.includes(output.path))
    .map(({ path, format, bytes, pages }) => ({
      path,
      format,
      bytes: bytes.byteLength,
      sha256: sha256(bytes),
      ...(pages !== undefined ? { pages } : {}),
    }));
  const kept = { ...outcome, outputs: [] };
  if (!failure) return { artifacts, outcome: kept, io: false };
  const diagnostic = writeFailure(failure, outcome.file);
  return { artifacts, outcome: { ...kept, diagnostics: [...outcome.diagnostics, diagnostic] }, io: true };
}

const BUILDING = { zh: '构建', en: 'building' } as const;

/** The pages of a report's PDF among its written outputs. */
const pagesOf = (artifacts: readonly Artifact[] = []) => artifacts.find((a) => a.pages !== undefined)?.pages;

/** The closing table of a batch on a terminal: file, status, errors, warnings, the PDF's pages, the outputs written. */
function summaryTable(results: readonly { file: string; diagnostics: readonly Diagnostic[] }[], artifacts: readonly Artifact[][], lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const head = zh ? ['文件', '状态', '错误', '警告', '页数', '输出'] : ['file', 'status', 'errors', 'warnings', 'pages', 'outputs'];
  const rows = results.map((result, i) => {
    // The file's own diagnostics, as its JSON entry counts them: a run-level one is said once, above the table.
    const own = result.diagnostics.filter((d) => !isRunLevel(d));
    const errors = own.filter((d) => d.severity === 'error').length;
    const written = artifacts[i] ?? [];
    const status = written.length > 0 ? (zh ? '已生成' : 'built') : zh ? '未生成' : 'not built';
    const pages = pagesOf(written);
    return [result.file, status, String(errors), String(own.length - errors), pages === undefined ? '-' : String(pages), written.map((a) => a.path).join(' ')];
  });
  return textTable(head, rows);
}

/** Writes the manifest of the reports built (core/manifest.ts) beside their outputs, with the earlier ones it may keep; the write failure, if any. */
function writeManifest(host: Host, inputs: readonly Input[], outcomes: readonly FileOutcome[], artifacts: readonly Artifact[][], options: BuildOptions) {
  const built = outcomes.flatMap((outcome, i): BuiltReport[] => {
    const input = inputs[i] as Input;
    const outputs = artifacts[i] ?? [];
    if (outputs.length === 0) return [];
    return [
      {
        input: input.file,
        ...(input.stdin instanceof Uint8Array ? { inputBytes: input.stdin } : {}),
        ...(outcome.fonts ? { fonts: outcome.fonts } : {}),
        outputs,
      },
    ];
  });
  const made = makeManifest(host, options.out, built, manifestSettings(host, options));
  const { manifest, dropped } = withEarlier(host, options.out, made);
  const failure = writeOutputs(host, [
    { path: path.join(options.out, MANIFEST_SHA256), bytes: Buffer.from(sha256sumText(manifest), 'utf8') },
    { path: path.join(options.out, MANIFEST_JSON), bytes: Buffer.from(manifestJson(manifest), 'utf8') },
  ]).failure;
  return { failure, dropped };
}

/** `script`: what workers run (WORKER_SCRIPT); `early`: the PDF worker bin/report started before loading the CLI bundle (boot.ts), adopted by the pool. */
export async function runBuild(host: Host, io: Io, inputs: readonly Input[], options: BuildOptions, script: string, early: Worker[] = []): Promise<number> {
  // One output would overwrite another: refuse before anything is built (core/output-names.ts).
  const collisions = collidingInputs(inputs, options.out);
  if (collisions.length > 0) {
    for (const group of collisions) {
      io.stderr(
        `这些文件会生成同名输出，请分别用 --out 指定不同目录 / these files would write the same outputs, build them with different --out folders: ${group.join(', ')}\n`,
      );
    }
    return EXIT.usage;
  }
  const jobs: FileJob[] = inputs.map((input) => ({
    file: input.file,
    ...(input.stdin ? { source: input.stdin } : {}),
    formats: options.formats,
    fonts: options.fonts,
    ...(options.conformance ? { conformance: options.conformance } : {}),
    ...(options.strict ? { strict: true } : {}),
    ...(options.fragment ? { fragment: true } : {}),
  }));
  let ioFailed = false;
  const artifacts: Artifact[][] = new Array(jobs.length);

  // Phase 1: build, each file written as it is done. Every file ends with an outcome, a bug in one included; results wait for all.
  const outcomes = await runBatch(jobs, {
    where: buildWhere(host, jobs, { script, early, ...(options.jobs !== undefined ? { jobs: options.jobs } : {}) }),
    failed: failedBuild,
    finish: (outcome, index) => {
      const result = writeOutcome(host, outcome, options.out, (inputs[index] as Input).name);
      artifacts[index] = result.artifacts;
      ioFailed ||= result.io;
      return result.outcome;
    },
    ...progressBar(io, options, jobs.length, BUILDING),
  });

  // Phase 2: report, in input order, the summary last.
  const results = outcomes.map((o, i) => ({
    file: o.file,
    diagnostics: o.diagnostics,
    skipped: o.skipped,
    ...(o.source ? { source: new SourceFile(o.file, o.source.text, o.source.encoding) } : {}),
    fields: { pages: pagesOf(artifacts[i]) ?? null, artifacts: artifacts[i] ?? [] },
  }));
  const written = new Map(outcomes.map((o, i) => [o.file, (artifacts[i] ?? []).map((a) => a.path)]));
  // The manifest covers the reports built; a failure to write it is reported as a file of its own.
  const manifestWrite = options.manifest ? writeManifest(host, inputs, outcomes, artifacts, options) : undefined;
  const manifestFailure = manifestWrite?.failure;
  if (manifestWrite?.dropped) {
    const file = path.join(options.out, MANIFEST_JSON);
    results.push({
      file,
      diagnostics: [{ ...makeDiagnostic('RPT6011', null, { reports: manifestWrite.dropped }), file }],
      skipped: [],
      fields: { pages: null, artifacts: [] },
    });
  }
  if (manifestFailure) {
    results.push({
      file: manifestFailure.path,
      diagnostics: [writeFailure(manifestFailure, manifestFailure.path)],
      skipped: [],
      fields: { pages: null, artifacts: [] },
    });
    ioFailed = true;
  }
  reportDiagnostics(io, results, options, written, io.isTTY && results.length > 1 ? summaryTable(results, artifacts, options.lang) : undefined);
  if (options.manifest && !manifestFailure && forPeople(options)) {
    const files = [MANIFEST_SHA256, MANIFEST_JSON].map((name) => path.join(options.out, name)).join(' ');
    io.stderr(options.lang === 'zh' ? `已生成清单 ${files}\n` : `wrote the manifest ${files}\n`);
  }
  return EXIT[verdictOf(results, { ...options, ioFailed })];
}
