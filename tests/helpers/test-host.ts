/**
 * The host of an in-process `report` run (helpers/cli.ts runReport): the machine's files through
 * nodeHost, with the rest of the outside world given by the test — environment, standard input
 * (bytes, or a terminal), and today's date — so a test sets them without starting a process.
 */
import { nodeHost, type Host, type ReadFailure } from '../../src/host';

export interface TestWorld {
  /** The environment the host sees (SOURCE_DATE_EPOCH, font and cache folders); the process's own when absent. */
  env?: NodeJS.ProcessEnv;
  /** What standard input holds; empty when absent. */
  stdin?: string | Uint8Array;
  /** Standard input is a terminal (a person would type the report). */
  stdinIsTerminal?: boolean;
  /** The machine's date (only `init` reads it). */
  today?: Date;
}

/** nodeHost over the test's world. Standard input is read as a pipe is: at most `limit` bytes, then too-large with limit + 1 read. */
export function testHost(world: TestWorld = {}): Host {
  const host = nodeHost(world.env ?? process.env);
  const stdin = typeof world.stdin === 'string' ? Buffer.from(world.stdin, 'utf8') : (world.stdin ?? new Uint8Array());
  return {
    ...host,
    readStdin(limit): Uint8Array | ReadFailure {
      return stdin.byteLength > limit ? { kind: 'too-large', size: limit + 1, limit } : stdin;
    },
    stdinIsTerminal: () => world.stdinIsTerminal ?? false,
    today: () => world.today ?? host.today(),
  };
}
