/**
 * Render workers (worker_threads). A batch builds several reports at once, one per core, on
 * workers running this same script (`serveFileRequests`); a single report renders its PDF on the
 * PDF worker (cli/pdf-worker.ts) while the main thread writes the DOCX. Messages are plain data.
 */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker, parentPort, workerData, type ResourceLimits } from 'node:worker_threads';
import { buildFile, type FileJob, type FileOutcome } from './build';
import { importBytes, importFile, stoppedOutcome, type ImportJob, type ImportOutcome } from './import';
import { checkForSum, type CheckedInput } from './sum';
import { preloadFonts } from '../fonts/font-set-cache';
import { nodeHost } from '../host';
import { PACKAGE_ROOT } from '../package-root';
import type { FontRole } from '../format/font-roles';
import { RENDER_WORKER_MARK } from './worker-mark';

interface WorkerSetup {
  mark: typeof RENDER_WORKER_MARK;
  /** What the worker does with each request: build a report (the default), import one, or check one for a sum. */
  task?: WorkerTask;
  /** Fonts to open before the first request, when PDFs will be rendered. */
  preloadFonts?: Partial<Record<FontRole, string>>;
}

/** The batch worker side: preload the PDF renderer and fonts, then build (or import, or check for a sum) each file it is sent. */
export function serveFileRequests(): void {
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

interface Task<Request, Result> {
  request: Request;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

/** Bounds on each worker of a pool: V8's heap and stack sizes, and the wall-clock time of one request. */
export interface WorkerLimits {
  resourceLimits: ResourceLimits;
  timeMs: number;
}

/** A request stopped by its worker's limits: the worker was terminated (time) or ran out of its heap (memory). */
export class WorkerLimitError extends Error {
  constructor(readonly limit: 'time' | 'memory') {
    super(`worker stopped at its ${limit} limit`);
  }
}

/**
 * Workers running requests as they come, one at a time each; answers are `{id, result}` or `{id, error}`.
 * A worker that dies (an uncaught error, process.exit, out of memory) rejects only the request it
 * was running; a new worker takes its place when there is more work, so the rest of a batch goes on.
 * With `limits`, a request still running after `timeMs` has its worker terminated (a long synchronous
 * parse cannot be interrupted any other way), and both that and a heap exhausted reject it with a
 * WorkerLimitError.
 */
export class RenderPool<Request, Result> {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly running = new Map<Worker, Task<Request, Result> & { id: number; timer?: NodeJS.Timeout }>();
  private readonly waiting: Task<Request, Result>[] = [];
  private nextId = 0;
  private closing = false;
  /** Each worker's end: its request rejected with the reason, the worker forgotten (once). */
  private readonly lostOf = new WeakMap<Worker, (error: Error) => void>();

  /** `adopted`: workers already started for this script (the early PDF worker of bin/report). */
  constructor(
    private readonly script: string,
    private readonly size: number,
    private readonly data: unknown,
    adopted: Worker[] = [],
    readonly limits?: WorkerLimits,
  ) {
    for (const worker of adopted.slice(0, size)) this.adopt(worker);
    while (this.all.size < size) this.adopt(this.start());
  }

  private start(): Worker {
    return new Worker(this.script, { workerData: this.data, ...(this.limits ? { resourceLimits: this.limits.resourceLimits } : {}) });
  }

  /** Workers worth starting for `tasks` pieces of work: never more than the tasks or the cores, whatever --jobs asks. */
  static size(tasks: number, jobs?: number): number {
    const cores = availableParallelism();
    return Math.max(1, Math.min(tasks, cores, jobs ?? cores));
  }

  run(request: Request): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  private adopt(worker: Worker): void {
    this.all.add(worker);
    this.idle.push(worker);
    worker.on('message', (message: { id: number; result?: Result; error?: string }) => {
      const task = this.running.get(worker);
      if (!task || message.id !== task.id) return;
      clearTimeout(task.timer);
      this.running.delete(worker);
      this.idle.push(worker);
      if (message.error !== undefined) task.reject(new Error(message.error));
      else task.resolve(message.result as Result);
      this.dispatch();
    });
    // A dead worker emits 'error' (uncaught exception) and then 'exit'; the first one counts.
    const lost = (error: Error) => {
      if (!this.all.delete(worker)) return;
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      const task = this.running.get(worker);
      clearTimeout(task?.timer);
      this.running.delete(worker);
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      task?.reject(outOfMemory ? new WorkerLimitError('memory') : error);
      this.dispatch();
    };
    this.lostOf.set(worker, lost);
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`render worker stopped (exit code ${code})`)));
  }

  private dispatch(): void {
    while (!this.closing && this.idle.length === 0 && this.waiting.length > 0 && this.all.size < this.size) {
      this.adopt(this.start());
    }
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const worker = this.idle.pop() as Worker;
      const task = { ...(this.waiting.shift() as Task<Request, Result>), id: this.nextId++ };
      const timer = this.limits ? setTimeout(() => this.stop(worker), this.limits.timeMs) : undefined;
      this.running.set(worker, { ...task, ...(timer ? { timer } : {}) });
      worker.postMessage({ id: task.id, request: task.request });
    }
  }

  /** Terminates a worker past its time: its request fails with the time limit, a new worker takes its place. */
  private stop(worker: Worker): void {
    this.lostOf.get(worker)?.(new WorkerLimitError('time'));
    void worker.terminate();
  }

  /** Stops every worker (the process would otherwise stay alive). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.all].map((worker) => worker.terminate()));
  }
}

/** The batch worker pool: workers run the CLI script itself in worker mode. */
export function filePool(script: string, size: number, preloadFonts?: Partial<Record<FontRole, string>>): RenderPool<FileJob, FileOutcome> {
  const setup: WorkerSetup = { mark: RENDER_WORKER_MARK, ...(preloadFonts ? { preloadFonts } : {}) };
  return new RenderPool(script, size, setup);
}

