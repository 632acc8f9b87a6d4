/**
 * The file argument `-`: the report is read from standard input. Diagnostics call it `<stdin>`;
 * `build` names its outputs `stdin.pdf`/`stdin.docx` unless `--name` says otherwise. Fonts the
 * report names by relative path are relative to the current folder.
 */

/** The argument that means standard input. */
export const STDIN_ARG = '-';
/** How standard input is named in diagnostics and JSON results. */
export const STDIN_LABEL = '<stdin>';
/** The default output base name of a report read from standard input. */
export const STDIN_OUTPUT_NAME = 'stdin';
