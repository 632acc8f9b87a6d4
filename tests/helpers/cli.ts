/**
 * Runs the `report` command for a test: in this process through runCli (runReport: no spawn, so a test
 * can afford many runs), or as the real program bin/report → dist in a child process (spawnReport: only
 * for what a process alone shows — the exit status of bin/report, a piped stdin, signals, the bundle).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Io } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { ROOT } from './fixtures';
import { testHost } from './test-host';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `input`: what the command reads from standard input (none: an empty stdin). `isTTY`: stderr is a terminal (progress, batch tables). */
export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  isTTY?: boolean;
  today?: Date;
}

/** node:os as the sources see it (`import { availableParallelism }` reads the property at each call). */
const nodeOs = require('node:os') as typeof os;

/**
 * `report …` in this process, streams captured. Render and check workers run the CLI bundle in dist/,
 * which the sources under jest are not: the run sees one core, so everything builds in this thread
 * (as with --jobs 1; outputs are the same bytes either way). Imports still read in their sandbox worker.
 * `env` is the host's environment and, for the run, also the process's (TZ is the process's time zone).
 */
export async function runReport(args: string[], options: RunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = { isTTY: options.isTTY ?? false, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) };
  const host = testHost({
    env: { ...process.env, ...options.env },
    ...(options.input !== undefined ? { stdin: options.input } : {}),
    ...(options.today ? { today: options.today } : {}),
  });
  const cores = jest.spyOn(nodeOs, 'availableParallelism').mockReturnValue(1);
  const cwd = process.cwd();
  const saved = Object.keys(options.env ?? {}).map((name) => [name, process.env[name]] as const);
  try {
    Object.assign(process.env, options.env);
    process.chdir(options.cwd ?? ROOT);
    const status = await runCli(['node', 'report', ...args], host, io);
    return { status, stdout, stderr };
  } finally {
    process.chdir(cwd);
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    cores.mockRestore();
  }
}

/** `report …` as a child process: bin/report and the bundle in dist/, as a user runs it. */
export function spawnReport(args: string[], options: RunOptions = {}): CliResult {
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
