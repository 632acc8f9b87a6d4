/** Line and word boxes of a PDF as poppler sees them (pdftotext -bbox-layout), in reading order. */
import { execFileSync } from 'node:child_process';
import { MM_TO_PT, PAGE, TYPE_AREA } from '../../src/format/page-standard';

export interface WordBox {
  xMin: number;
  xMax: number;
  text: string;
}

export interface LineBox {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
  /** Poppler splits a line into words where a gap opens wider than about a tenth of an em. */
  words: WordBox[];
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

export function lineBoxes(file: string): LineBox[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const boxes: LineBox[] = [];
  html
    .split('<page ')
    .slice(1)
    .forEach((page, index) => {
      for (const line of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
        const words = [...(line[5] ?? '').matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((w) => ({
          xMin: Number(w[1]),
          xMax: Number(w[2]),
          text: unescape(w[3] ?? ''),
        }));
        boxes.push({
          page: index + 1,
          xMin: Number(line[1]),
          yMin: Number(line[2]),
          xMax: Number(line[3]),
          yMax: Number(line[4]),
          text: words.map((w) => w.text).join(''),
          words,
        });
      }
    });
  return boxes;
}

/** The type area's edges and the 2-character first-line indent, in pt. */
export const LEFT = PAGE.marginLeftMm * MM_TO_PT;
export const RIGHT = (PAGE.widthMm - PAGE.marginRightMm) * MM_TO_PT;
export const TOP = PAGE.marginTopMm * MM_TO_PT;
export const BOTTOM = TOP + TYPE_AREA.heightPt;
export const INDENT = LEFT + 2 * ((RIGHT - LEFT) / 28);

/** Body lines (flush left or indented two characters): the ones the justification rules apply to. */
export const bodyLines = (boxes: LineBox[]) => boxes.filter((b) => Math.abs(b.xMin - LEFT) < 0.5 || Math.abs(b.xMin - INDENT) < 0.5);

/**
 * Pages shown turned: a landscape table's pages (GB/T 9704 10.2), which the PDF renderer turns with
 * /Rotate 90 on an upright sheet and a word processor (the DOCX through LibreOffice) lays out on a landscape sheet.
 */
export function turnedPages(file: string): Set<number> {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file], { encoding: 'utf8' });
  const rotated = [...info.matchAll(/^Page\s+(\d+) rot:\s+90$/gm)].map((m) => Number(m[1]));
  const landscape = [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/gm)].filter((m) => Number(m[2]) > Number(m[3])).map((m) => Number(m[1]));
  return new Set([...rotated, ...landscape]);
}

/**
 * The type area of a turned page as pdftotext reads it (as shown): 225 mm wide from the sheet's foot
 * margin, 156 mm high from its left margin. Its page number stands left of it, along the sheet's foot.
 */
export const TURNED = {
  LEFT: PAGE.marginBottomMm * MM_TO_PT,
  RIGHT: PAGE.marginBottomMm * MM_TO_PT + TYPE_AREA.heightPt,
  TOP: PAGE.marginLeftMm * MM_TO_PT,
  BOTTOM: PAGE.marginLeftMm * MM_TO_PT + TYPE_AREA.widthPt,
} as const;
