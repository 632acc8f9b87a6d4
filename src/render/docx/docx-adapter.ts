/**
 * Every use of docx's private API, written against docx 9.15.2 and checked against the installed
 * version when this module loads. docx's own packer zips with the current time and a JavaScript
 * deflate, so the renderer takes the parts from its internal compiler and zips them itself
 * (reproducible.ts); and docx cannot write every paragraph default a 公文 needs, so word/styles.xml
 * is patched where docx leaves the defaults empty.
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
