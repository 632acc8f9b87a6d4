/**
 * Where a file stops being valid text in an encoding: the first invalid byte, as a line and column.
 * A file that decodes in none of the encodings a report may be saved in is reported at its first bad
 * byte rather than decoded with U+FFFD in place of what was there: a replaced character in a name or
 * a number is damage nobody would see.
 */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface InvalidBytes {
  encoding: TextEncoding;
  /** 1-based, counted in characters of the valid text before the bad byte. */
  line: number;
  column: number;
  /** The first bad byte in hex ("C3"); for UTF-16 the bad code unit ("00 D8"). */
  bytes: string;
}

/** Whether the bytes are all valid text in the encoding (any WHATWG label). */
export function decodesCleanly(bytes: Uint8Array, label: string): boolean {
  try {
    new TextDecoder(label, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Which of UTF-8 and GB18030 undeclared bytes were written in: the one they are valid in, else the
 * one with fewer places that do not decode. A GB18030 file with one stray byte has that one place in
 * GB18030 but one at every Chinese character in UTF-8, whereas which encoding reads further from the
 * start says nothing when the stray byte comes first (that decides only a tie). Used for report
 * files and imported text alike.
 */
export function likelierEncoding(bytes: Uint8Array): 'utf-8' | 'gb18030' {
  if (decodesCleanly(bytes, 'utf-8')) return 'utf-8';
  if (decodesCleanly(bytes, 'gb18030')) return 'gb18030';
  // Counted, not split: an imported text of millions of bad bytes split into millions of strings took
  // the import worker past its heap limit.
  const places = (label: string) => {
    const text = new TextDecoder(label).decode(bytes);
    let count = 0;
    for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) count++;
    return count;
  };
  const [inUtf8, inGb] = [places('utf-8'), places('gb18030')];
  if (inUtf8 !== inGb) return inUtf8 < inGb ? 'utf-8' : 'gb18030';
  // As many places in each (a short file): the one valid further from the start.
  return (firstInvalidOffset('gb18030', bytes) ?? 0) > (firstInvalidOffset('utf-8', bytes) ?? 0) ? 'gb18030' : 'utf-8';
}

/** Is bytes[0, length) valid up to a possibly unfinished last character? */
function validPrefix(encoding: TextEncoding, bytes: Uint8Array, length: number): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Offset of the first byte that makes `bytes` invalid in `encoding`, or undefined when it decodes.
 * Binary search over prefixes (a valid prefix's prefixes are valid): about 20 decodes for 1 MiB.
 */
export function firstInvalidOffset(encoding: TextEncoding, bytes: Uint8Array): number | undefined {
  if (decodesCleanly(bytes, encoding)) return undefined;
  let good = 0;
  let bad = bytes.length;
  if (validPrefix(encoding, bytes, bad)) return lastCharStart(encoding, bytes);
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (validPrefix(encoding, bytes, middle)) good = middle;
    else bad = middle;
  }
  // bytes[bad - 1] completes an invalid sequence: it starts after the last character that decoded.
  return startOfSequence(encoding, bytes, bad);
}

/** A file valid as far as it goes but cut inside its last character: that character is the bad one. */
function lastCharStart(encoding: TextEncoding, bytes: Uint8Array): number {
  return startOfSequence(encoding, bytes, bytes.length + 1);
}

/** The start of the invalid sequence ending before `end`: the longest prefix that decodes completely. */
function startOfSequence(encoding: TextEncoding, bytes: Uint8Array, end: number): number {
  for (let start = Math.max(0, end - 1); start > Math.max(0, end - 5); start--) {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, start));
      return start;
    } catch {
      // A sequence that began earlier.
    }
  }
  return Math.max(0, end - 5);
}

/** The line and column of `offset` in `bytes`, counted on the (valid) text before it. */
export function invalidAt(encoding: TextEncoding, bytes: Uint8Array, offset: number): InvalidBytes {
  const before = new TextDecoder(encoding).decode(bytes.subarray(0, offset)).replace(/\r\n?/g, '\n');
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = 0; i < before.length; i++) if (before.charCodeAt(i) === 10) line++;
  const hex = [...bytes.subarray(offset, offset + (encoding.startsWith('utf-16') ? 2 : 1))].map((b) => b.toString(16).toUpperCase().padStart(2, '0'));
  return { encoding, line, column: before.length - lineStart + 1, bytes: hex.join(' ') };
}
