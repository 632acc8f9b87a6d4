/**
 * The batch runner of validate, build, import and sum: every item ends with an outcome (a bug in
 * one is that item's RPT5011, the rest go on), outcomes come back in input order whatever order
 * they finish in, and one verdict decides the exit code. What an item is, where it runs (in this
 * thread, one after another, or on a pool of workers at once) and what is done with each outcome
 * as it arrives (writing its outputs, a progress bar) is the command's.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import { countSeverities } from '../diagnostics/sort';
import { hasInternalError, internalErrorDiagnostic } from './internal-error';

/** Workers that run items (a WorkerPool, or a command's own arrangement of one). */
export interface ItemPool<Item, Outcome> {
  run(item: Item): Promise<Outcome>;
  close(): Promise<void>;
}

/**
 * Where the items run: `here`, in this thread one after another (quicker than starting workers for
 * a few cheap items), or on a `pool` of workers all at once, started for the batch and closed when it ends.
 */
export type Where<Item, Outcome> = { here: (item: Item) => Outcome | Promise<Outcome> } | { pool: () => ItemPool<Item, Outcome> };

export interface BatchPlan<Item, Outcome, Kept> {
  where: Where<Item, Outcome>;
  /** The outcome of an item a bug stopped, carrying `diagnostic` (its RPT5011). */
  failed: (item: Item, diagnostic: Diagnostic) => Outcome;
  /** Each outcome as it arrives, in the order items finish: what the batch keeps of it (a build keeps no output bytes once written); default: all of it. */
  finish?: (outcome: Outcome, index: number) => Kept;
  /** Called after each item with the count done so far (a progress bar). */
  progress?: (done: number, total: number, outcome: Outcome) => void;
}

/** The name an item is known by in its RPT5011. */
interface Named {
  file: string;
}

/** Runs every item and returns what `finish` kept of each, in input order. */
export async function runBatch<Item extends Named, Outcome, Kept = Outcome>(items: readonly Item[], plan: BatchPlan<Item, Outcome, Kept>): Promise<Kept[]> {
  const kept: Kept[] = new Array(items.length);
  let done = 0;
  const end = (item: Item, index: number, outcome: Outcome) => {
    kept[index] = plan.finish ? plan.finish(outcome, index) : (outcome as unknown as Kept);
    plan.progress?.(++done, items.length, outcome);
  };
  const failure = (item: Item) => (error: unknown) => plan.failed(item, internalErrorDiagnostic(item.file, error));
  const where = plan.where;
  if ('here' in where) {
    for (const [index, item] of items.entries()) {
      let outcome: Outcome;
      try {
        outcome = await where.here(item);
      } catch (error) {
        outcome = failure(item)(error);
      }
      end(item, index, outcome);
    }
    return kept;
  }
  const pool = where.pool();
  try {
    await Promise.all(items.map(async (item, index) => end(item, index, await pool.run(item).catch(failure(item)))));
  } finally {
    // Not awaited: the workers' heaps are torn down on their own threads while this one prints the
    // results (the process still waits for them before it exits).
    void pool.close();
  }
  return kept;
}

/** True when a file's diagnostics fail the run (errors; warnings too under --strict). */
export function fails(result: { diagnostics: readonly Diagnostic[] }, strict: boolean | undefined): boolean {
  const { errors, warnings } = countSeverities(result.diagnostics);
  return errors > 0 || (Boolean(strict) && warnings > 0);
}

/** How a run ended, worst first; the CLI's exit codes bear the same names (cli/exit-codes.ts). */
export type Verdict = 'internal' | 'io' | 'errors' | 'ok';

/**
 * The verdict on a run's results: a bug in any file, else an output not written (`ioFailed`), else
 * a file that fails (or `failed`: the command's own reason, such as a sum that was not made), else ok.
 */
export function verdictOf(
  results: readonly { diagnostics: readonly Diagnostic[] }[],
  how: { strict?: boolean; ioFailed?: boolean; failed?: boolean },
): Verdict {
  if (results.some((r) => hasInternalError(r.diagnostics))) return 'internal';
  if (how.ioFailed) return 'io';
  return how.failed || results.some((r) => fails(r, how.strict)) ? 'errors' : 'ok';
}
