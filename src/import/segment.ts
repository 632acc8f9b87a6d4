/**
 * Segmentation: lines of several numbers split into one per number, and a table flattened into
 * running text (a web page's text, cells with no separator) cut at the table's labels, so that the
 * table reader finds each label on a line of its own with its cells after it.
 */
import { matcher } from './label-match';
import { norm, NUMBER, NUMBERS } from './line-text';
import type { SourceLine } from './reader';

/** Splits lines of several numbers (a table row copied as “0 1 1 0 2”) into one line per number. */
export function splitNumberLines(lines: readonly SourceLine[]): SourceLine[] {
  return lines.flatMap((line) =>
    !line.cell && NUMBERS.test(line.text.trim())
      ? line.text
          .trim()
          .split(/\s+/)
          .map((text) => ({ text, at: line.at }))
      : [line],
  );
}

/** A piece of a source line; `run`: digits printed with no separator between the cells (规章000). */
export type Piece = SourceLine & { run?: true };

/**
 * A table flattened into running text (a web page's text, cells with no separator) cut at its labels:
 * 规章000行政规范性文件8855698 → 规章 | 000 | 行政规范性文件 | 8855698, numbers between labels split at
 * spaces, and a number of several digits standing alone marked a run (which cells it holds is known
 * only when each is one digit). `labels` normalised; a line that is a label, or a table cell, stays,
 * and so does a label printed differently (label-match.ts), alone or before its numbers: (3)其他 and
 * 2、其他法律行政法规禁止公开 are not cut at the column label 其他.
 */
export function segment(lines: readonly SourceLine[], labels: readonly string[]): Piece[] {
  // The labels that can begin at a character, longest first: a character is compared with those only
  // (a 15 MB line was compared with every label at every character: 1.9 s of its import).
  const startingWith = new Map<string, string[]>();
  for (const label of [...labels].filter((label) => label.length > 1).sort((a, b) => b.length - a.length))
    startingWith.set(label.charAt(0), [...(startingWith.get(label.charAt(0)) ?? []), label]);
  const set = new Set(labels);
  const match = matcher(labels);
  return lines.flatMap((line): Piece[] => {
    const text = line.text.trim().replace(/．/g, '.');
    if (line.cell || set.has(norm(text)) || printedLabel(text, match)) return [line];
    const pieces: string[] = [];
    // The text between labels is cut out of the line, never built a character at a time: a string
    // grown so is a chain of one node per character (32 bytes each), and a 15 MB line in a table's
    // part took the import worker past its 256 MB heap.
    let rest = 0;
    for (let i = 0; i < text.length;) {
      const label = startingWith.get(text.charAt(i))?.find((l) => text.startsWith(l, i));
      if (label) {
        pieces.push(text.slice(rest, i), label);
        i += label.length;
        rest = i;
      } else i += 1;
    }
    pieces.push(text.slice(rest));
    const found = pieces.filter((piece) => piece.trim() !== '');
    if (found.length <= 1 || !found.some((piece) => set.has(piece))) return [line];
    return found.flatMap((piece): Piece[] => {
      if (set.has(piece) || !NUMBERS.test(piece.trim())) {
        const number = NUMBER.test(piece.trim()) && /^\d{2,}$/.test(piece.trim());
        return [{ text: piece.trim(), at: line.at, ...(number ? { run: true as const } : {}) }];
      }
      return piece
        .trim()
        .split(/\s+/)
        .map((token) => ({ text: token, at: line.at, ...(/^\d{2,}$/.test(token) ? { run: true as const } : {}) }));
    });
  });
}

/** Whether `text` is a label printed differently, alone or followed by numbers; its words hold no digit. */
function printedLabel(text: string, match: ReturnType<typeof matcher>): boolean {
  // No label is longer than a line of a table cell: a line of running text is not compared.
  if (text.length > 200) return false;
  const tokens = text.split(/\s+/);
  let cut = tokens.length;
  while (cut > 1 && NUMBER.test(tokens[cut - 1] as string)) cut -= 1;
  const head = tokens.slice(0, cut).join('');
  const words = head.replace(/^([（(]?[\d０-９]{1,2}[)）]?[、.，,]?|[\u2460-\u2473])/, '');
  return !/[\d０-９]/.test(words) && match(head) !== undefined;
}
