/**
 * Render workers (worker_threads). A batch builds several reports at once, one per core, on
 * workers running this same script (`serveFileRequests`); a single report renders its PDF on the
 * PDF worker (pdf-worker.ts) while the main thread writes the DOCX. Messages are plain data.
 */
import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { preloadFonts } from '../fonts/font-sets';
import { nodeHost } from '../host';
import type { FontRole } from '../render/theme';
import { buildFile, type FileJob, type FileOutcome } from './build-file';
import { RENDER_WORKER_MARK } from './worker-mark';

interface WorkerSetup {
  mark: typeof RENDER_WORKER_MARK;
  /** Fonts to open before the first request, when PDFs will be rendered. */
  preloadFonts?: Partial<Record<FontRole, string>>;
}

/** True in a batch worker thread: the script then serves file requests instead of parsing argv. */
export function isRenderWorker(): boolean {
  return (workerData as WorkerSetup | undefined)?.mark === RENDER_WORKER_MARK;
}

/** The batch worker side: preload the PDF renderer and fonts, then build each file it is sent. */
export function serveFileRequests(): void {
  const port = parentPort;
  if (!port) return;
  const host = nodeHost();
  const setup = workerData as WorkerSetup;
  if (setup.preloadFonts) {
    // Loading pdfkit and opening the faces takes ~150 ms; start it before any request arrives.
    // (preloadFonts starts reading the font files at once; the reads overlap with loading pdfkit)
    void preloadFonts(host, setup.preloadFonts);
    void import('../render/pdf');
  }
  port.on('message', async ({ id, request }: { id: number; request: FileJob }) => {
    try {
      const outcome: FileOutcome = await buildFile(host, request);
      port.postMessage({ id, result: outcome });
    } catch (error) {
      port.postMessage({ id, error: (error as Error).stack ?? String(error) });
    }
  });
}

/** Workers running requests as they come, one at a time each; answers are `{id, result}` or `{id, error}`. */
export class RenderPool<Request, Result> {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly waiting: { request: Request; resolve: (r: Result) => void; reject: (e: Error) => void }[] = [];
  private nextId = 0;

  /** `adopted`: workers already started for this script (the early PDF worker of bin/report). */
  constructor(script: string, size: number, data: unknown, adopted: Worker[] = []) {
    for (const worker of adopted.slice(0, size)) {
      this.all.push(worker);
      this.idle.push(worker);
    }
    for (let i = this.all.length; i < size; i++) {
      const worker = new Worker(script, { workerData: data });
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  /** Workers worth starting for `tasks` pieces of work on this machine. */
  static size(tasks: number, jobs?: number): number {
    return Math.max(1, Math.min(tasks, jobs ?? availableParallelism()));
  }

  run(request: Request): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const worker = this.idle.pop() as Worker;
      const { request, resolve, reject } = this.waiting.shift() as (typeof this.waiting)[number];
      const id = this.nextId++;
      const onMessage = (message: { id: number; result?: Result; error?: string }) => {
        if (message.id !== id) return;
        cleanup();
        this.idle.push(worker);
        this.dispatch();
        if (message.error !== undefined) reject(new Error(message.error));
        else resolve(message.result as Result);
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, request });
    }
  }

  /** Stops every worker (the process would otherwise stay alive). */
  async close(): Promise<void> {
    await Promise.all(this.all.map((worker) => worker.terminate()));
  }
}

/** The batch worker pool: workers run the CLI script itself in worker mode. */
export function filePool(script: string, size: number, preloadFonts?: Partial<Record<FontRole, string>>): RenderPool<FileJob, FileOutcome> {
  const setup: WorkerSetup = { mark: RENDER_WORKER_MARK, ...(preloadFonts ? { preloadFonts } : {}) };
  return new RenderPool(script, size, setup);
}
