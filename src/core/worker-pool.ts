/**
 * A pool of worker threads (worker_threads) running one script, a request at a time each: the
 * mechanism under every worker nianbao starts — the task workers of a batch (worker-tasks.ts: build,
 * import, the checks of a sum) and the PDF worker of a single build (pdf-worker.ts). Messages
 * are plain data. Every worker runs WORKER_SCRIPT, which loads the bundle its workerData names
 * through the code cache; the CLI bundle itself runs as a task worker: the mark below tells it so.
 */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../package-root';
import { isNianbaoWorker, WORKER_ARGV, workerThreads, type WorkerData } from '../worker-thread';

/** The script of every worker (src/cli/boot.ts, bundled), which loads the bundle given in its workerData. Tests give stand-ins. */
export const WORKER_SCRIPT = path.join(PACKAGE_ROOT, 'dist', 'cli', 'boot.js');

/** Marks a worker thread started to run tasks (the CLI bundle runs both as the CLI and as a task worker). */
export const TASK_WORKER_MARK = 'nianbao-task-worker';

/** True in a task worker thread: the bundle then serves requests instead of parsing argv (worker-tasks.ts, loaded only then). */
export function isTaskWorker(): boolean {
  return isNianbaoWorker() && (workerThreads().workerData as { mark?: unknown } | undefined)?.mark === TASK_WORKER_MARK;
}

interface Task<Request, Result> {
  request: Request;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

/** Bounds on each worker of a pool: V8's heap and stack sizes, and the wall-clock time of one request (when given). */
export interface WorkerLimits {
  resourceLimits: ResourceLimits;
  timeMs?: number;
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
 * With `limits`, each worker has their heap sizes, and a request still running after `timeMs` (when
 * given) has its worker terminated (a long synchronous parse cannot be interrupted any other way);
 * both that and a heap exhausted reject it with a WorkerLimitError.
 */
export class WorkerPool<Request, Result> {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly running = new Map<Worker, Task<Request, Result> & { id: number; timer?: NodeJS.Timeout }>();
  private readonly waiting: Task<Request, Result>[] = [];
  private nextId = 0;
  private closing = false;
  /** Each worker's end: its request rejected with the reason, the worker forgotten (once). */
  private readonly lostOf = new WeakMap<Worker, (error: Error) => void>();

  /** `data`: what each worker is told, with the bundle it runs; `adopted`: workers already started so (the early PDF worker of bin/report, cli/boot.ts). */
  constructor(
    private readonly script: string,
    private readonly size: number,
    private readonly data: WorkerData,
    adopted: Worker[] = [],
    readonly limits?: WorkerLimits,
  ) {
    for (const worker of adopted.slice(0, size)) this.adopt(worker);
    while (this.all.size < size) this.adopt(this.start());
  }

  private start(): Worker {
    return new (workerThreads().Worker)(this.script, {
      argv: [...WORKER_ARGV],
      workerData: this.data,
      ...(this.limits ? { resourceLimits: this.limits.resourceLimits } : {}),
    });
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
    worker.on('exit', (code) => lost(new Error(`worker stopped (exit code ${code})`)));
  }

  private dispatch(): void {
    while (!this.closing && this.idle.length === 0 && this.waiting.length > 0 && this.all.size < this.size) {
      this.adopt(this.start());
    }
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const worker = this.idle.pop() as Worker;
      const task = { ...(this.waiting.shift() as Task<Request, Result>), id: this.nextId++ };
      const timer = this.limits?.timeMs !== undefined ? setTimeout(() => this.stop(worker), this.limits.timeMs) : undefined;
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
