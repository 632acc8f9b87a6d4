/**
 * The file argument `-`: the report is read from standard input. Diagnostics call it `<stdin>`;
 * `build` names its outputs `stdin.pdf`/`stdin.docx` unless `--name` says otherwise. Fonts the
 * report names by relative path are relative to the current folder.
 */
import type { Host } from '../host';

/** The argument that means standard input. */
export const STDIN_ARG = '-';
/** How standard input is named in diagnostics and JSON results. */
export const STDIN_LABEL = '<stdin>';
/** The default output base name of a report read from standard input. */
export const STDIN_OUTPUT_NAME = 'stdin';

/** The host, with the stdin label reading the given bytes. */
export function withStdin(host: Host, bytes: Uint8Array): Host {
  return { ...host, readBytes: (file) => (file === STDIN_LABEL ? bytes : host.readBytes(file)) };
}
