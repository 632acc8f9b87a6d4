/** Runs the real `report` command (bin/report → dist) in a child process. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './fixtures';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `input`: what the command reads from standard input (none: an empty stdin). */
export function runReport(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'report'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 60000,
    env: { ...process.env, ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-'));
}

/** A stack trace in output is a bug: Node prints frames as "    at fn (file:line:col)". */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
