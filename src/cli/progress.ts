/** A one-line progress bar for a batch on a terminal: 构建 12/300 [█████░░░░░] 4% file.yaml */
import type { Io } from './io';

export function progress(io: Io, done: number, total: number, file: string, verb: string): void {
  const width = 24;
  const filled = Math.round((done / total) * width);
  const percent = Math.floor((done / total) * 100);
  io.stderr(`\r\x1b[K${verb} ${done}/${total} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${percent}% ${file}`);
  if (done === total) io.stderr('\r\x1b[K');
}
