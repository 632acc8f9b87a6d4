/** The file arguments of validate and build: paths, or `-` for standard input (stdin.ts). */
import type { Host, ReadFailure } from '../host';
import { MAX_SOURCE_BYTES } from '../source/load-yaml';
import { outputName } from './output-names';
import { STDIN_ARG, STDIN_LABEL, STDIN_OUTPUT_NAME } from './stdin';

export interface Input {
  /** The path, or the stdin label; diagnostics and results name the input by it. */
  file: string;
  /** Base name of its outputs. */
  name: string;
  /** Standard input's bytes, for `-`, or why they were not read (more than a report may hold). */
  stdin?: Uint8Array | ReadFailure;
}

/** The inputs of a command line, or the usage problem with it. `name` (--name) names the outputs of `-`. */
export function readInputs(host: Host, args: readonly string[], name: string | undefined): { inputs: Input[] } | { usage: string } {
  const stdinCount = args.filter((arg) => arg === STDIN_ARG).length;
  if (stdinCount > 1) return { usage: '标准输入（-）只能读取一次 / standard input (-) can be read only once' };
  if (name !== undefined && stdinCount === 0)
    return { usage: '--name 只用于从标准输入（-）读取的报告 / --name applies only to a report read from standard input (-)' };
  // A name starting with a dot (`.`, `..`) would write hidden files such as `...docx`.
  if (name !== undefined && !/^[^/\\.][^/\\]*$/.test(name))
    return { usage: `--name 应为文件名，不含目录、不以“.”开头 / --name must be a file name without folders, not starting with ".": ${name}` };
  const stdin = stdinCount > 0 ? host.readStdin(MAX_SOURCE_BYTES) : undefined;
  const inputs = args.map((arg): Input =>
    arg === STDIN_ARG && stdin ? { file: STDIN_LABEL, name: name ?? STDIN_OUTPUT_NAME, stdin } : { file: arg, name: outputName(arg) },
  );
  return { inputs };
}
