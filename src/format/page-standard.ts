/**
 * The page standard of the report (GB/T 9704-2012, ../shared/TEMPLATE.md §8: page, margins, line
 * grid, type sizes) in renderer-neutral units. It belongs to the formats, not to a renderer: the model
 * sizes table columns and breaks lines with it, the fonts check reads its roles, and every renderer
 * draws with it, so the DOCX, the PDF and the HTML share one page and one type scale.
 */
import type { FontRole } from './font-roles';

export const MM_TO_PT = 72 / 25.4;

/** A4 and the 公文 margins (天头 37 mm, 订口 28 mm; 版心 156 × 225 mm). */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginTopMm: 37,
  marginBottomMm: 35,
  marginLeftMm: 28,
  marginRightMm: 26,
  /** The page number's dash line sits 7 mm below the type area. */
  pageNumberGapMm: 7,
} as const;

/** 22 lines × 28 characters fill the type area. */
export const GRID = { lines: 22, chars: 28 } as const;

export const TYPE_AREA = {
  widthPt: (PAGE.widthMm - PAGE.marginLeftMm - PAGE.marginRightMm) * MM_TO_PT,
  heightPt: (PAGE.heightMm - PAGE.marginTopMm - PAGE.marginBottomMm) * MM_TO_PT,
} as const;

/** Line pitch of body text: the type area height over 22 lines (≈ 28.9 pt). */
export const LINE_PITCH_PT = TYPE_AREA.heightPt / GRID.lines;

export const SIZE_PT = {
  /** 3号 */
  body: 16,
  /** 2号 */
  title: 22,
  /** 4号 */
  pageNumber: 14,
} as const;

/** Which role each kind of text uses (format/font-roles.ts); each renderer maps a role to real font names or files. */
export const ROLE = {
  body: 'fangsong',
  title: 'xiaobiaosong',
  heading1: 'heiti',
  heading2: 'kaiti',
  heading3: 'fangsong',
  table: 'fangsong',
  pageNumber: 'songti',
} as const satisfies Record<string, FontRole>;

/** Table rules: 0.5 pt solid. */
export const TABLE_BORDER_PT = 0.5;
/** Inner padding of a table cell, horizontally and vertically. */
export const CELL_PADDING_PT = { x: 2.5, y: 2 } as const;
/** Line height inside table cells, as a multiple of the table's font size. */
export const CELL_LINE_HEIGHT = 1.2;
/**
 * Advance of an ASCII digit (or '.') as a fraction of the size, rounded up over the faces a table may
 * be set in: Noto Serif SC 0.56, Noto Sans CJK 0.555, 仿宋_GB2312 and Times New Roman 0.5. Numbers
 * are given this much room so that they never break inside a cell.
 */
export const DIGIT_EM = 0.57;
