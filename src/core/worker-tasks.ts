/**
 * What the CLI bundle does when it runs as a task worker (worker-pool.ts): build a report, import a
 * published one in the sandbox, or check one for a sum; and the pool of workers for each task.
 * A batch builds several reports at once, one per core; every import, even of one file, is read in
 * a worker with a heap ceiling and a time limit; a county's many reports are checked for a sum in parallel.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildFile, type FileJob, type FileOutcome } from './build';
import { importBytes, importFile, stoppedOutcome, type ImportJob, type ImportOutcome } from './import';
import { checkForSum, type CheckedInput } from './sum';
import { preloadFonts } from '../fonts/font-set-cache';
import { nodeHost } from '../host';
import type { FontRole } from '../format/font-roles';
import type { WorkerData } from '../worker-thread';
import { TASK_WORKER_MARK, WORKER_SCRIPT, WorkerLimitError, WorkerPool, type WorkerLimits } from './worker-pool';

interface WorkerSetup extends WorkerData {
  bundle: 'report.js';
  mark: typeof TASK_WORKER_MARK;
  /** What the worker does with each request: build a report (the default), import one, or check one for a sum. */
  task?: WorkerTask;
  /** Fonts to open before the first request, when PDFs will be rendered. */
  preloadFonts?: Partial<Record<FontRole, string>>;
}

/** The task worker's side: preload the PDF renderer and fonts, then build (or import, or check for a sum) each file it is sent. */
export function serveTasks(): void {
  const port = parentPort;
  if (!port) return;
  const host = nodeHost();
  const setup = workerData as WorkerSetup;
  if (setup.preloadFonts) {
    // Loading pdfkit and opening the faces takes ~150 ms; start it before any request arrives.
    // (preloadFonts starts reading the font files at once; the reads overlap with loading pdfkit)
    // A font that fails to open fails the render that uses it, where it is reported: not here.
    preloadFonts(host, setup.preloadFonts).catch(() => undefined);
    void import('../render/pdf');
  }
  const serve: (request: never) => Promise<unknown> =
    setup.task === 'import'
      ? ({ bytes, ...job }: ImportRequest) => (bytes ? importBytes(host, bytes, job) : importFile(host, job))
      : setup.task === 'sum-check'
        ? async ({ file }: { file: string }) => checkForSum(host, file)
        : (job: FileJob) => buildFile(host, job);
  port.on('message', async ({ id, request }: { id: number; request: never }) => {
    try {
      port.postMessage({ id, result: await serve(request) });
    } catch (error) {
      port.postMessage({ id, error: (error as Error).stack ?? String(error) });
    }
  });
}

/**
 * The heap of a build worker: twice V8's default young generation (48 MB). A report's check, model
 * and outputs are a few MB of objects that live for one report; with the default, many of them
 * outlived two scavenges, were copied to the old generation and collected there again (GC took a
 * seventh of a batch's time). About 30 MB more memory a worker.
 */
export const BUILD_LIMITS: WorkerLimits = { resourceLimits: { maxYoungGenerationSizeMb: 96 } };

/** The pool of a batch build: `size` task workers (running `script`, WORKER_SCRIPT) building whole files; `preloadFonts` when PDFs will be rendered. */
export function buildPool(script: string, size: number, preloadFonts?: Partial<Record<FontRole, string>>): WorkerPool<FileJob, FileOutcome> {
  const setup: WorkerSetup = { bundle: 'report.js', mark: TASK_WORKER_MARK, ...(preloadFonts ? { preloadFonts } : {}) };
  return new WorkerPool(script, size, setup, [], BUILD_LIMITS);
}

/** The tasks a worker does besides building, and what each takes and gives. */
interface WorkerTasks {
  import: { request: ImportRequest; result: ImportOutcome };
  'sum-check': { request: { file: string }; result: CheckedInput };
}
type WorkerTask = keyof WorkerTasks;

/** The pool of a large sum: `size` task workers (running `script`, WORKER_SCRIPT) checking one input each. */
export function sumCheckPool(script: string, size: number): WorkerPool<WorkerTasks['sum-check']['request'], WorkerTasks['sum-check']['result']> {
  const setup: WorkerSetup = { bundle: 'report.js', mark: TASK_WORKER_MARK, task: 'sum-check' };
  return new WorkerPool(script, size, setup);
}

/** An import request: a file to read, or (the library API) bytes already read under the job's file name. */
export type ImportRequest = ImportJob & { bytes?: Uint8Array };

/**
 * The sandbox every imported file is read in, by the CLI (one file or a batch) and by the library
 * API alike: the CLI bundle run as a worker, whatever runs the caller (the bundle, the library
 * bundle, or the sources under jest), with a heap ceiling and a wall-clock limit per file. The
 * heap, young generation and stack of each worker, with the main thread and the few workers a
 * batch runs, keep a whole import under 1 GB; external memory (pdfjs's decoded streams) is
 * bounded by the reader (import/pdf-streams.ts).
 */
export const IMPORT_LIMITS = {
  resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  timeMs: 30_000,
} satisfies WorkerLimits;

/** Import workers at once: each may grow to its ceiling, so not one per core on a large machine. */
export const MAX_IMPORT_WORKERS = 2;

/** The pool of sandboxed import workers, `size` of them at most; `timeMs` the time limit per file. */
export function importPool(size: number, timeMs = IMPORT_LIMITS.timeMs): WorkerPool<ImportRequest, ImportOutcome> {
  const setup: WorkerSetup = { bundle: 'report.js', mark: TASK_WORKER_MARK, task: 'import' };
  return new WorkerPool(WORKER_SCRIPT, Math.min(size, MAX_IMPORT_WORKERS), setup, [], { ...IMPORT_LIMITS, timeMs });
}

/** Imports one request in the sandbox; a file stopped by a limit is its RPT1019 (time or memory), like any file that cannot be read. */
export function importSandboxed(pool: WorkerPool<ImportRequest, ImportOutcome>, { bytes, ...job }: ImportRequest): Promise<ImportOutcome> {
  return pool.run(bytes ? { ...job, bytes } : job).catch((error: unknown) => {
    if (!(error instanceof WorkerLimitError)) throw error;
    const { timeMs = IMPORT_LIMITS.timeMs, resourceLimits } = pool.limits ?? IMPORT_LIMITS;
    return stoppedOutcome(job, error.limit === 'time' ? { time: timeMs / 1000 } : { memory: resourceLimits.maxOldGenerationSizeMb ?? 0 });
  });
}
