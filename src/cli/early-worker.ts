/**
 * Starts the PDF render worker for `report build` before the main bundle is even loaded, so the
 * worker boots, loads pdfkit and opens the fonts (~200 ms) while this thread loads, parses argv and
 * checks the report. Kept tiny and dependency-free: bin/report requires it first. An early worker
 * that turns out not to be needed (docx only, errors, --help) is simply terminated.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/** The PDF worker's script (it loads dist/pdf-worker.js through the code cache). */
export const PDF_WORKER_SCRIPT = path.join(__dirname, 'pdf-worker-entry.js');

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
  return new Worker(PDF_WORKER_SCRIPT, { workerData: { preloadFonts: {} } });
}
