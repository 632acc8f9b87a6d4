/**
 * Text sources (plain text, HTML) as characters, and the places where their bytes are not in the
 * encoding they are read in: such bytes become U+FFFD, which would silently take the place of an
 * organ's name or a telephone number, so each place is reported (RPT1035) at its line and column.
 */
import { decodesCleanly, likelierEncoding } from '../source/invalid-bytes';

/** An encoding a source is read in: a WHATWG label, and the bytes of a byte-order mark to skip. */
export interface Encoding {
  label: string;
  skip: number;
}

/** A place in the source (1-based line and column, in characters) where bytes are not in its encoding. */
export interface BadBytes {
  line: number;
  column: number;
  encoding: string;
}

/** The most places reported for one file: after them the file is clearly in another encoding. */
export const MAX_BAD_PLACES = 20;

export const decodeAs = (bytes: Uint8Array, encoding: Encoding): string => new TextDecoder(encoding.label).decode(bytes.subarray(encoding.skip));

/**
 * UTF-8 or GB18030, for bytes that declare neither: the one they are valid in, else the one with
 * fewer undecodable places (a UTF-8 file with one bad byte stays UTF-8, its bad byte reported).
 */
export function utf8OrGb18030(bytes: Uint8Array): Encoding {
  return { label: likelierEncoding(bytes), skip: 0 };
}

/** Where the bytes are not in `encoding` (none when they all are; a run of bad bytes is one place), at most MAX_BAD_PLACES. */
export function badBytes(bytes: Uint8Array, encoding: Encoding): BadBytes[] {
  if (decodesCleanly(bytes.subarray(encoding.skip), encoding.label)) return [];
  const text = decodeAs(bytes, encoding);
  const places: BadBytes[] = [];
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length && places.length < MAX_BAD_PLACES; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    } else if (c === 0xfffd && text.charCodeAt(i - 1) !== 0xfffd) places.push({ line, column: i - lineStart + 1, encoding: encoding.label.toUpperCase() });
  }
  return places;
}
