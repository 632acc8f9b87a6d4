/**
 * Text sources (plain text, HTML) as characters, and the places where their bytes are not in the
 * encoding they are read in: such bytes become U+FFFD, which would silently take the place of an
 * organ's name or a telephone number, so each place is reported (RPT1035) at its line and column.
 * So that it can also say which field of the report lost text there, the decoded text carries each
 * place as a mark (a noncharacter, U+FDD0 + its index) through the reader and the recogniser: the
 * field whose text holds a mark is the one that lost the text (lost-text.ts).
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

/**
 * The mark of place `index` (< MAX_BAD_PLACES): noncharacters, which no published text holds (the YAML
 * check refuses them, RPT1014), so a mark cannot be mistaken for a character of the report.
 */
const MARK_BASE = 0xfdd0;
export const markOf = (index: number) => String.fromCharCode(MARK_BASE + index);
/** The marks and U+FFFD (past the marked places), as a character class's body: text lost to bad bytes. */
export const LOST_CHARS = '\\ufdd0-\\ufde3\\ufffd';
export const LOST = new RegExp(`[${LOST_CHARS}]`);
/** The index of the place a character marks, or undefined when it is not a mark. */
export const markIndex = (char: string): number | undefined => {
  const index = char.charCodeAt(0) - MARK_BASE;
  return index >= 0 && index < MAX_BAD_PLACES ? index : undefined;
};

export const decodeAs = (bytes: Uint8Array, encoding: Encoding): string => new TextDecoder(encoding.label).decode(bytes.subarray(encoding.skip));

/**
 * UTF-8 or GB18030, for bytes that declare neither: the one they are valid in, else the one with
 * fewer undecodable places (a UTF-8 file with one bad byte stays UTF-8, its bad byte reported).
 */
export function utf8OrGb18030(bytes: Uint8Array): Encoding {
  return { label: likelierEncoding(bytes), skip: 0 };
}

/** A source decoded: its text, each of its first MAX_BAD_PLACES runs of bad bytes as one mark, and those places. */
export interface Decoded {
  text: string;
  places: BadBytes[];
}

/** Decodes `bytes`, a run of bad bytes being one place, marked in the text (later runs stay U+FFFD). */
export function decodeMarked(bytes: Uint8Array, encoding: Encoding): Decoded {
  const text = decodeAs(bytes, encoding);
  if (decodesCleanly(bytes.subarray(encoding.skip), encoding.label)) return { text, places: [] };
  // A source holding a mark's character already (it is refused as a noncharacter anyway) is not marked:
  // its places are still reported, the fields that lost text still flagged by their U+FFFD.
  const marking = !/[\ufdd0-\ufde3]/.test(text);
  const places: BadBytes[] = [];
  const pieces: string[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0; // where lines are counted to
  let copied = 0; // where the text is taken into `pieces` to
  // The first MAX_BAD_PLACES runs only: past them the text is left as decoded (its U+FFFD flag the fields).
  let run = text.indexOf('\ufffd');
  while (run >= 0 && places.length < MAX_BAD_PLACES) {
    // Lines counted from the last run on: one pass over the text in all.
    for (; scanned < run; scanned++) {
      const c = text.charCodeAt(scanned);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(scanned + 1) !== 0x0a)) {
        line++;
        lineStart = scanned + 1;
      }
    }
    let end = run;
    while (text.charCodeAt(end) === 0xfffd) end++;
    places.push({ line, column: run - lineStart + 1, encoding: encoding.label.toUpperCase() });
    pieces.push(text.slice(copied, run), marking ? markOf(places.length - 1) : text.slice(run, end));
    scanned = copied = end;
    run = text.indexOf('\ufffd', end);
  }
  pieces.push(text.slice(copied));
  return { text: pieces.join(''), places };
}

/** Where the bytes are not in `encoding` (none when they all are), at most MAX_BAD_PLACES. */
export const badBytes = (bytes: Uint8Array, encoding: Encoding): BadBytes[] => decodeMarked(bytes, encoding).places;
