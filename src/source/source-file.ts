/**
 * Stage 1 (load): bytes → text, and offsets ⇄ line/column. Lines and columns are 1-based at the
 * edge; offsets are UTF-16 code units into the decoded, LF-normalised text.
 */
import type { Pos } from '../diagnostics/diagnostic';
import { firstInvalidOffset, invalidAt, likelierEncoding, type InvalidBytes, type TextEncoding } from './invalid-bytes';

/** The encoding a file was decoded from, when it was not plain UTF-8. */
export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export class SourceFile {
  private readonly lineStarts: number[];

  constructor(
    readonly path: string,
    readonly text: string,
    readonly encoding: SourceEncoding = 'utf-8',
  ) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** 1-based line and column of an offset (clamped into the text). */
  position(offset: number): Pos {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (this.lineStarts[low] ?? 0) + 1, offset: clamped };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/** Result of decoding: the text, or why it could not be decoded. */
export type Decoded = { text: string; encoding: SourceEncoding } | { error: 'binary' } | { error: 'invalid'; invalid: InvalidBytes };

/**
 * NUL bytes a text file may hold before it is taken for binary. A stray NUL or two comes from a
 * broken editor or a bad paste and is reported where it is (RPT1014); every binary format a report
 * could be mistaken for (DOCX/ZIP, PDF, XLS, images) has NULs by the hundred in its first kilobyte,
 * and so does UTF-16 saved without a BOM, which would not decode usefully anyway.
 */
export const MAX_TEXT_NUL_BYTES = 8;

/**
 * Decodes a report file. Windows editors save Chinese text as GB18030/GBK or UTF-16, often with a BOM;
 * all of them are accepted (the caller warns about the non-UTF-8 ones). CRLF and CR become LF, which
 * keeps line numbers intact.
 */
export function decodeSource(bytes: Uint8Array): Decoded {
  const normalise = (text: string) => text.replace(/\r\n?/g, '\n');
  /** Decoded text, or the first invalid byte (offsets in the whole file, the BOM counted). */
  const strict = (encoding: TextEncoding, bom: number, as: SourceEncoding): Decoded => {
    const body = bytes.subarray(bom);
    const text = tryDecode(encoding, body);
    if (text !== undefined) return { text: normalise(text), encoding: as };
    return { error: 'invalid', invalid: invalidAt(encoding, body, firstInvalidOffset(encoding, body) ?? 0) };
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strict('utf-8', 3, 'utf-8-bom');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', 2, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', 2, 'utf-16be');
  let nulBytes = 0;
  for (const byte of bytes) if (byte === 0 && ++nulBytes > MAX_TEXT_NUL_BYTES) return { error: 'binary' };
  // Undeclared: UTF-8 or GB18030, whichever the bytes are valid in (one decode for a valid report);
  // valid in neither, the one they are more nearly valid in is blamed.
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { text: normalise(utf8), encoding: 'utf-8' };
  const gb = tryDecode('gb18030', bytes);
  if (gb !== undefined) return { text: normalise(gb), encoding: 'gb18030' };
  const encoding = likelierEncoding(bytes);
  return { error: 'invalid', invalid: invalidAt(encoding, bytes, firstInvalidOffset(encoding, bytes) ?? 0) };
}

function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
