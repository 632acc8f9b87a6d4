/**
 * Every use of pdfkit's private API, written against pdfkit 0.20.2 and checked against the installed
 * version when this module loads. The PDF renderer writes its text runs itself (pdfkit's text()
 * measures and handles options on every call, ~35 ms a report) and replaces pdfkit's XMP block
 * (unescaped, and without ModifyDate); both need pdfkit's internals, which may change in any release.
 */
import type PDFDocument from 'pdfkit';
import { checkPinned } from '../../pinned-library';

/** The pdfkit release this module was checked against. */
export const PDFKIT_VERSION = '0.20.2';
checkPinned('pdfkit', PDFKIT_VERSION, 'src/render/pdf/pdfkit-adapter.ts');

type Doc = InstanceType<typeof PDFDocument>;

/** The private fields of a document and of its embedded fonts that the direct text writer uses. */
interface Internals {
  _font: { id: string; ref(): unknown; encode(text: string): [string[], unknown] };
  _fontSize: number;
  page: { fonts: Record<string, unknown> };
  addContent(operators: string): void;
}

const internals = (doc: Doc) => doc as unknown as Internals;

/** The document's current font and size (set with doc.font().fontSize()), as content-stream operators name them. */
export interface CurrentFont {
  /** The font's resource name on the current page. */
  name: string;
  sizePt: number;
  /** Hex glyph codes, one per code point (the face is laid out unshaped). */
  encode(text: string): string[];
}

/** The current font, registered as a resource of the current page as pdfkit's text() would. */
export function currentFont(doc: Doc): CurrentFont {
  const { _font: font, _fontSize: sizePt, page } = internals(doc);
  page.fonts[font.id] ??= font.ref();
  return { name: font.id, sizePt, encode: (text) => font.encode(text)[0] };
}

/**
 * Sets the current font by key, opening it only the first time. pdfkit's font() keeps a font under
 * its key only when no other font of the same name is open; two keys of one face (仿宋 and 宋体 both
 * Noto Serif SC) or the document's default face made it reopen the font and compare name tables
 * (JSON.stringify) on every call — a fifth of the PDF's time.
 */
export function selectFont(doc: Doc, key: string, opened: Map<string, unknown>): void {
  const font = opened.get(key);
  if (font) internals(doc)._font = font as Internals['_font'];
  else {
    doc.font(key);
    opened.set(key, internals(doc)._font);
  }
}

/** Appends raw operators to the current page's content stream. */
export function addContent(doc: Doc, operators: string): void {
  internals(doc).addContent(operators);
}

/** Makes `write` produce the document's XMP description in place of pdfkit's own (called when the document ends). */
export function replaceXmpInfo(doc: Doc, write: () => void): void {
  (doc as unknown as { _addInfo: () => void })._addInfo = write;
}
