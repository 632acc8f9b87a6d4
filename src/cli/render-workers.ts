/**
 * Render workers (worker_threads): a batch builds several reports at once, one per core, and a
 * single report renders its PDF in a worker while the main thread writes the DOCX. A worker loads
 * pdfkit and opens the fonts as soon as it starts, while the main thread is still checking.
 * Messages are plain data; nothing is shared.
 */
import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { FONT_ROLES } from '../fonts/resolve';
import { nodeHost } from '../host';
import type { ReportDoc } from '../model/types';
import type { FontRole } from '../render/theme';
import { buildFile, fontSetFor, renderFormat, type FileJob, type FileOutcome, type RenderSettings } from './build-file';
import { RENDER_WORKER_MARK } from './worker-mark';

/** What the main thread asks of a worker. */
export type WorkRequest = { kind: 'file'; job: FileJob } | { kind: 'pdf'; doc: ReportDoc; settings: RenderSettings };
export type WorkResult = { kind: 'file'; outcome: FileOutcome } | { kind: 'pdf'; bytes: Uint8Array; diagnostics: Diagnostic[] };

interface WorkerSetup {
  mark: typeof RENDER_WORKER_MARK;
  /** Fonts to open before the first request, when PDFs will be rendered. */
  preloadFonts?: Partial<Record<FontRole, string>>;
}

/** True in a thread started by RenderPool; the script then serves requests instead of parsing argv. */
export function isRenderWorker(): boolean {
  return (workerData as WorkerSetup | undefined)?.mark === RENDER_WORKER_MARK;
}

/** The worker side: preload, then answer each request in order. */
export function serveRenderRequests(): void {
  const port = parentPort;
  if (!port) return;
  const host = nodeHost();
  const setup = workerData as WorkerSetup;
  if (setup.preloadFonts) {
    // Loading pdfkit and opening the faces takes ~150 ms; start it before any request arrives
    // (the font files are read on the thread pool meanwhile).
    const fonts = fontSetFor(host, setup.preloadFonts);
    void import('../render/pdf').then(() => fonts).then((set) => FONT_ROLES.forEach((role) => set.primary(role)));
  }
  port.on('message', async ({ id, request }: { id: number; request: WorkRequest }) => {
    try {
      const result: WorkResult =
        request.kind === 'file'
          ? { kind: 'file', outcome: await buildFile(host, request.job) }
          : { kind: 'pdf', ...(await renderFormat(host, 'pdf', request.doc, request.settings)) };
      port.postMessage({ id, result });
    } catch (error) {
      port.postMessage({ id, error: (error as Error).stack ?? String(error) });
    }
  });
}

/** A fixed set of workers running requests as they come, at most one per worker at a time. */
export class RenderPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly waiting: { request: WorkRequest; resolve: (r: WorkResult) => void; reject: (e: Error) => void }[] = [];
  private nextId = 0;

  /** `adopted`: workers already started (the early worker of bin/report) that count towards `size`. */
  constructor(script: string, size: number, preloadFonts?: Partial<Record<FontRole, string>>, adopted: Worker[] = []) {
    const setup: WorkerSetup = { mark: RENDER_WORKER_MARK, ...(preloadFonts ? { preloadFonts } : {}) };
    for (const worker of adopted.slice(0, size)) {
      this.all.push(worker);
      this.idle.push(worker);
    }
    for (let i = this.all.length; i < size; i++) {
      const worker = new Worker(script, { workerData: setup });
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  /** Workers worth starting for `tasks` pieces of work on this machine. */
  static size(tasks: number, jobs?: number): number {
    return Math.max(1, Math.min(tasks, jobs ?? availableParallelism()));
  }

  run(request: WorkRequest): Promise<WorkResult> {
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
      const onMessage = (message: { id: number; result?: WorkResult; error?: string }) => {
        if (message.id !== id) return;
        cleanup();
        this.idle.push(worker);
        this.dispatch();
        if (message.error !== undefined) reject(new Error(message.error));
        else resolve(message.result as WorkResult);
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
