/**
 * Test fonts that say what we want in their name table: a real shipped TrueType font with its
 * `name` table replaced (every other table byte for byte), written under a made-up file name, and
 * collections (.ttc) of such faces. What they say is read back by nianbao's own readers only.
 */
import * as fs from 'node:fs';
import { BUNDLED } from '../../src/fonts/resolve';
import { writeSfnt } from '../../src/fonts/truetype';

/** One name record: platform, encoding, language, name ID and the string's bytes as stored. */
export interface NameRecord {
  platform: number;
  encoding: number;
  language: number;
  id: number;
  bytes: Uint8Array;
}

/** A string as Windows and Unicode platforms store it (UTF-16BE). */
export const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

/** The usual records of a face: its family in English (Windows, en-US, and Mac Roman) and Chinese (Windows, zh-CN), and its PostScript name. */
export function familyRecords(family: { en: string; zh?: string }, postscriptName = family.en.replace(/[^A-Za-z0-9-]/g, '')): NameRecord[] {
  return [
    { platform: 1, encoding: 0, language: 0, id: 1, bytes: Buffer.from(family.en, 'latin1') },
    { platform: 3, encoding: 1, language: 0x0409, id: 1, bytes: utf16be(family.en) },
    { platform: 3, encoding: 1, language: 0x0409, id: 6, bytes: utf16be(postscriptName) },
    ...(family.zh ? [{ platform: 3, encoding: 1, language: 0x0804, id: 1, bytes: utf16be(family.zh) }] : []),
  ];
}

/** A name table (format 0) of the records, sorted as the spec asks. */
export function nameTable(records: NameRecord[]): Uint8Array {
  const sorted = [...records].sort((a, b) => a.platform - b.platform || a.encoding - b.encoding || a.language - b.language || a.id - b.id);
  const header = 6 + 12 * sorted.length;
  const table = Buffer.alloc(header + sorted.reduce((n, r) => n + r.bytes.length, 0));
  table.writeUInt16BE(0, 0);
  table.writeUInt16BE(sorted.length, 2);
  table.writeUInt16BE(header, 4);
  let offset = 0;
  sorted.forEach((r, i) => {
    const at = 6 + 12 * i;
    [r.platform, r.encoding, r.language, r.id, r.bytes.length, offset].forEach((value, k) => table.writeUInt16BE(value, at + 2 * k));
    table.set(r.bytes, header + offset);
    offset += r.bytes.length;
  });
  return table;
}

/** The tables of a TrueType file by tag, in directory (tag) order. */
function tablesOf(font: Buffer): [string, Uint8Array][] {
  return Array.from({ length: font.readUInt16BE(4) }, (_, i): [string, Uint8Array] => {
    const at = 12 + 16 * i;
    const [offset, length] = [font.readUInt32BE(at + 8), font.readUInt32BE(at + 12)];
    return [font.toString('latin1', at, at + 4), font.subarray(offset, offset + length)];
  });
}

const sources = new Map<string, Buffer>();
/** A shipped font's bytes (read once per test file). */
export const shippedBytes = (file: string = BUNDLED.fangsong.file) => sources.get(file) ?? sources.set(file, fs.readFileSync(file)).get(file)!;

/** `source` (a real TrueType file) with its name table replaced by `records`. */
export function withNames(records: NameRecord[], source: Buffer = shippedBytes()): Uint8Array {
  return writeSfnt(tablesOf(source).map(([tag, data]): [string, Uint8Array] => [tag, tag === 'name' ? nameTable(records) : data]));
}

/**
 * A collection (.ttc) of faces that share every table of `source` but their names: the header, one
 * table directory per face, the shared tables once, then each face's name table.
 */
export function collection(faces: NameRecord[][], source: Buffer = shippedBytes()): Uint8Array {
  const shared = tablesOf(source).filter(([tag]) => tag !== 'name');
  const tags = [...shared.map(([tag]) => tag), 'name'].sort();
  const pad = (n: number) => (n + 3) & ~3;
  const header = 12 + 4 * faces.length;
  const directory = 12 + 16 * tags.length;
  const parts: Uint8Array[] = [];
  let offset = header + directory * faces.length;
  const sharedAt = new Map<string, number>();
  for (const [tag, data] of shared) {
    sharedAt.set(tag, offset);
    parts.push(data, new Uint8Array(pad(data.length) - data.length));
    offset += pad(data.length);
  }
  const names = faces.map((records) => {
    const table = nameTable(records);
    const at = offset;
    parts.push(table, new Uint8Array(pad(table.length) - table.length));
    offset += pad(table.length);
    return { at, length: table.length };
  });
  const head = Buffer.alloc(header + directory * faces.length);
  head.write('ttcf', 0, 'latin1');
  head.writeUInt32BE(0x00010000, 4);
  head.writeUInt32BE(faces.length, 8);
  faces.forEach((_, f) => {
    const dir = header + directory * f;
    head.writeUInt32BE(dir, 12 + 4 * f);
    head.writeUInt32BE(0x00010000, dir);
    head.writeUInt16BE(tags.length, dir + 4);
    tags.forEach((tag, i) => {
      const at = dir + 12 + 16 * i;
      const data = tag === 'name' ? names[f]! : { at: sharedAt.get(tag)!, length: shared.find(([t]) => t === tag)![1].length };
      head.write(tag, at, 'latin1');
      head.writeUInt32BE(data.at, at + 8);
      head.writeUInt32BE(data.length, at + 12);
    });
  });
  return Buffer.concat([head, ...parts]);
}
