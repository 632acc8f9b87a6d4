/**
 * The PDF worker of `report build`, started before the main bundle is even loaded: bin/report calls
 * startEarlyWorker first, so the worker boots, loads pdfkit and opens the fonts (~200 ms) while this
 * thread loads, parses argv and checks the report. An early worker that turns out not to be needed
 * (docx only, errors, --help) is simply terminated. This file is also the worker's script: in the
 * worker thread it loads the PDF worker bundle (dist/pdf-worker.js, core/pdf-worker.ts) through its
 * code cache (load-bundle.ts). Kept tiny: bin/report requires it before anything else, and it loads
 * worker_threads only for a build that starts the worker, or in the worker (worker-thread.ts).
 */
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { isNianbaoWorker, WORKER_ARGV, workerThreads } from '../worker-thread';
import { loadBundle } from './load-bundle';

/** The PDF worker's script: this file, beside the CLI bundle's folder (dist/cli/pdf-worker-start.js). */
export const PDF_WORKER_SCRIPT = __filename;

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
  return new (workerThreads().Worker)(PDF_WORKER_SCRIPT, { argv: [...WORKER_ARGV], workerData: { preloadFonts: {} } });
}

// Run as the worker's script (never required by a worker for anything else): serve PDF requests.
if (isNianbaoWorker()) loadBundle(path.join(__dirname, '..', 'pdf-worker.js'));
