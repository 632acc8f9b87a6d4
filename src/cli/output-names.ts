/** Where `build` writes a report's outputs: --out, the input's base name, each renderer's extension. */
import * as path from 'node:path';
import { rendererOf, type OutputFormat } from '../render/registry';

/** The output base name of an input file: its name without .yaml (a/2023.yaml → 2023). */
export const outputName = (file: string) => path.basename(file).replace(/\.ya?ml$/i, '');

/** Where one format of a report goes. */
export const outputPath = (out: string, name: string, format: OutputFormat) => path.join(out, name + rendererOf(format).extension);
