/**
 * The XMP metadata packet of the PDF. pdfkit writes its values unescaped (a title with & or < makes
 * the packet ill-formed) and no xmp:ModifyDate, so the Info dictionary and XMP would disagree; this
 * writes the whole description block itself, escaped, with the same dates as the Info dictionary.
 */

import { escapeXml, isoSeconds } from '../xml-text';

export interface XmpFields {
  title: string;
  author: string;
  subject: string;
  lang: string;
  creatorTool: string;
  producer: string;
  created: Date;
  modified: Date;
}

/** The rdf:Description elements nianbao puts in the packet (pdfkit adds the pdfaid block itself). */
export function xmpDescriptions(f: XmpFields): string {
  return [
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreateDate>${isoSeconds(f.created)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${isoSeconds(f.modified)}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${isoSeconds(f.modified)}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${escapeXml(f.creatorTool)}</xmp:CreatorTool>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(f.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${escapeXml(f.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(f.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${escapeXml(f.lang)}</rdf:li></rdf:Bag></dc:language>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<pdf:Producer>${escapeXml(f.producer)}</pdf:Producer>`,
    '</rdf:Description>',
  ].join('\n');
}
