/**
 * Where the files of a build run, as the batch runner's `where` (batch.ts): several files on one
 * task worker per core, each building whole files (worker-tasks.ts); a single report with a PDF
 * split in two — the PDF renders on the PDF worker (pdf-worker.ts), which loads pdfkit and opens
 * the fonts while this thread checks the file and renders the other formats; with one worker
 * (--jobs 1, one core) everything in this thread.
 */
import type { Worker } from 'node:worker_threads';
import type { ItemPool, Where } from './batch';
import { buildFile, prepareFile, renderedOutcome, renderOutputs, type FileJob, type FileOutcome } from './build';
import type { PdfRequest } from './pdf-worker';
import { WorkerPool } from './worker-pool';
import { buildPool } from './worker-tasks';
import { inspectFontFile } from '../fonts/font-file';
import type { FontRole } from '../format/font-roles';
import type { Host } from '../host';
import type { RenderResult } from '../render/renderer';
import { PDF_WORKER_LIMITS } from '../worker-thread';

export interface BuildWorkers {
  /** The script every worker runs (WORKER_SCRIPT, which loads the bundle each is started for; tests give stand-ins). */
  script: string;
  /** --jobs: at most this many workers. */
  jobs?: number;
  /** The PDF worker bin/report started before loading the bundle (cli/boot.ts): adopted for a single report, stopped for a batch. */
  early: Worker[];
}

/** The --font files worth opening before any report is checked: those that look like fonts (a FIFO would block the read). */
function usableFonts(host: Host, fonts: Partial<Record<FontRole, string>>): Partial<Record<FontRole, string>> {
  return Object.fromEntries(Object.entries(fonts).filter(([, file]) => inspectFontFile(host, file) === undefined));
}

/** A single report split between the PDF worker and this thread. All or nothing: a PDF error drops the other outputs too. */
function splitPool(host: Host, workers: BuildWorkers, preload: Partial<Record<FontRole, string>>): ItemPool<FileJob, FileOutcome> {
  const pool = new WorkerPool<PdfRequest, RenderResult>(workers.script, 1, { bundle: 'pdf-worker.js', preloadFonts: preload }, workers.early, {
    resourceLimits: PDF_WORKER_LIMITS,
  });
  const run = async (job: FileJob): Promise<FileOutcome> => {
    const prepared = prepareFile(host, job);
    if ('outcome' in prepared) return prepared.outcome;
    const pdf = pool.run({ doc: prepared.doc, ...prepared.settings });
    const rest = await renderOutputs(
      host,
      prepared,
      job.formats.filter((f) => f !== 'pdf'),
    );
    const result = await pdf;
    // The only request: the worker's heap is torn down on its thread while this one writes the files.
    void pool.close();
    // The worker renders the model only: its diagnostics come back unplaced, to this file's sink.
    prepared.checked.sink.add(result.diagnostics);
    return renderedOutcome(prepared, [{ format: 'pdf', bytes: result.bytes, ...(result.pages !== undefined ? { pages: result.pages } : {}) }, ...rest]);
  };
  return { run, close: () => pool.close() };
}

/** Where the build `jobs` run (all with the same formats and --font files, as one command line gives them). */
export function buildWhere(host: Host, jobs: readonly FileJob[], workers: BuildWorkers): Where<FileJob, FileOutcome> {
  const first = jobs[0];
  const withPdf = first?.formats.includes('pdf') ?? false;
  const preload = withPdf && first ? usableFonts(host, first.fonts) : undefined;
  const size = WorkerPool.size(jobs.length === 1 && withPdf ? 2 : jobs.length, workers.jobs);
  if (size === 1) return { here: (job) => buildFile(host, job) };
  if (jobs.length === 1) return { pool: () => splitPool(host, workers, preload ?? {}) };
  return {
    pool: () => {
      // The early PDF worker serves a single report; a batch's workers build whole files, so it would only take a core.
      for (const worker of workers.early) void worker.terminate();
      return buildPool(workers.script, size, preload);
    },
  };
}
