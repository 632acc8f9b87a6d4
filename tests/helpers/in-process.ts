/** Runs `report …` in this process (runCli) with captured streams: no spawn, so a test can afford many runs. */
import type { Io } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { nodeHost } from '../../src/host';

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `isTTY`: whether stderr pretends to be a terminal (progress bars, batch tables). */
export async function runInProcess(args: string[], isTTY = false): Promise<InProcessResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = { isTTY, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) };
  const code = await runCli(['node', 'report', ...args], nodeHost(), io);
  return { code, stdout, stderr };
}
