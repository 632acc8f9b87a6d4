/**
 * Same model + same timestamp ⇒ same DOCX bytes. docx stamps the current time into
 * docProps/core.xml and every zip entry; we write core.xml ourselves, and zip the package parts
 * ourselves: one fixed date on every entry, and Node's native deflate (docx's JavaScript deflate
 * took ~45 ms of a ~110 ms render).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import type { ReportDoc } from '../../model/types';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** ISO 8601 without milliseconds, as W3CDTF wants it. */
const w3cdtf = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** docProps/core.xml: title, author = organ, language, and the pinned dates. */
export function coreXml(doc: ReportDoc, timestamp: Date): string {
  const when = w3cdtf(timestamp);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(doc.meta.title)}</dc:title>` +
    `<dc:creator>${escapeXml(doc.meta.author)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeXml(doc.meta.author)}</cp:lastModifiedBy>` +
    `<dc:language>${doc.meta.lang}</dc:language>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** MS-DOS date and time fields of a zip entry, from the UTC fields (the machine's time zone cannot change them). */
function dosDateTime(timestamp: Date): { time: number; date: number } {
  const when = new Date(Math.max(timestamp.getTime(), Date.UTC(1980, 0, 1)));
  return {
    time: (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1),
    date: ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate(),
  };
}

/**
 * A zip of the given entries, in the given order ([Content_Types].xml first, as Office writes it),
 * each deflated, all dated `timestamp`. Names are UTF-8 (flag bit 11).
 */
export function writeZip(entries: readonly [string, Uint8Array][], timestamp: Date): Uint8Array {
  const { time, date } = dosDateTime(timestamp);
  const ordered = [...entries].sort(([a], [b]) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of ordered) {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressed = deflateRawSync(data, { level: 6 });
    // The fields a local header and its central directory record share, in the same order.
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed: 2.0 (deflate)
    common.writeUInt16LE(0x0800, 2); // UTF-8 names
    common.writeUInt16LE(8, 4); // deflate
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(date, 8);
    common.writeUInt32LE(crc32(data), 10);
    common.writeUInt32LE(compressed.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    common.copy(header, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0
    common.copy(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(ordered.length, 8);
  end.writeUInt16LE(ordered.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
