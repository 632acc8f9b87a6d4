/** A one-line progress bar for a batch on a terminal: 构建 12/300 [█████░░░░░] 4% file.yaml */
import type { Io } from './io';
import { forPeople, type OutputOptions } from './report-diagnostics';

export function progress(io: Io, done: number, total: number, file: string, verb: string): void {
  const width = 24;
  const filled = Math.round((done / total) * width);
  const percent = Math.floor((done / total) * 100);
  io.stderr(`\r\x1b[K${verb} ${done}/${total} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${percent}% ${file}`);
  if (done === total) io.stderr('\r\x1b[K');
}

/**
 * The batch runner's progress callback (core/batch.ts) for a batch of `total` files, as a spread:
 * only on a terminal, for people (not --json, not a reporter for programs), and for more than one file.
 */
export function progressBar(io: Io, options: OutputOptions, total: number, verb: { zh: string; en: string }) {
  if (!io.isTTY || io.plain || !forPeople(options) || total <= 1) return {};
  return { progress: (done: number, all: number, outcome: { file: string }) => progress(io, done, all, outcome.file, verb[options.lang]) };
}
