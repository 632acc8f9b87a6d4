/**
 * WOFF 1 → sfnt (TrueType/OpenType file). A WOFF 1 file is an sfnt whose tables are each
 * zlib-compressed (W3C WOFF File Format 1.0); undoing that gives back the original font, which the
 * raw-table readers (cmap.ts, truetype.ts) and pdfkit can use directly. Pure: bytes in, bytes out.
 */
import { inflateSync } from 'node:zlib';
import { FontDataError } from './font-data-error';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const HEADER_BYTES = 44;
const ENTRY_BYTES = 20;

/** The WOFF header and table directory: what the sfnt will be, read without inflating anything. */
export interface WoffDirectory {
  /** The sfnt version of the font inside (0x00010000 for TrueType, 'OTTO' for CFF). */
  flavor: number;
  /** Size of the sfnt file this WOFF decodes to. */
  sfntSize: number;
  /** Bytes of the header and table directory; enough to fingerprint the font (they hold every table's checksum). */
  directoryBytes: number;
  tables: { tag: number; offset: number; compLength: number; origLength: number; checksum: number }[];
}

/** Reads the header and table directory; `bytes` may be just the start of the file, as long as it holds those. */
export function readWoffDirectory(bytes: Uint8Array): WoffDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < HEADER_BYTES || view.getUint32(0) !== WOFF_SIGNATURE) throw new FontDataError('not a WOFF file');
  const count = view.getUint16(12);
  const directoryBytes = HEADER_BYTES + ENTRY_BYTES * count;
  if (count === 0 || count > 512) throw new FontDataError(`implausible table count ${count}`);
  if (bytes.length < directoryBytes) throw new FontDataError('truncated WOFF directory');
  const tables = Array.from({ length: count }, (_, i) => {
    const at = HEADER_BYTES + ENTRY_BYTES * i;
    return {
      tag: view.getUint32(at),
      offset: view.getUint32(at + 4),
      compLength: view.getUint32(at + 8),
      origLength: view.getUint32(at + 12),
      checksum: view.getUint32(at + 16),
    };
  });
  return { flavor: view.getUint32(4), sfntSize: view.getUint32(16), directoryBytes, tables };
}

/** zlib data inflated to at most `length` bytes; damage is a FontDataError like any other. */
function inflate(data: Uint8Array, length: number): Uint8Array {
  try {
    return inflateSync(data, { maxOutputLength: length });
  } catch (error) {
    throw new FontDataError(`WOFF table does not inflate (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** The sfnt font a WOFF 1 file holds, table for table. */
export function woffToSfnt(bytes: Uint8Array): Uint8Array {
  const woff = readWoffDirectory(bytes);
  const count = woff.tables.length;
  const directory = 12 + 16 * count;
  const size = woff.tables.reduce((total, t) => total + ((t.origLength + 3) & ~3), directory);
  if (size !== woff.sfntSize) throw new FontDataError(`WOFF says ${woff.sfntSize} bytes, its tables make ${size}`);
  const sfnt = new Uint8Array(size);
  const view = new DataView(sfnt.buffer);
  const power = 2 ** Math.floor(Math.log2(count));
  view.setUint32(0, woff.flavor);
  view.setUint16(4, count);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, count * 16 - power * 16);
  // Table data goes back in the order the WOFF stores it, which is the original file's order
  // (WOFF 1.0 §5), so head.checkSumAdjustment holds again; the directory stays sorted by tag.
  const byOffset = woff.tables.map((table, index) => ({ table, index })).sort((a, b) => a.table.offset - b.table.offset);
  let offset = directory;
  for (const { table, index } of byOffset) {
    if (table.offset + table.compLength > bytes.length) throw new FontDataError('WOFF table lies beyond the end of the file');
    const stored = bytes.subarray(table.offset, table.offset + table.compLength);
    // A table is stored uncompressed when compressing would not have made it smaller.
    const data = table.compLength < table.origLength ? inflate(stored, table.origLength) : stored;
    if (data.length !== table.origLength) throw new FontDataError('WOFF table does not inflate to its stated size');
    const record = 12 + 16 * index;
    view.setUint32(record, table.tag);
    view.setUint32(record + 4, table.checksum);
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, table.origLength);
    sfnt.set(data, offset);
    offset += (table.origLength + 3) & ~3;
  }
  return sfnt;
}