/** The tasks a worker does besides building, and what each takes and gives. */
interface WorkerTasks {
  import: { request: ImportRequest; result: ImportOutcome };
  'sum-check': { request: { file: string }; result: CheckedInput };
}
type WorkerTask = keyof WorkerTasks;

/** A pool of workers running the CLI script in worker mode, each doing `task` with the requests it is sent. */
export function taskPool<T extends WorkerTask>(script: string, size: number, task: T): RenderPool<WorkerTasks[T]['request'], WorkerTasks[T]['result']> {
  const setup: WorkerSetup = { mark: RENDER_WORKER_MARK, task };
  return new RenderPool(script, size, setup);
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
export const IMPORT_LIMITS: WorkerLimits = {
  resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  timeMs: 30_000,
};

/** Import workers at once: each may grow to its ceiling, so not one per core on a large machine. */
export const MAX_IMPORT_WORKERS = 2;

/** The pool of sandboxed import workers, `size` of them at most; `timeMs` the time limit per file. */
export function importPool(size: number, timeMs = IMPORT_LIMITS.timeMs): RenderPool<ImportRequest, ImportOutcome> {
  const setup: WorkerSetup = { mark: RENDER_WORKER_MARK, task: 'import' };
  return new RenderPool(path.join(PACKAGE_ROOT, 'dist', 'report.js'), Math.min(size, MAX_IMPORT_WORKERS), setup, [], { ...IMPORT_LIMITS, timeMs });
}

/** Imports one request in the sandbox; a file stopped by a limit is its RPT1019 (time or memory), like any file that cannot be read. */
export function importSandboxed(pool: RenderPool<ImportRequest, ImportOutcome>, { bytes, ...job }: ImportRequest): Promise<ImportOutcome> {
  return pool.run(bytes ? { ...job, bytes } : job).catch((error: unknown) => {
    if (!(error instanceof WorkerLimitError)) throw error;
    const { timeMs, resourceLimits } = pool.limits ?? IMPORT_LIMITS;
    return stoppedOutcome(job, error.limit === 'time' ? { time: timeMs / 1000 } : { memory: resourceLimits.maxOldGenerationSizeMb ?? 0 });
  });
}
