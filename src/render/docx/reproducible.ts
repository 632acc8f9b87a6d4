/**
 * Same model + same timestamp ⇒ same DOCX bytes. docx stamps the current time into
 * docProps/core.xml and every zip entry; we write core.xml ourselves and set every entry's date.
 */
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

/**
 * Sets the date of every entry of a zip (local headers and central directory) in place, so the bytes
 * no longer depend on when they were made; the compressed data is not touched (re-compressing cost
 * ~35 ms a build). Zip stores MS-DOS local date fields: written from the UTC fields, so the machine's
 * time zone cannot change the bytes.
 */
export function makeReproducible(zip: Uint8Array, timestamp: Date): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const when = new Date(Math.max(timestamp.getTime(), Date.UTC(1980, 0, 1)));
  const dosTime = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
  const dosDate = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  // Central directory: find the end record, then walk its entries; each names its local header.
  let end = out.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('bad zip central directory');
    view.setUint16(at + 12, dosTime, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, dosDate, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
