/** A report given as bytes rather than as a file (standard input, the library API): the Host reads it under its label. */
import type { Host, ReadFailure } from '../host';

/** The host, with `file` reading the given bytes (or failing as standard input did); every other path is read as before. */
export function withSource(host: Host, file: string, bytes: Uint8Array | ReadFailure): Host {
  return { ...host, readBytes: (path, limit) => (path === file ? bytes : host.readBytes(path, limit)) };
}
