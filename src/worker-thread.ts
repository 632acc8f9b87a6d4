/**
 * Whether this thread is one of nianbao's workers, known without loading worker_threads (0.5–4 ms of
 * every start, which `validate` and most commands never need): every worker nianbao starts (the
 * PDF worker, the task workers of a batch) gets WORKER_ARGV as its process.argv after the script
 * (Worker's argv option), where a command line has its command. Only a thread that has it loads
 * worker_threads, to be sure it is not the main thread of someone typing the mark as a command.
 */
export const WORKER_ARGV: readonly string[] = ['--nianbao-worker'];

/**
 * What every nianbao worker is given: the bundle it runs (dist/<bundle>, loaded by dist/cli/boot.js,
 * the script of every worker), and whatever that bundle's workers are told besides.
 */
export interface WorkerData {
  bundle: 'report.js' | 'pdf-worker.js';
  [setting: string]: unknown;
}

/**
 * The heap of the PDF worker of a single report (started early by bin/report, cli/boot.ts, or by the
 * build, core/build-workers.ts): a young generation of 3 MB, where V8's default grows to 48 MB as the
 * render allocates (~17 MB for the seed, nearly all of it dying young). Every page the young generation
 * grows into is a fresh page for the kernel to map (~4 ms a megabyte on this 2-core VM); the small one
 * reuses its few pages, at the price of more, smaller scavenges. The seed's cold PDF build took
 * 357 → 324 ms, busy-county's 342 → 310 ms (15 alternating runs each, `python3` wait4 harness), when
 * page faults were dear; when they were cheap, 3, 6, 12 MB and V8's default were equal within noise.
 */
export const PDF_WORKER_LIMITS = { maxYoungGenerationSizeMb: 3 };

/** worker_threads, loaded when first used. */
export const workerThreads = (): typeof import('node:worker_threads') => require('node:worker_threads') as typeof import('node:worker_threads');

/** True in a worker thread nianbao started (the PDF worker, a task worker). */
export function isNianbaoWorker(): boolean {
  return process.argv[2] === WORKER_ARGV[0] && !workerThreads().isMainThread;
}

/**
 * The slot through which dist/cli/boot.js hands the bundle a worker runs (another bundle, with its own
 * copy of this module) what to do once its first task is done: write the code cache the worker had
 * none of (load-bundle.ts). A global under a registered symbol, the one thing two bundles share.
 */
const AFTER_FIRST_TASK = Symbol.for('nianbao.afterFirstTask');
type Slot = { [AFTER_FIRST_TASK]?: () => void };

/** Adds to what the worker does after its first task (boot.ts: a code cache for each bundle it loaded without one). */
export function setAfterFirstTask(run: () => void): void {
  const slot = globalThis as Slot;
  const before = slot[AFTER_FIRST_TASK];
  slot[AFTER_FIRST_TASK] = before
    ? () => {
        before();
        run();
      }
    : run;
}

/** Runs, once, what was set to follow the first task: called by a worker after each task, before its result is posted. */
export function afterTask(): void {
  const slot = globalThis as Slot;
  const run = slot[AFTER_FIRST_TASK];
  if (!run) return;
  delete slot[AFTER_FIRST_TASK];
  run();
}
