/** A plain table for the terminal: columns padded to their display width (a CJK character is two columns wide), no trailing spaces. */
import { displayWidth } from '../diagnostics/display-width';

export function textTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((_, c) => Math.max(...[head, ...rows].map((row) => displayWidth(row[c] ?? ''))));
  const line = (row: readonly string[]) =>
    row
      .map((cell, c) => cell + ' '.repeat((widths[c] as number) - displayWidth(cell)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}
