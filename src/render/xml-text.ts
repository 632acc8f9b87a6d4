/**
 * What the renderers write into the XML metadata they make themselves (DOCX core properties, the
 * PDF's XMP packet): text with the characters XML reserves as entity references, and dates.
 */
export const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** ISO 8601 in UTC without milliseconds: W3CDTF (DOCX core properties) and XMP dates, as pdfkit writes the Info dates (D:…Z). */
export const isoSeconds = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
