/** Runs `report …` in this process (helpers/cli.ts runReport), with the exit code as `code`. */
import { runReport } from './cli';

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `isTTY`: whether stderr pretends to be a terminal (progress bars, batch tables). */
export async function runInProcess(args: string[], isTTY = false): Promise<InProcessResult> {
  const { status, stdout, stderr } = await runReport(args, { isTTY });
  return { code: status ?? -1, stdout, stderr };
}
