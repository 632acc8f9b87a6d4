/**
 * Which characters a font file can draw, read from its table directory and Unicode character map
 * (cmap) alone: a few hundred kilobytes of a 10–25 MB file, without fontkit, so `validate` can check
 * glyph coverage in a few milliseconds. Lookups follow fontkit's (the PDF renderer's) choice of
 * subtable, so both agree on every character. Malformed data throws FontDataError.
 */
import type { Host } from '../host';
import { FontDataError } from './font-data-error';
import type { FontFile } from './resolve';
import { faceDirectory, FontBytes, type Reader, type TableDirectory } from './sfnt';

// Part of this module's interface (its readers throw it); defined apart so woff.ts can throw it without importing the font chain.
export { FontDataError };

/** fontkit's order of preference among Unicode subtables (platform, encoding). */
const UNICODE_SUBTABLES: readonly [number, number][] = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
];

/**
 * A face's character map, read in place as fontkit's CmapProcessor.lookup reads it (the same
 * subtable preference, the same arithmetic): the PDF renderer's glyph for every character and
 * validate's coverage check come from this one reading.
 */
export interface CharacterMap {
  /** The glyph of a code point; 0 (.notdef) when the face has none. */
  glyph(codePoint: number): number;
  /** Whether the face maps the code point to a glyph other than .notdef. */
  has(codePoint: number): boolean;
}

/** A map from its glyph lookup. */
const mapOf = (glyph: (codePoint: number) => number): CharacterMap => ({ glyph, has: (codePoint) => glyph(codePoint) !== 0 });

/** A cmap subtable of format 4 (BMP segments). */
function segmentMap(table: Reader, at: number): CharacterMap {
  const segCount = table.u16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segCount + 2;
  const deltas = starts + 2 * segCount;
  const rangeOffsets = deltas + 2 * segCount;
  return mapOf((codePoint) => {
    let [min, max] = [0, segCount - 1];
    while (min <= max) {
      const mid = (min + max) >> 1;
      if (codePoint < table.u16(starts + 2 * mid)) max = mid - 1;
      else if (codePoint > table.u16(ends + 2 * mid)) min = mid + 1;
      else {
        const rangeOffset = table.u16(rangeOffsets + 2 * mid);
        if (rangeOffset === 0) return (codePoint + table.i16(deltas + 2 * mid)) & 0xffff;
        // idRangeOffset counts from its own position into glyphIdArray (OpenType cmap format 4).
        const at = rangeOffsets + 2 * mid + rangeOffset + 2 * (codePoint - table.u16(starts + 2 * mid));
        const glyph = at + 2 <= table.bytes.length ? table.u16(at) : 0;
        return glyph === 0 ? 0 : (glyph + table.i16(deltas + 2 * mid)) & 0xffff;
      }
    }
    return 0;
  });
}

/**
 * A cmap subtable of format 12 (ranges to consecutive glyphs) or 13 (ranges to one glyph), searched
 * in place: a CJK face has tens of thousands of groups and a report asks for a few hundred
 * characters, so decoding every group cost more than all the lookups.
 */
function groupMap(table: Reader, at: number, format: 12 | 13): CharacterMap {
  const count = table.u32(at + 12);
  if (at + 16 + 12 * count > table.bytes.length) throw new FontDataError('truncated cmap');
  const group = (i: number, field: 0 | 4 | 8) => table.u32(at + 16 + 12 * i + field);
  return mapOf((codePoint) => {
    let [min, max] = [0, count - 1];
    while (min <= max) {
      const mid = (min + max) >> 1;
      const start = group(mid, 0);
      if (codePoint < start) max = mid - 1;
      else if (codePoint > group(mid, 4)) min = mid + 1;
      else return group(mid, 8) + (format === 12 ? codePoint - start : 0);
    }
    return 0;
  });
}

/** The head table's magic number and loca format, which fontkit needs to open the face at all. */
function checkHead(bytes: FontBytes, tables: TableDirectory): void {
  const head = tables.get('head');
  const table = head && head.length >= 54 ? bytes.read(head.offset, 54) : undefined;
  if (!table || table.u32(12) !== 0x5f0f3cf5) throw new FontDataError('bad head table');
  if (table.i16(50) !== 0 && table.i16(50) !== 1) throw new FontDataError('bad loca format');
}

/** The character map of a face; FontDataError when the file is not a well-formed font. */
export function readCharacterMap(host: Host, font: FontFile): CharacterMap {
  const stat = host.statFile(font.file);
  if (stat.kind !== 'file') throw new FontDataError(`not a regular file (${stat.kind})`);
  const bytes = new FontBytes(host, font.file, stat.size);
  const tables = faceDirectory(bytes, font);
  checkHead(bytes, tables);
  const cmap = tables.get('cmap');
  if (!cmap) throw new FontDataError('no cmap table');
  return characterMapOf(bytes.read(cmap.offset, cmap.length));
}

/** The character map in a face's cmap table: its preferred Unicode subtable, as fontkit picks it. */
export function characterMapOf(table: Reader): CharacterMap {
  const subtables = Array.from({ length: table.u16(2) }, (_, i) => ({
    platform: table.u16(4 + 8 * i),
    encoding: table.u16(6 + 8 * i),
    offset: table.u32(8 + 8 * i),
  }));
  for (const [platform, encoding] of UNICODE_SUBTABLES) {
    const subtable = subtables.find((s) => s.platform === platform && s.encoding === encoding);
    if (!subtable) continue;
    const format = table.u16(subtable.offset);
    if (format === 4) return segmentMap(table, subtable.offset);
    if (format === 12 || format === 13) return groupMap(table, subtable.offset, format);
    throw new FontDataError(`cmap format ${format} is not supported`);
  }
  throw new FontDataError('no Unicode character map');
}
