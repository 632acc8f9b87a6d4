/**
 * The plain-text reader: text copied out of a PDF, a Word file or a web page. One SourceLine per
 * line, and one per cell where a line holds several cells (separated by tabs, `|` or two or more
 * spaces), which is how tables read when copied. A line of nothing but a tab is a table cell copied
 * empty: noted on the line before it (SourceLine.blanksAfter), not made a line. UTF-8, else GB18030
 * (a superset of GBK/GB2312).
 */
import { badBytes, decodeMarked, utf8OrGb18030, type Encoding } from './decode';
import { checkTextSize, ImportError, MAX_LINES, tooManyLines, type Reader, type SourceLine } from './reader';

/** Cell separators inside one line: a tab, a `|`, or a run of two or more spaces (ASCII or ideographic). */
const CELL_SEPARATOR = /\t|\||[ \u3000]{2,}/;

/** A line holding nothing but a tab (or an ideographic space) and blanks: a table cell copied empty. */
const EMPTY_CELL = /^[ ]*[\t\u3000][\t \u3000]*$/;

/** The encoding of text: UTF-8 or GB18030 (utf8OrGb18030; a BOM is dropped by the decoder). */
export const textEncodingOf = (bytes: Uint8Array): Encoding => utf8OrGb18030(bytes);

/** Bytes as text, in textEncodingOf's encoding, bad bytes marked (decode.ts). */
export const decodeText = (bytes: Uint8Array): string => decodeMarked(bytes, textEncodingOf(bytes)).text;

/** The cells of one line, trimmed, empty ones left out. */
export function splitCells(line: string): string[] {
  return line
    .split(CELL_SEPARATOR, MAX_LINES + 1)
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '');
}

/** NUL bytes do not occur in text: such a file is binary (a PDF, a ZIP, an image). */
const looksBinary = (bytes: Uint8Array) => bytes.subarray(0, 4096).includes(0);

export const textReader: Reader = {
  format: 'text',
  badBytes: (bytes) => badBytes(bytes, textEncodingOf(bytes)),
  detect: (bytes, name) => /\.(txt|text)$/i.test(name) || !looksBinary(bytes),
  async read(bytes) {
    if (looksBinary(bytes)) throw new ImportError('不是文本文件', 'not a text file', 'format');
    checkTextSize(bytes);
    const lines: SourceLine[] = [];
    // Split with a limit: one more than allowed says there are too many, without making them all.
    const rows = decodeText(bytes).split(/\r\n|\r|\n/, MAX_LINES + 1);
    for (const [i, line] of rows.entries()) {
      const at = `第 ${i + 1} 行`;
      const last = lines.at(-1);
      if (EMPTY_CELL.test(line) && last) (last.blanksAfter ??= []).push(at);
      for (const text of splitCells(line)) lines.push({ text, at });
      if (i >= MAX_LINES || lines.length > MAX_LINES) throw tooManyLines();
    }
    return lines;
  },
};
