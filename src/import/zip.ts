/**
 * Just enough of the zip format to read one entry of an Office file: the central directory is
 * listed, and a stored or deflated entry is extracted with a cap on its inflated size, so a zip
 * bomb is refused before it can exhaust memory. No zip64, no encryption (Office files need neither).
 */
import { inflateRawSync } from 'node:zlib';
import { ImportError } from './reader';

/** No part of a report's DOCX comes near this; a larger entry is refused. */
export const MAX_ENTRY_BYTES = 50 * 1024 * 1024;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;

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

const corrupt = (why: { zh: string; en: string }) =>
  new ImportError(`压缩包已损坏（${why.zh}），无法读取`, `the zip file is corrupt (${why.en}) and cannot be read`, 'damaged');

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

function tooLarge(entry: ZipEntry, maxBytes: number): ImportError {
  const limit = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${maxBytes} B`;
  return new ImportError(`压缩包中的 ${entry.name} 解压后超过 ${limit}，拒绝读取`, `${entry.name} inflates to more than ${limit} and is refused`, 'too-big');
}

/** The offset of the end-of-central-directory record (it ends the file, after a comment of up to 64 KiB). */
function findEndOfDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw corrupt({ zh: '找不到目录', en: 'no central directory' });
}
