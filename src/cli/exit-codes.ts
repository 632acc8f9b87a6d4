/** Exit codes of `report`, and the table printed by --help and the README. */
export const EXIT = {
  /** everything checked (and built) */
  ok: 0,
  /** an input has errors (or warnings with --strict); nothing was written for it */
  errors: 1,
  /** the command line is wrong */
  usage: 2,
  /** an output could not be written */
  io: 3,
  /** a bug in nianbao */
  internal: 4,
} as const;

export const EXIT_TABLE = [
  '  0  通过（或已生成）/ clean (or built)',
  '  1  输入有错误，未生成文件；--strict 时警告也算 / input has errors, nothing written; with --strict warnings too',
  '  2  命令行用法错误 / usage error',
  '  3  无法写出输出文件 / an output file could not be written',
  '  4  nianbao 内部错误 / internal error (a bug: please report it)',
].join('\n');
