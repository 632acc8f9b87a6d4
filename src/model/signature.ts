/**
 * The signature of a report without a seal (GB/T 9704-2012 7.3.5.2): one blank line after the text,
 * the organ's name two characters from the right margin, the date on the next line beginning two
 * characters right of the name's first character; a date that would then come closer to the margin
 * than the name sits two characters from it, and the name moves left to keep the offset. A name too
 * long for one line breaks by meaning into right-aligned lines.
 */
import { dateText } from './format';
import { breakByMeaning } from './title-lines';
import type { SignatureBlock } from './types';
import { GRID } from '../format/page-standard';

const RIGHT_INDENT_CHARS = 2;
const DATE_SHIFT_CHARS = 2;

export function signatureBlock(organ: string, date: string): SignatureBlock {
  return {
    kind: 'signature',
    organ,
    organLines: breakByMeaning(organ, GRID.chars - RIGHT_INDENT_CHARS),
    dateText: dateText(date),
    rightIndentChars: RIGHT_INDENT_CHARS,
    dateShiftChars: DATE_SHIFT_CHARS,
    spaceBeforeLines: 1,
    origin: '/organ',
  };
}

/**
 * Where the name's lines and the date end, as distances from the right margin, from the widths of
 * the name's first line and of the date and the width of a character — in whatever unit the
 * renderer measures (points from the glyphs, or estimated characters).
 */
export function signaturePlacement(block: SignatureBlock, organFirstLine: number, date: number, char: number): { organRight: number; dateRight: number } {
  const margin = block.rightIndentChars * char;
  const shift = block.dateShiftChars * char;
  const dateRight = margin + organFirstLine - shift - date;
  if (dateRight >= margin) return { organRight: margin, dateRight };
  return { organRight: margin + date + shift - organFirstLine, dateRight: margin };
}
