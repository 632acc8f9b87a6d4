/**
 * Markup → tokens, for the HTML reader and the DOCX reader (word/document.xml): start and end tags
 * with their attributes, and text, character references decoded. The tokenizing is htmlparser2's
 * (HTML's rules for unquoted attributes, raw <script>/<style>, and its full table of 2,231 named
 * references; in XML mode XML's five and CDATA). Only its Tokenizer, not its Parser: the Parser keeps
 * its open-element stack with Array#unshift, so a page of unclosed tags costs quadratic time
 * (3.2 million `<div>` ran for more than 300 s), while the tokenizer is linear (16 MB in about 1 s).
 * Comments, declarations and processing instructions are skipped; nothing is validated or nested:
 * the readers keep what structure they need. Tokens are handed to a callback one by one and not kept,
 * so memory stays that of the text.
 */
import type { TokenizerCallbacks } from 'htmlparser2';

export type MarkupToken =
  { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean } | { kind: 'close'; name: string } | { kind: 'text'; text: string };

/**
 * Calls `onToken` for each token of `source` in order. Consecutive text and references are one text
 * token. `xml`: XML's rules, names kept as written; otherwise HTML's, element and attribute names
 * lower-cased.
 */
export function forEachMarkupToken(source: string, xml: boolean, onToken: (token: MarkupToken) => void): void {
  const name = (start: number, end: number) => (xml ? source.slice(start, end) : source.slice(start, end).toLowerCase());
  // Text is gathered in pieces joined a few thousand at a time: a string grown by `+=` once per reference
  // keeps a node per piece, and 2.6 million `&amp;` in one paragraph would outgrow the import worker's heap.
  let chunks: string[] = [];
  let pieces: string[] = [];
  const addText = (piece: string) => {
    pieces.push(piece);
    if (pieces.length < 8192) return;
    chunks.push(pieces.join(''));
    pieces = [];
  };
  let tag: { name: string; attrs: Record<string, string> } | undefined;
  let attribute: { name: string; value: string } | undefined;
  const flushText = () => {
    if (chunks.length === 0 && pieces.length === 0) return;
    const token: MarkupToken = { kind: 'text', text: chunks.join('') + pieces.join('') };
    chunks = [];
    pieces = [];
    onToken(token);
  };
  const openTag = (selfClosing: boolean) => {
    if (!tag) return;
    const token: MarkupToken = { kind: 'open', name: tag.name, attrs: tag.attrs, selfClosing };
    tag = undefined;
    onToken(token);
  };
  const ignore = () => undefined;
  const callbacks: TokenizerCallbacks = {
    ontext: (start, end) => addText(source.slice(start, end)),
    ontextentity: (codePoint) => addText(String.fromCodePoint(codePoint)),
    oncdata: (start, end, endOffset) => addText(source.slice(start, end - endOffset)),
    onopentagname: (start, end) => {
      flushText();
      // No prototype: an attribute named __proto__ is an attribute.
      tag = { name: name(start, end), attrs: Object.create(null) as Record<string, string> };
    },
    onattribname: (start, end) => {
      attribute = { name: name(start, end), value: '' };
    },
    onattribdata: (start, end) => {
      if (attribute) attribute.value += source.slice(start, end);
    },
    onattribentity: (codePoint) => {
      if (attribute) attribute.value += String.fromCodePoint(codePoint);
    },
    onattribend: () => {
      // The first of repeated attributes counts, as in a browser.
      if (tag && attribute && !(attribute.name in tag.attrs)) tag.attrs[attribute.name] = attribute.value;
      attribute = undefined;
    },
    onopentagend: () => openTag(false),
    onselfclosingtag: () => openTag(true),
    onclosetag: (start, end) => {
      flushText();
      onToken({ kind: 'close', name: name(start, end) });
    },
    oncomment: ignore,
    ondeclaration: ignore,
    onprocessinginstruction: ignore,
    onend: flushText,
  };
  // Required here, not at the top: the render workers and the library load the readers, and only an import of a page or a DOCX needs it.
  const { Tokenizer } = require('htmlparser2') as typeof import('htmlparser2');
  const tokenizer = new Tokenizer({ xmlMode: xml, decodeEntities: true }, callbacks);
  tokenizer.write(source);
  tokenizer.end();
}
