/**
 * Same model + same timestamp ⇒ same DOCX bytes. docx stamps the current time into
 * docProps/core.xml and every zip entry; we write core.xml ourselves, and zip the package parts
 * ourselves (src/zip.ts writeZip: one fixed date on every entry).
 */
import type { ReportDoc } from '../../model/types';
import { escapeXml, isoSeconds } from '../xml-text';

/** docProps/core.xml: title, author = organ, language, and the pinned dates. */
export function coreXml(doc: ReportDoc, timestamp: Date): string {
  const when = isoSeconds(timestamp);
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
