/**
 * Report files given with no command — what Windows Explorer passes when YAML files are dropped on
 * the program's icon: each is built as `report build` would, into an `output` folder beside it.
 * Not the working folder: Explorer chooses that (not the clerk), and it may be a folder nobody can
 * write or would look in, while the YAML's own folder is the one the clerk just dragged from.
 * The same holds on a command line, where `report 2023.yaml` could only mean this.
 */
import * as path from 'node:path';
import type { Host } from '../host';
import { DEFAULT_FORMATS } from '../render/registry';
import { EXIT } from './exit-codes';
import type { Io } from './io';
import { outputName } from '../core/output-names';

const REPORT_FILE = /\.ya?ml$/i;

/** The files when the arguments are only report files (no command, no option); otherwise undefined. */
export function droppedFiles(args: readonly string[]): string[] | undefined {
  return args.length > 0 && args.every((arg) => !arg.startsWith('-') && REPORT_FILE.test(arg)) ? [...args] : undefined;
}

/** The output folder of a dropped file: `output` beside it. */
export const droppedOutput = (file: string) => path.join(path.dirname(path.resolve(file)), 'output');

/** Builds the dropped files, those of one folder together, and returns the worst exit code. Explorer passes no options: messages are Chinese. */
export async function runDropped(host: Host, io: Io, files: readonly string[], script: string): Promise<number> {
  const byFolder = new Map<string, string[]>();
  for (const file of files) byFolder.set(droppedOutput(file), [...(byFolder.get(droppedOutput(file)) ?? []), file]);
  let worst: number = EXIT.ok;
  for (const [out, group] of byFolder) {
    const inputs = group.map((file) => ({ file, name: outputName(file) }));
    const code = await (
      await import('./build')
    ).runBuild(host, io, inputs, { out, formats: [...DEFAULT_FORMATS], fonts: {}, conformance: 'PDF/A-2b', lang: 'zh' }, script);
    if (code === EXIT.ok) io.stderr(`输出文件夹：${out}\n`);
    worst = Math.max(worst, code);
  }
  return worst;
}
