/**
 * Every use of docx's private API, written against docx 9.15.2 and checked against the installed
 * version when this module loads. docx's own packer zips with the current time and a JavaScript
 * deflate, so the renderer takes the parts from its internal compiler and zips them itself
 * (reproducible.ts); docx cannot write every paragraph default a 公文 needs, so word/styles.xml
 * is patched where docx leaves the defaults empty; and the body of word/document.xml is written by
 * body-xml.ts into the package docx makes for the document's sections without their content.
 */
import { Packer, type Document } from 'docx';
import { checkPinned } from '../../pinned-library';

/** The docx release this module was checked against. */
export const DOCX_VERSION = '9.15.2';
checkPinned('docx', DOCX_VERSION, 'src/render/docx/docx-adapter.ts');

/** docx's internal compiler: document → part name → XML text or bytes, with whole parts replaced by `overrides`. */
interface Compiler {
  compile(file: Document, prettify: undefined, overrides: { path: string; data: string }[]): Map<string, string | Uint8Array>;
}

/** What docx writes for the defaults it leaves empty; a docx upgrade that changes it must fail loudly. */
const EMPTY_DEFAULTS = '<w:pPrDefault/>';
/**
 * Paragraph defaults docx cannot write, in w:pPrDefault, which every paragraph style inherits (in
 * CT_PPrBase order):
 * - w:overflowPunct on. LibreOffice reads the value inverted (writerfilter's DomainMapper sets
 *   ParaIsHangingPunctuation to `value == 0`): with "0", or without the element, it hangs a closing
 *   mark 16 pt into the right margin after a full line, and with the body's tracking drops some of
 *   them (“内容更新” without its “。”); with "1" it moves a character down instead, as the PDF does.
 *   For Word "1" is the OOXML default the document had without the element.
 * - Word's automatic space between East Asian text and Latin letters (w:autoSpaceDE) or digits
 *   (w:autoSpaceDN) off, so “2023年1月25日” sets without gaps as in a 公文 (and as the PDF does).
 *   Word writes the off value as "0".
 * - w:adjustRightInd off: the right indent stays where it is set, not moved to a grid cell's edge.
 */
const DEFAULTS =
  '<w:pPrDefault><w:pPr><w:overflowPunct w:val="1"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:adjustRightInd w:val="0"/></w:pPr></w:pPrDefault>';

/** word/styles.xml with the paragraph defaults filled in. */
export function withParagraphDefaults(stylesXml: string): string {
  if (stylesXml.split(EMPTY_DEFAULTS).length !== 2) throw new Error(`word/styles.xml has no single ${EMPTY_DEFAULTS} to fill`);
  return stylesXml.replace(EMPTY_DEFAULTS, DEFAULTS);
}

/**
 * The package's parts in docx's order, as UTF-8 bytes: `overrides` (path → XML) replace whole
 * parts, and word/styles.xml gets the paragraph defaults.
 */
export function documentParts(document: Document, overrides: Record<string, string>): [string, Uint8Array][] {
  const { compiler } = Packer as unknown as { compiler: Compiler };
  const parts = compiler.compile(
    document,
    undefined,
    Object.entries(overrides).map(([path, data]) => ({ path, data })),
  );
  return [...parts].map(([name, data]) => [
    name,
    typeof data === 'string' ? Buffer.from(name === 'word/styles.xml' ? withParagraphDefaults(data) : data, 'utf8') : data,
  ]);
}

/** The package of a document whose sections are empty, ready to take a body (body-xml.ts). */
export interface DocumentSkeleton {
  /** The package's parts in docx's order, as documentParts gives them; word/document.xml is the empty one. */
  parts: [string, Uint8Array][];
  /** word/document.xml up to and with <w:body>. */
  head: string;
  /** Each section's w:sectPr: in the paragraph that ends the section, or (the last) at the end of the body. */
  sectionProperties: string[];
}

const SECTION_PROPERTIES = /<w:sectPr>[\s\S]*?<\/w:sectPr>/g;
const BODY_END = '</w:body></w:document>';

/**
 * The package docx makes for `document`, whose sections have no children: docx then writes each
 * section but the last as an empty paragraph holding its w:sectPr, and the last w:sectPr at the
 * end of the body. Anything else in that body means docx changed, and fails loudly.
 */
export function documentSkeleton(document: Document, overrides: Record<string, string>): DocumentSkeleton {
  const parts = documentParts(document, overrides);
  const xml = Buffer.from(parts.find(([name]) => name === 'word/document.xml')?.[1] ?? []).toString('utf8');
  const start = xml.indexOf('<w:body>') + '<w:body>'.length;
  const sectionProperties = xml.slice(start).match(SECTION_PROPERTIES) ?? [];
  const expected =
    sectionProperties.map((properties, i) => (i < sectionProperties.length - 1 ? `<w:p><w:pPr>${properties}</w:pPr></w:p>` : properties)).join('') + BODY_END;
  if (start < '<w:body>'.length || sectionProperties.length === 0 || xml.slice(start) !== expected) {
    throw new Error('word/document.xml of a document without content is not the sections alone');
  }
  return { parts, head: xml.slice(0, start), sectionProperties };
}

/** word/document.xml: the skeleton's head, the `body` (which holds every section's w:sectPr), the end. */
export function documentXml(skeleton: DocumentSkeleton, body: string): string {
  return skeleton.head + body + BODY_END;
}
