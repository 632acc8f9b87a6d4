/**
 * What runs before any bundle, bundled into this one file (scripts/bundle.js) so that a start loads
 * one small script before its bundle, not five: bin/report starts the early PDF worker here and
 * loads the CLI bundle through its code cache (load-bundle.ts); and this file is the script of every
 * worker thread nianbao starts, which loads the bundle its workerData names (worker-thread.ts).
 *
 * The early PDF worker of `report build` starts before the main bundle is even loaded, so it boots,
 * loads pdfkit and opens the fonts (~200 ms) while this thread loads, parses argv and checks the
 * report. An early worker that turns out not to be needed (docx only, errors, --help) is simply
 * terminated. Kept tiny: it loads worker_threads only for a build that starts the worker, or in a worker.
 */
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { isNianbaoWorker, PDF_WORKER_LIMITS, setAfterFirstTask, WORKER_ARGV, workerThreads, type WorkerData } from '../worker-thread';
import { defaultCacheDir, loadBundle, type BundleText } from './load-bundle';

export { defaultCacheDir, loadBundle } from './load-bundle';

/**
 * How bin/report holds the CLI's bundle (load-bundle.ts, BundleText): `validate`, the check a clerk
 * runs after every edit, is mostly start-up and optimises little, so it reads the bundle 'outside'
 * V8's heap (seed 15 ms sooner; a batch of 200 validated as fast either way); every other run
 * renders, imports or keeps running, and holds it in the heap.
 */
export const bundleTextFor = (argv: readonly string[]): BundleText => (argv[2] === 'validate' ? 'outside' : 'in-heap');

/** The PDF worker for a build that will need one, judged from argv alone; otherwise undefined. */
export function startEarlyWorker(argv: readonly string[]): Worker | undefined {
  const args = argv.slice(2);
  if (args[0] !== 'build' || args.includes('--help') || args.includes('-h')) return undefined;
  const option = (name: string) => {
    const at = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (at < 0) return undefined;
    const arg = args[at] as string;
    return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[at + 1];
  };
  const format = option('--format');
  const jobs = option('--jobs') ?? option('-j');
  if ((format !== undefined && !format.split(',').includes('pdf')) || jobs === '1') return undefined;
  // Two report files or more are a batch, whose task workers build whole files (core/build-workers.ts): this worker would only take a core while they start.
  if (args.filter((arg) => /\.ya?ml$/i.test(arg) && !arg.startsWith('-')).length > 1) return undefined;
  const workerData: WorkerData = { bundle: 'pdf-worker.js', preloadFonts: {} };
  return new (workerThreads().Worker)(__filename, { argv: [...WORKER_ARGV], workerData, resourceLimits: PDF_WORKER_LIMITS });
}

/**
 * Run as a worker's script: load the bundle it was started for, from the folder above this one (dist/).
 * Where the build's code cache does not fit (an installed package, another Node, V8 flags) a worker
 * reads its user's: the PDF worker writes its own after its first render (it is terminated, never
 * exits); a task worker runs the CLI's bundle, whose cache the CLI's own run writes at exit.
 */
if (isNianbaoWorker()) {
  const { bundle } = workerThreads().workerData as WorkerData;
  const writeWhen = bundle === 'pdf-worker.js' ? setAfterFirstTask : () => undefined;
  loadBundle(path.join(__dirname, '..', bundle), { cacheDir: defaultCacheDir, writeWhen });
}
