/**
 * Stage 4 (render/pdf): text set line by line. Characters get their face from the fallback chain,
 * lines are broken by breakLines (避头尾, Latin runs kept whole) and every full line is justified by
 * spacing all characters evenly, because pdfkit cannot justify Chinese (foliojs/pdfkit#1293).
 */
import type { Face, FontSet } from '../../fonts/font-set';
import type { FontRole } from '../theme';
import { breakLines } from './linebreak';

/** How a run of text is set. */
export interface TextStyle {
  role: FontRole;
  sizePt: number;
  /** Added to every character's advance: negative to fit 28 characters of 16 pt in the 156 mm line. */
  trackingPt: number;
  bold?: boolean;
}

/** A piece of a line drawn in one face. */
export interface Segment {
  face: Face;
  text: string;
  /** Characters (code points) in the segment. */
  chars: number;
  /** Natural advance of the segment's characters, tracking included. */
  width: number;
}

export interface SetLine {
  segments: Segment[];
  /** Visual width: advances plus tracking between characters (not after the last). */
  width: number;
  gaps: number;
  justify: boolean;
  text: string;
}

/** A code point no face can draw, with its offset in the text (for the diagnostic). */
export interface MissingGlyph {
  char: string;
  offset: number;
}

/** Breaks and measures a text; `firstIndentPt` indents the first line. */
export function setText(
  fonts: FontSet,
  text: string,
  style: TextStyle,
  widthPt: number,
  firstIndentPt = 0,
): { lines: SetLine[]; missing: MissingGlyph[] } {
  const missing: MissingGlyph[] = [];
  const faceOf = new Map<string, Face | null>();
  const pick = (char: string): Face | null => {
    let face = faceOf.get(char);
    if (face === undefined) {
      face = fonts.faceFor(style.role, char.codePointAt(0) ?? 0);
      faceOf.set(char, face);
    }
    return face;
  };
  const advance = (char: string): number => {
    const face = pick(char);
    return (face ? fonts.advance(face, char.codePointAt(0) ?? 0, style.sizePt) : style.sizePt) + style.trackingPt;
  };
  // The breaker counts tracking after every character; the last one's is not drawn, so allow it.
  const lines = breakLines(text, advance, widthPt - style.trackingPt, firstIndentPt);
  let offset = 0;
  for (const char of text) {
    if (char !== '\n' && pick(char) === null) missing.push({ char, offset });
    offset += char.length;
  }
  return {
    lines: lines.map((line) => {
      const shown = text.slice(line.start, line.end).replace(/\s+$/, '');
      const segments: Segment[] = [];
      for (const char of shown) {
        const face = pick(char) ?? fonts.primary(style.role);
        const last = segments[segments.length - 1];
        const width = advance(char);
        if (last && last.face === face) {
          last.text += char;
          last.width += width;
          last.chars++;
        } else {
          segments.push({ face, text: char, chars: 1, width });
        }
      }
      return { segments, width: line.width - style.trackingPt, gaps: line.gaps, justify: line.justify, text: shown };
    }),
    missing,
  };
}

/** The drawing surface text needs (a slice of pdfkit's API). */
export interface TextCanvas {
  font(key: string, size: number): void;
  glyphs(text: string, x: number, baseline: number, characterSpacing: number, bold: boolean): void;
}

/**
 * Draws one set line with its left edge at x. A justified line is spread to `widthPt` by spacing
 * every character evenly; others keep their natural spacing.
 */
export function drawLine(canvas: TextCanvas, line: SetLine, style: TextStyle, x: number, baseline: number, widthPt: number): void {
  const extra = line.justify && line.gaps > 0 ? Math.max(0, (widthPt - line.width) / line.gaps) : 0;
  const spacing = style.trackingPt + extra;
  let left = x;
  for (const segment of line.segments) {
    canvas.font(segment.face.key, style.sizePt);
    canvas.glyphs(segment.text, left, baseline, spacing, style.bold ?? false);
    left += segment.width + segment.chars * extra;
  }
}
