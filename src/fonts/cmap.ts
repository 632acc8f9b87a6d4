/**
 * Which characters a font file can draw, read from its table directory and Unicode character map
 * (cmap) alone: a few hundred kilobytes of a 10–25 MB file, without fontkit, so `validate` can check
 * glyph coverage in a few milliseconds. Lookups follow fontkit's (the PDF renderer's) choice of
 * subtable, so both agree on every character. Malformed data throws FontDataError.
 */
import type { Host } from '../host';
import { FontDataError } from './font-data-error';
import type { FontFile } from './resolve';

// Part of this module's interface (its readers throw it); defined apart so woff.ts can throw it without importing the font chain.
export { FontDataError };

/** Tables the PDF renderer reads from every face; outlines come from glyf+loca or CFF. */
const REQUIRED_TABLES = ['cmap', 'head', 'hhea', 'hmtx', 'maxp'] as const;
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

/** A big-endian reader over bytes that throws FontDataError instead of reading past the end. */
class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private check(at: number, size: number): void {
    if (at < 0 || at + size > this.bytes.length) throw new FontDataError('truncated table');
  }
  u16(at: number): number {
    this.check(at, 2);
    return this.view.getUint16(at);
  }
  i16(at: number): number {
    this.check(at, 2);
    return this.view.getInt16(at);
  }
  u32(at: number): number {
    this.check(at, 4);
    return this.view.getUint32(at);
  }
  tag(at: number): string {
    this.check(at, 4);
    return String.fromCharCode(...this.bytes.subarray(at, at + 4));
  }
}

/** The code points a face maps to a glyph other than .notdef. */
export interface CharacterMap {
  has(codePoint: number): boolean;
}

/**
 * Reads byte ranges of one font file. The first 4 KiB, which hold the header and table directory of
 * a plain font, are read once; the character map is one more read.
 */
class FontBytes {
  private readonly head: Uint8Array;
  constructor(
    private readonly host: Host,
    readonly file: string,
    readonly size: number,
  ) {
    this.head = host.readRange(file, 0, Math.min(size, 4096));
  }
  /** `length` bytes at `offset`, all of them or FontDataError. */
  read(offset: number, length: number): Reader {
    if (offset + length > this.size) throw new FontDataError('file ends inside a table');
    if (offset + length <= this.head.length) return new Reader(this.head.subarray(offset, offset + length));
    const bytes = this.host.readRange(this.file, offset, length);
    if (bytes.length < length) throw new FontDataError('file ends inside a table');
    return new Reader(bytes);
  }
}

type TableDirectory = Map<string, { offset: number; length: number }>;

/** The table directory of the face at `faceOffset`, with every table inside the file. */
function readDirectory(font: FontBytes, faceOffset: number): TableDirectory {
  const header = font.read(faceOffset, 12);
  const count = header.u16(4);
  if (count === 0 || count > 512) throw new FontDataError(`implausible table count ${count}`);
  const records = font.read(faceOffset + 12, 16 * count);
  const tables: TableDirectory = new Map();
  for (let i = 0; i < count; i++) {
    const offset = records.u32(16 * i + 8);
    const length = records.u32(16 * i + 12);
    if (offset + length > font.size) throw new FontDataError(`table ${records.tag(16 * i).trim()} lies beyond the end of the file`);
    tables.set(records.tag(16 * i), { offset, length });
  }
  const missing: string[] = REQUIRED_TABLES.filter((tag) => !tables.has(tag));
  if (!(tables.has('glyf') && tables.has('loca')) && !tables.has('CFF ') && !tables.has('CFF2')) missing.push('glyf');
  if (missing.length > 0) throw new FontDataError(`no ${missing.join(', ')} table`);
  return tables;
}

/** The PostScript name (name ID 6) of a face, for picking one out of a collection. */
function postscriptName(font: FontBytes, tables: TableDirectory): string | undefined {
  const name = tables.get('name');
  if (!name) return undefined;
  const table = font.read(name.offset, name.length);
  const count = table.u16(2);
  const strings = table.u16(4);
  for (let i = 0; i < count; i++) {
    const record = 6 + 12 * i;
    if (table.u16(record + 6) !== 6) continue;
    const [platform, length, offset] = [table.u16(record), table.u16(record + 8), strings + table.u16(record + 10)];
    const bytes = Buffer.from(table.bytes.subarray(offset, offset + length));
    return platform === 3 || platform === 0
      ? bytes
          .subarray(0, bytes.length & ~1)
          .swap16()
          .toString('utf16le')
      : bytes.toString('latin1');
  }
  return undefined;
}

/** The directory of the face to use: the file's only face, or the collection's face named `postscriptName` (else its first, as font-set.ts opens it). */
function faceDirectory(bytes: FontBytes, font: FontFile): TableDirectory {
  const head = bytes.read(0, 12);
  if (head.tag(0) !== 'ttcf') return readDirectory(bytes, 0);
  const count = head.u32(8);
  if (count === 0 || count > 256) throw new FontDataError(`implausible face count ${count}`);
  const offsets = bytes.read(12, 4 * count);
  const faces = Array.from({ length: count }, (_, i) => offsets.u32(4 * i));
  for (const offset of font.postscriptName ? faces : []) {
    const tables = readDirectory(bytes, offset);
    if (postscriptName(bytes, tables) === font.postscriptName) return tables;
  }
  if (font.postscriptName) throw new FontDataError(`no face named ${font.postscriptName}`);
  return readDirectory(bytes, faces[0] as number);
}

/** A cmap subtable of format 4 (BMP segments). */
function segmentMap(table: Reader, at: number): CharacterMap {
  const segCount = table.u16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segCount + 2;
  const deltas = starts + 2 * segCount;
  const rangeOffsets = deltas + 2 * segCount;
  return {
    has(codePoint) {
      let [min, max] = [0, segCount - 1];
      while (min <= max) {
        const mid = (min + max) >> 1;
        if (codePoint < table.u16(starts + 2 * mid)) max = mid - 1;
        else if (codePoint > table.u16(ends + 2 * mid)) min = mid + 1;
        else {
          const rangeOffset = table.u16(rangeOffsets + 2 * mid);
          if (rangeOffset === 0) return ((codePoint + table.i16(deltas + 2 * mid)) & 0xffff) !== 0;
          // idRangeOffset counts from its own position into glyphIdArray (OpenType cmap format 4).
          const at = rangeOffsets + 2 * mid + rangeOffset + 2 * (codePoint - table.u16(starts + 2 * mid));
          const glyph = at + 2 <= table.bytes.length ? table.u16(at) : 0;
          return glyph !== 0 && ((glyph + table.i16(deltas + 2 * mid)) & 0xffff) !== 0;
        }
      }
      return false;
    },
  };
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
  return {
    has(codePoint) {
      let [min, max] = [0, count - 1];
      while (min <= max) {
        const mid = (min + max) >> 1;
        const start = group(mid, 0);
        if (codePoint < start) max = mid - 1;
        else if (codePoint > group(mid, 4)) min = mid + 1;
        else return group(mid, 8) + (format === 12 ? codePoint - start : 0) !== 0;
      }
      return false;
    },
  };
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
  const table = bytes.read(cmap.offset, cmap.length);
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
