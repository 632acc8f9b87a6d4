/**
 * Render workers (worker_threads). A batch builds several reports at once, one per core, on
 * workers running this same script (`serveFileRequests`); a single report renders its PDF on the
 * PDF worker (pdf-worker.ts) while the main thread writes the DOCX. Messages are plain data.
 */
import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { buildFile, type FileJob, type FileOutcome } from '../core/build';
import { importFile, type ImportJob, type ImportOutcome } from '../core/import';
import { checkForSum, type CheckedInput } from '../core/sum';
import { preloadFonts } from '../fonts/font-sets';
import { nodeHost } from '../host';
import type { FontRole } from '../render/theme';
import { RENDER_WORKER_MARK } from './worker-mark';

interface WorkerSetup {
  mark: typeof RENDER_WORKER_MARK;
  /** What the worker does with each request: build a report (the default), import one, or check one for a sum. */
  task?: WorkerTask;
  /** Fonts to open before the first request, when PDFs will be rendered. */
  preloadFonts?: Partial<Record<FontRole, string>>;
}

/** True in a batch worker thread: the script then serves file requests instead of parsing argv. */
export function isRenderWorker(): boolean {
  return (workerData as WorkerSetup | undefined)?.mark === RENDER_WORKER_MARK;
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
      ? (job: ImportJob) => importFile(host, job)
      : setup.task === 'sum-check'
        ? async (file: string) => checkForSum(host, file)
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

/**
 * Workers running requests as they come, one at a time each; answers are `{id, result}` or `{id, error}`.
 * A worker that dies (an uncaught error, process.exit, out of memory) rejects only the request it
 * was running; a new worker takes its place when there is more work, so the rest of a batch goes on.
 */
export class RenderPool<Request, Result> {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly running = new Map<Worker, Task<Request, Result> & { id: number }>();
  private readonly waiting: Task<Request, Result>[] = [];
  private nextId = 0;
  private closing = false;

  /** `adopted`: workers already started for this script (the early PDF worker of bin/report). */
  constructor(
    private readonly script: string,
    private readonly size: number,
    private readonly data: unknown,
    adopted: Worker[] = [],
  ) {
    for (const worker of adopted.slice(0, size)) this.adopt(worker);
    while (this.all.size < size) this.adopt(new Worker(script, { workerData: data }));
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
      this.running.delete(worker);
      task?.reject(error);
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`render worker stopped (exit code ${code})`)));
  }

  private dispatch(): void {
    while (!this.closing && this.idle.length === 0 && this.waiting.length > 0 && this.all.size < this.size) {
      this.adopt(new Worker(this.script, { workerData: this.data }));
    }
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const worker = this.idle.pop() as Worker;
      const task = { ...(this.waiting.shift() as Task<Request, Result>), id: this.nextId++ };
      this.running.set(worker, task);
      worker.postMessage({ id: task.id, request: task.request });
    }
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
  import: { request: ImportJob; result: ImportOutcome };
  'sum-check': { request: string; result: CheckedInput };
}
type WorkerTask = keyof WorkerTasks;

/** A pool of workers running the CLI script in worker mode, each doing `task` with the requests it is sent. */
export function taskPool<T extends WorkerTask>(script: string, size: number, task: T): RenderPool<WorkerTasks[T]['request'], WorkerTasks[T]['result']> {
  const setup: WorkerSetup = { mark: RENDER_WORKER_MARK, task };
  return new RenderPool(script, size, setup);
}
