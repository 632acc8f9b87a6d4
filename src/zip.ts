/**
 * The zip format, as much of it as Office files need, both ways: the DOCX renderer writes its parts
 * (writeZip: one fixed date on every entry, Node's native deflate — docx's JavaScript deflate took
 * ~45 ms of a ~110 ms render — so the same model gives the same bytes), and the DOCX importer reads
 * one entry (listZip, readZipEntry: a stored or deflated entry with a cap on its inflated size, so a
 * zip bomb is refused before it can exhaust memory). No zip64, no encryption (Office files need
 * neither). Imports only node:zlib.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** The signatures of a local header, a central directory record and the end of the directory. */
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;

/** MS-DOS date and time fields of a zip entry, from the UTC fields (the machine's time zone cannot change them). */
function dosDateTime(timestamp: Date): { time: number; date: number } {
  const when = new Date(Math.max(timestamp.getTime(), Date.UTC(1980, 0, 1)));
  return {
    time: (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1),
    date: ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate(),
  };
}

/** An entry's data deflated, with what its headers record of the data: done once for a part many zips share. */
export interface DeflatedEntry {
  compressed: Uint8Array;
  crc: number;
  size: number;
}

/** Deflates `data` as writeZip does. */
export function deflateEntry(data: Uint8Array): DeflatedEntry {
  return { compressed: deflateRawSync(data, { level: 6 }), crc: crc32(data), size: data.length };
}

/**
 * A zip of the given entries, in the given order ([Content_Types].xml first, as Office writes it),
 * each deflated (or given deflated: deflateEntry), all dated `timestamp`. Names are UTF-8 (flag bit 11).
 */
export function writeZip(entries: readonly [string, Uint8Array | DeflatedEntry][], timestamp: Date): Uint8Array {
  const { time, date } = dosDateTime(timestamp);
  const ordered = [...entries].sort(([a], [b]) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  const locals: Uint8Array[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of ordered) {
    const nameBytes = Buffer.from(name, 'utf8');
    const { compressed, crc, size } = data instanceof Uint8Array ? deflateEntry(data) : data;
    // The fields a local header and its central directory record share, in the same order.
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed: 2.0 (deflate)
    common.writeUInt16LE(0x0800, 2); // UTF-8 names
    common.writeUInt16LE(8, 4); // deflate
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(date, 8);
    common.writeUInt32LE(crc, 10);
    common.writeUInt32LE(compressed.length, 14);
    common.writeUInt32LE(size, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    common.copy(header, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0
    common.copy(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(ordered.length, 8);
  end.writeUInt16LE(ordered.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** No part of a report's DOCX comes near this; a larger entry is refused. */
export const MAX_ENTRY_BYTES = 50 * 1024 * 1024;

/** One entry of the central directory. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Whether the bytes begin like a zip file. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Why a zip cannot be read, in both languages; `kind` as an import failure names it. */
export class ZipError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly kind: 'damaged' | 'too-big',
  ) {
    super(en);
  }
}

const corrupt = (why: { zh: string; en: string }) =>
  new ZipError(`压缩包已损坏（${why.zh}），无法读取`, `the zip file is corrupt (${why.en}) and cannot be read`, 'damaged');

/** The entries of the zip's central directory. */
export function listZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL_HEADER) throw corrupt({ zh: '目录项不完整', en: 'truncated central directory' });
    const nameLength = view.getUint16(at + 28, true);
    const entry: ZipEntry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
    };
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** The entry's contents, refused when they would inflate beyond `maxBytes`. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes = MAX_ENTRY_BYTES): Uint8Array {
  if (entry.size > maxBytes) throw tooLarge(entry, maxBytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== LOCAL_HEADER)
    throw corrupt({ zh: `${entry.name} 的文件头缺失`, en: `no local header for ${entry.name}` });
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw corrupt({ zh: `${entry.name} 被截断`, en: `${entry.name} is truncated` });
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw corrupt({ zh: `${entry.name} 使用了不支持的压缩方法`, en: `${entry.name} uses an unsupported compression method` });
  try {
    // The declared size may lie: maxOutputLength stops inflating as soon as the cap is passed.
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(entry, maxBytes);
    throw corrupt({ zh: `${entry.name} 无法解压`, en: `${entry.name} cannot be inflated` });
  }
}

function tooLarge(entry: ZipEntry, maxBytes: number): ZipError {
  const limit = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${maxBytes} B`;
  return new ZipError(`压缩包中的 ${entry.name} 解压后超过 ${limit}，拒绝读取`, `${entry.name} inflates to more than ${limit} and is refused`, 'too-big');
}

/** The offset of the end-of-central-directory record (it ends the file, after a comment of up to 64 KiB). */
function findEndOfDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw corrupt({ zh: '找不到目录', en: 'no central directory' });
}
