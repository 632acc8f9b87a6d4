/**
 * Bounded reads of sfnt fonts (TrueType, OpenType, collections): the table directory of each face
 * and its name strings, from a few kilobytes of a 10–25 MB file. The character map (cmap.ts) and
 * the family-name index of the system fonts (font-names.ts) both read through here. Malformed data
 * throws FontDataError, never a RangeError.
 */
import type { Host } from '../host';
import { FontDataError } from './font-data-error';

/** Tables the PDF renderer reads from every face; outlines come from glyf+loca or CFF. */
const REQUIRED_TABLES = ['cmap', 'head', 'hhea', 'hmtx', 'maxp'] as const;

/** A big-endian reader over bytes that throws FontDataError instead of reading past the end. */
export class Reader {
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
  /** `length` bytes at `at`. */
  slice(at: number, length: number): Uint8Array {
    this.check(at, length);
    return this.bytes.subarray(at, at + length);
  }
}

/** One byte range of a file (fewer bytes at its end). */
export const readRange = (host: Host, file: string, offset: number, length: number): Uint8Array => host.readRanges(file, [{ offset, length }])[0] as Uint8Array;

/**
 * Reads byte ranges of one font file. The first 4 KiB, which hold the header and table directory of
 * a plain font, are read once; each table is one more read.
 */
export class FontBytes {
  private readonly head: Uint8Array;
  constructor(
    private readonly host: Host,
    readonly file: string,
    readonly size: number,
  ) {
    this.head = readRange(host, file, 0, Math.min(size, 4096));
  }
  /** `length` bytes at `offset`, all of them or FontDataError. */
  read(offset: number, length: number): Reader {
    if (offset + length > this.size) throw new FontDataError('file ends inside a table');
    if (offset + length <= this.head.length) return new Reader(this.head.subarray(offset, offset + length));
    const bytes = readRange(this.host, this.file, offset, length);
    if (bytes.length < length) throw new FontDataError('file ends inside a table');
    return new Reader(bytes);
  }
}

export type TableDirectory = Map<string, { offset: number; length: number; checksum: number }>;

/** The table directory of the face at `faceOffset`, with every table inside the file and those the renderer needs present. */
export function readDirectory(font: FontBytes, faceOffset: number): TableDirectory {
  const header = font.read(faceOffset, 12);
  const count = header.u16(4);
  if (count === 0 || count > 512) throw new FontDataError(`implausible table count ${count}`);
  const records = font.read(faceOffset + 12, 16 * count);
  const tables: TableDirectory = new Map();
  for (let i = 0; i < count; i++) {
    const offset = records.u32(16 * i + 8);
    const length = records.u32(16 * i + 12);
    if (offset + length > font.size) throw new FontDataError(`table ${records.tag(16 * i).trim()} lies beyond the end of the file`);
    tables.set(records.tag(16 * i), { offset, length, checksum: records.u32(16 * i + 4) });
  }
  const missing: string[] = REQUIRED_TABLES.filter((tag) => !tables.has(tag));
  if (!(tables.has('glyf') && tables.has('loca')) && !tables.has('CFF ') && !tables.has('CFF2')) missing.push('glyf');
  if (missing.length > 0) throw new FontDataError(`no ${missing.join(', ')} table`);
  return tables;
}

/** Where each face of the file starts: one face at 0, or the faces a collection (.ttc) lists. */
export function faceOffsets(font: FontBytes): number[] {
  const head = font.read(0, 12);
  if (head.tag(0) !== 'ttcf') return [0];
  const count = head.u32(8);
  if (count === 0 || count > 256) throw new FontDataError(`implausible face count ${count}`);
  const offsets = font.read(12, 4 * count);
  return Array.from({ length: count }, (_, i) => offsets.u32(4 * i));
}

/** The directory of the face fontkit would open for `font`: the only face of a plain file, else the one its PostScript name names. */
export function faceDirectory(bytes: FontBytes, font: { postscriptName?: string }): TableDirectory {
  const faces = faceOffsets(bytes);
  // A single face is the one fontkit opens, whatever name is asked for.
  if (faces.length === 1) return readDirectory(bytes, faces[0] as number);
  for (const offset of font.postscriptName ? faces : []) {
    const tables = readDirectory(bytes, offset);
    if (postscriptName(bytes, tables) === font.postscriptName) return tables;
  }
  if (font.postscriptName) throw new FontDataError(`no face named ${font.postscriptName}`);
  return readDirectory(bytes, faces[0] as number);
}

/** The name IDs read here (OpenType name table): family, PostScript name, typographic family. */
export const NAME_ID = { family: 1, postscript: 6, typographicFamily: 16 } as const;

/**
 * Decodes a name string by its platform and encoding (OpenType name table): Unicode and Windows
 * Unicode are UTF-16BE; Windows PRC (3,3) and Mac Simplified Chinese (1,25) are GB2312/GBK, which
 * Windows stores as 16-bit codes; Mac Roman (1,0). Undefined for encodings no official face uses.
 */
function decodeName(platform: number, encoding: number, bytes: Uint8Array): string | undefined {
  if (platform === 0 || (platform === 3 && (encoding === 0 || encoding === 1 || encoding === 10))) {
    return Buffer.from(bytes.subarray(0, bytes.length & ~1))
      .swap16()
      .toString('utf16le');
  }
  if (platform === 3 && encoding === 3) return new TextDecoder('gbk').decode(bytes.filter((byte, i) => !(i % 2 === 0 && byte === 0)));
  if (platform === 1 && encoding === 0) return new TextDecoder('macintosh').decode(bytes);
  if (platform === 1 && encoding === 25) return new TextDecoder('gbk').decode(bytes);
  return undefined;
}

/** Every string of the given name IDs in a face's name table, all platforms and languages, in table order ([] without a name table). */
export function nameStrings(font: FontBytes, tables: TableDirectory, ids: readonly number[]): { id: number; text: string }[] {
  const name = tables.get('name');
  if (!name) return [];
  const table = font.read(name.offset, name.length);
  const count = table.u16(2);
  const storage = table.u16(4);
  const found: { id: number; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    const record = 6 + 12 * i;
    const id = table.u16(record + 6);
    if (!ids.includes(id)) continue;
    const bytes = table.slice(storage + table.u16(record + 10), table.u16(record + 8));
    const text = decodeName(table.u16(record), table.u16(record + 2), bytes)
      ?.replace(/\0/g, '')
      .trim();
    if (text) found.push({ id, text });
  }
  return found;
}

/** The PostScript name (name ID 6) of a face, for picking one out of a collection. */
export function postscriptName(font: FontBytes, tables: TableDirectory): string | undefined {
  return nameStrings(font, tables, [NAME_ID.postscript])[0]?.text;
}
