/**
 * `report sum FILE… [-o county.yaml] [--organ NAME] [--skip-invalid] [--json]`: the department
 * reports added up into one report for the level above (core/sum.ts), written atomically, or to
 * standard output without -o. Exit 1 when an input has errors (unless --skip-invalid leaves it
 * out), the years differ, or the sum itself does not check.
 */
import { fails, runBatch, verdictOf } from '../core/batch';
import { checkForSum, sumChecked, type CheckedInput } from '../core/sum';
import { WorkerPool } from '../core/worker-pool';
import { sumCheckPool } from '../core/worker-tasks';
import { addSchemasBeside } from './schema';
import type { Host } from '../host';
import { EXIT } from './exit-codes';
import type { Io } from './io';
import { reportDiagnostics, type OutputOptions } from './report-diagnostics';
import { SourceFile } from '../source/source-file';
import { outputRefusal, writeFailure, writeOutputs } from './write-outputs';

export interface SumCliOptions extends OutputOptions {
  output?: string;
  /** --force: write over an existing file (never over an input). */
  force?: boolean;
  organ: string;
  skipInvalid?: boolean;
  /** Parallel workers for checking the inputs. */
  jobs?: number;
}

/** The name the sum is known by when it goes to standard output. */
const STDOUT_NAME = 'sum.yaml';

/** Below this many inputs, checking them here is quicker than starting workers (~100 ms each). */
const PARALLEL_FROM = 16;

/** Every input checked: on one worker per core for a county's many reports, else in this thread. */
function checkInputs(host: Host, files: readonly string[], jobs: number | undefined, script: string): Promise<CheckedInput[]> {
  const workers = files.length >= PARALLEL_FROM ? WorkerPool.size(files.length, jobs) : 1;
  return runBatch(
    files.map((file) => ({ file })),
    {
      where: workers > 1 ? { pool: () => sumCheckPool(script, workers) } : { here: ({ file }) => checkForSum(host, file) },
      failed: ({ file }, diagnostic): CheckedInput => ({ file, diagnostics: [diagnostic], skipped: [] }),
    },
  );
}

export async function runSum(host: Host, io: Io, files: readonly string[], options: SumCliOptions, script: string): Promise<number> {
  const output = options.output ?? STDOUT_NAME;
  const checked = await checkInputs(host, files, options.jobs, script);
  const outcome = sumChecked(host, checked, { organ: options.organ, output, ...(options.skipInvalid ? { skipInvalid: true } : {}) });
  const sum = { file: output, diagnostics: outcome.diagnostics, skipped: [], ...(outcome.yaml ? { source: new SourceFile(output, outcome.yaml) } : {}) };
  const written = new Map<string, string[]>();
  let ioFailed = false;
  const refusal = options.output === undefined ? undefined : outputRefusal(host, options.output, files, options.force === true);
  if (refusal) sum.diagnostics = [...sum.diagnostics, refusal];
  // No sum that does not check, and none from inputs that fail; --skip-invalid asked for the sum of
  // the others, so the inputs it left out (still failing the run) do not stop that one.
  const failing = [...(options.skipInvalid ? [] : outcome.inputs), sum].some((r) => fails(r, options.strict));
  if (outcome.yaml !== undefined && options.output !== undefined && !failing) {
    const result = writeOutputs(host, [{ path: options.output, bytes: Buffer.from(outcome.yaml, 'utf8') }]);
    if (result.failure) {
      sum.diagnostics = [...sum.diagnostics, writeFailure(result.failure, output)];
      ioFailed = true;
    } else written.set(output, result.written);
    ioFailed ||= addSchemasBeside(host, written, () => sum.diagnostics);
  }
  if (outcome.yaml !== undefined && options.output === undefined && !options.json && !failing) io.stdout(outcome.yaml);
  const results = outcome.yaml !== undefined ? [...outcome.inputs, sum] : outcome.inputs;
  reportDiagnostics(io, results, options, written);
  // No sum made fails the run even when no input says why in an error (it is said in the sum's own diagnostics).
  return EXIT[verdictOf(results, { ...options, ioFailed, failed: outcome.yaml === undefined })];
}
