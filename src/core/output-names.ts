/**
 * Where a build writes a report's outputs — the folder, the input's base name, each renderer's
 * extension — and the policy that no two inputs of one run may write the same output: a batch
 * refuses before anything is built rather than let one report overwrite another's PDF.
 */
import * as path from 'node:path';
import { rendererOf, type OutputFormat } from '../render/registry';

/** The output base name of an input file: its name without .yaml (a/2023.yaml → 2023). */
export const outputName = (file: string) => path.basename(file).replace(/\.ya?ml$/i, '');

/** Where one format of a report goes. */
export const outputPath = (out: string, name: string, format: OutputFormat) => path.join(out, name + rendererOf(format).extension);

/** Input files whose outputs would land on the same path in `out` (a/2023.yaml and b/2023.yaml both make 2023.pdf); each group in input order. */
export function collidingInputs(inputs: readonly { file: string; name: string }[], out: string): string[][] {
  const byOutput = new Map<string, string[]>();
  for (const input of inputs) {
    const key = outputPath(out, input.name, 'model');
    const group = byOutput.get(key) ?? [];
    if (!group.includes(input.file)) byOutput.set(key, [...group, input.file]);
  }
  return [...byOutput.values()].filter((group) => group.length > 1);
}
