/**
 * `report sum FILE… [-o county.yaml] [--organ NAME] [--skip-invalid] [--json]`: the department
 * reports added up into one report for the level above (core/sum.ts), written atomically, or to
 * standard output without -o. Exit 1 when an input has errors (unless --skip-invalid leaves it
 * out), the years differ, or the sum itself does not check.
 */
import { sumFiles } from '../core/sum';
import type { Host } from '../host';
import { EXIT } from './exit-codes';
import type { Io } from './io';
import { fails, reportDiagnostics, type OutputOptions } from './report-diagnostics';
import { SourceFile } from '../source/source-file';
import { writeOutputs } from './write-outputs';
import { makeDiagnostic } from '../diagnostics/diagnostic';

export interface SumCliOptions extends OutputOptions {
  output?: string;
  organ: string;
  skipInvalid?: boolean;
}

/** The name the sum is known by when it goes to standard output. */
const STDOUT_NAME = 'sum.yaml';

export function runSum(host: Host, io: Io, files: readonly string[], options: SumCliOptions): number {
  const output = options.output ?? STDOUT_NAME;
  const outcome = sumFiles(host, files, { organ: options.organ, output, ...(options.skipInvalid ? { skipInvalid: true } : {}) });
  const sum = { file: output, diagnostics: outcome.diagnostics, skipped: [], ...(outcome.yaml ? { source: new SourceFile(output, outcome.yaml) } : {}) };
  const written = new Map<string, string[]>();
  let ioFailed = false;
  if (outcome.yaml !== undefined && options.output !== undefined) {
    const result = writeOutputs(host, [{ path: options.output, bytes: Buffer.from(outcome.yaml, 'utf8') }]);
    if (result.failure) {
      sum.diagnostics = [...sum.diagnostics, { ...makeDiagnostic('RPT5001', null, result.failure), file: output }];
      ioFailed = true;
    } else written.set(output, result.written);
  }
  if (outcome.yaml !== undefined && options.output === undefined && !options.json) io.stdout(outcome.yaml);
  const results = outcome.yaml !== undefined ? [...outcome.inputs, sum] : outcome.inputs;
  reportDiagnostics(io, results, options, written);
  if (ioFailed) return EXIT.io;
  return outcome.yaml === undefined || results.some((r) => fails(r, options.strict)) ? EXIT.errors : EXIT.ok;
}
