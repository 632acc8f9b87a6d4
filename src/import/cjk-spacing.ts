/**
 * Spaces a text layer puts between CJK characters, removed. WPS (and pdfjs reading a page whose glyphs
 * are set apart) gives “， 邮 编 ： 350400 ； 电 子 邮 箱 ：”: the phone and
 * postcode are then not found and the spaces reach the prose. Chinese puts no space between its
 * characters, so such a line is recognised by its spacing, not by where it came from, and every reader's
 * lines pass here once (import.ts), before recognition: prose, contact fields, labels and headings
 * alike.
 *
 * The rule: a line (a paragraph, a line of text, a table cell) is letter-spaced when at least as many of
 * the gaps between its adjacent CJK characters hold a space as hold none, and so is every line of a
 * document when a quarter of all its gaps do (pdfjs drops some of the layer's spaces, so a spaced PDF's
 * lines read “行 政许可”; no published text spaces one in four of its characters apart: the real pages
 * of fixtures/import/real, paragraphs and cells run together with single spaces, space at most 1 %,
 * and a WPS-like PDF about two thirds, fixtures/import/spaced). In a letter-spaced line every space
 * next to a CJK character or CJK punctuation mark is the layer's and goes (also between CJK and Latin
 * text or digits: a layer that sets each glyph apart says nothing about the source there, and the
 * national format writes 2023年 and 第711号); spaces between Latin letters or digits stay (GB/T 9704,
 * Microsoft Word, cells 0 1 5). A line that is not letter-spaced is left as written: a space between
 * CJK words there is the source's (a page whose paragraphs and cells are run together with single
 * spaces, fixtures/import/real), and so is a space between CJK and Latin text. Linear in the text's
 * length: one count over every line, then one pass over the lines it closes.
 */
import type { SourceLine } from './reader';

/** CJK characters and punctuation, as code point ranges. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x00b7, 0x00b7], // · in names (买买提·艾力)
  [0x2014, 0x2015], // —— dash
  [0x2018, 0x2019], // ‘ ’
  [0x201c, 0x201d], // “ ”
  [0x2026, 0x2026], // ……
  [0x2e80, 0x2fdf], // radicals
  [0x3001, 0x303f], // 、。〈〉《》「」【】〔〕 and 々〇 (not U+3000, the ideographic space)
  [0x3400, 0x4dbf], // extension A
  [0x4e00, 0x9fff], // unified ideographs
  [0xf900, 0xfaff], // compatibility ideographs
  [0xfdd0, 0xfde3], // a character lost to bad bytes (decode.ts): in a Chinese text, a Chinese one
  [0xfe30, 0xfe4f], // compatibility forms (︰ ﹏)
  [0xff01, 0xff60], // full-width punctuation, digits and letters: ，：；（）０-９
  [0xffe0, 0xffe6], // ￥ and the other full-width signs
  [0xfffd, 0xfffd], // a lost character past the marked places
  [0x20000, 0x323af], // extensions B–H and the compatibility supplement (rare characters in names)
];

function isWide(cp: number): boolean {
  // Most characters of a text are ASCII or unified ideographs: answered before the list is searched.
  if (cp < 0x00b7) return false;
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  for (const [first, last] of WIDE) if (cp >= first && cp <= last) return true;
  return false;
}

/** What the layer puts between glyphs: spaces and no-break spaces (U+3000 too: typed 前　言 is spacing). */
const isGap = (code: number) => code === 0x20 || code === 0xa0 || code === 0x3000;
/** A tab or a line break: a space beside one is not between two characters of a line. */
const isBreak = (code: number) => code === 0x09 || code === 0x0a || code === 0x0d;
/** The code point that ends before `index` (a surrogate pair read whole). */
const codePointBefore = (text: string, index: number) => {
  const low = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? (text.codePointAt(index - 2) as number) : low;
};

/** How many gaps between adjacent CJK characters hold a space, and how many hold none. */
export function cjkGaps(text: string): { spaced: number; direct: number } {
  let spaced = 0;
  let direct = 0;
  /** The last character that was not a gap was CJK, and whether gaps came after it. */
  let afterWide = false;
  let gapSince = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) as number;
    if (code > 0xffff) i += 1;
    if (isGap(code)) {
      gapSince = true;
      continue;
    }
    const wide = isWide(code);
    if (wide && afterWide) {
      if (gapSince) spaced += 1;
      else direct += 1;
    }
    afterWide = wide;
    gapSince = false;
  }
  return { spaced, direct };
}

/** Whether at least as many gaps between adjacent CJK characters hold a space as hold none (and one does). */
export function letterSpaced(text: string): boolean {
  const { spaced, direct } = cjkGaps(text);
  return spaced > 0 && spaced >= direct;
}

/**
 * `text` without its gaps that have a CJK character on one side and a character (not a tab or a line
 * break) on the other. The kept pieces are joined 4096 at a time: a string grown a piece at a time is a
 * chain of one node per piece, and a 15 MB line of spaced characters would pass the import worker's heap.
 */
function removeGaps(text: string): string {
  const chunks: string[] = [];
  let pieces: string[] = [];
  let kept = 0;
  let i = 0;
  while (i < text.length) {
    if (!isGap(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    while (i < text.length && isGap(text.charCodeAt(i))) i += 1;
    if (start === 0 || i === text.length) continue;
    const before = codePointBefore(text, start);
    const after = text.codePointAt(i) as number;
    if (isBreak(before) || isBreak(after) || !(isWide(before) || isWide(after))) continue;
    pieces.push(text.slice(kept, start));
    kept = i;
    if (pieces.length === 4096) {
      chunks.push(pieces.join(''));
      pieces = [];
    }
  }
  if (kept === 0) return text;
  pieces.push(text.slice(kept));
  chunks.push(pieces.join(''));
  return chunks.join('');
}

/** `text` with the spaces of its text layer removed when it is letter-spaced, or its document is; else as it is. */
export const closeText = (text: string, spacedDocument = false): string => (spacedDocument || letterSpaced(text) ? removeGaps(text) : text);

/** A reader's lines with the spaces of the text layer removed (see above). */
export function closeCjkSpacing(lines: readonly SourceLine[]): SourceLine[] {
  let spaced = 0;
  let direct = 0;
  for (const line of lines) {
    const gaps = cjkGaps(line.text);
    spaced += gaps.spaced;
    direct += gaps.direct;
  }
  const spacedDocument = spaced > 0 && 3 * spaced >= direct;
  return lines.map((line) => ({ ...line, text: closeText(line.text, spacedDocument) }));
}
