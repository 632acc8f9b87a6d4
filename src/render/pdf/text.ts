/**
 * Stage 4 (render/pdf): text set line by line. Characters get their face from the fallback chain,
 * a paragraph's lines are chosen together by breakLines (避头尾; URLs, addresses and numbers kept
 * whole) and every full line is justified by widening the gaps between CJK characters and at
 * CJK/Latin boundaries evenly, inside a word or number only past MAX_ADDED_EM, because pdfkit cannot
 * justify Chinese (foliojs/pdfkit#1293).
 */
import type { Face, FontSet } from '../../fonts/font-set';
import type { FontRole } from '../../format/font-roles';
import { breakLines, gapStretches, MAX_ADDED_EM, spreadSlack } from './linebreak';

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
  /** Per character: justification widens the gap after it (to the next segment for the last one; false at the line end). */
  stretchAfter: boolean[];
}

export interface SetLine {
  segments: Segment[];
  /** Visual width: advances plus tracking between characters (not after the last). */
  width: number;
  gaps: number;
  /** Gaps justification widens first (the `stretchAfter` flags set). */
  stretches: number;
  justify: boolean;
  /** Ends inside a run (a long URL): the page must not break after this line. */
  joined: boolean;
  text: string;
}

/** A code point no face can draw, with its offset in the text (for the diagnostic). */
export interface MissingGlyph {
  char: string;
  offset: number;
}

/** Breaks and measures a text; `firstIndentPt` indents the first line. */
export function setText(fonts: FontSet, text: string, style: TextStyle, widthPt: number, firstIndentPt = 0): { lines: SetLine[]; missing: MissingGlyph[] } {
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
  const lines = breakLines(text, advance, widthPt - style.trackingPt, firstIndentPt, style.sizePt);
  let offset = 0;
  for (const char of text) {
    if (char !== '\n' && pick(char) === null) missing.push({ char, offset });
    offset += char.length;
  }
  return {
    lines: lines.map((line) => {
      const shown = text.slice(line.start, line.end).replace(/\s+$/, '');
      const segments: Segment[] = [];
      let prevCp = -1;
      for (const char of shown) {
        const face = pick(char) ?? fonts.primary(style.role);
        const last = segments[segments.length - 1];
        const width = advance(char);
        const cp = char.codePointAt(0) ?? 0;
        // The flag of the gap before this character belongs to the previous one.
        const lastFlags = last?.stretchAfter;
        if (lastFlags) lastFlags[lastFlags.length - 1] = gapStretches(prevCp, cp);
        if (last && last.face === face) {
          last.text += char;
          last.width += width;
          last.chars++;
          last.stretchAfter.push(false);
        } else {
          segments.push({ face, text: char, chars: 1, width, stretchAfter: [false] });
        }
        prevCp = cp;
      }
      return {
        segments,
        width: line.width - style.trackingPt,
        gaps: line.gaps,
        stretches: line.stretches,
        justify: line.justify,
        joined: line.joined,
        text: shown,
      };
    }),
    missing,
  };
}

/** The drawing surface text needs (a slice of pdfkit's API). */
export interface TextCanvas {
  font(key: string, size: number): void;
  /** Draws `text` from x; `extraAfter[i]` (pt), when given, widens the gap after its i-th code point. */
  glyphs(text: string, x: number, baseline: number, characterSpacing: number, bold: boolean, extraAfter?: number[]): void;
}

/**
 * Draws one set line with its left edge at x. A justified line is spread to `widthPt` by widening
 * its stretchable gaps evenly, up to MAX_ADDED_EM; what a line mostly of Latin (a long URL) still
 * lacks is shared by its other gaps, a faint letter-spacing rather than holes (spreadSlack). Others
 * keep natural spacing.
 */
export function drawLine(canvas: TextCanvas, line: SetLine, style: TextStyle, x: number, baseline: number, widthPt: number): void {
  const slack = line.justify && line.gaps > 0 ? Math.max(0, widthPt - line.width) : 0;
  const { stretch, even } = spreadSlack(slack, line.gaps, line.stretches, MAX_ADDED_EM * style.sizePt);
  let left = x;
  line.segments.forEach((segment, index) => {
    const lastOfLine = index === line.segments.length - 1;
    const extraAfter = slack > 0 ? segment.stretchAfter.map((s, i) => (lastOfLine && i === segment.chars - 1 ? 0 : even + (s ? stretch : 0))) : undefined;
    canvas.font(segment.face.key, style.sizePt);
    canvas.glyphs(segment.text, left, baseline, style.trackingPt, style.bold ?? false, extraAfter);
    left += segment.width + (extraAfter ?? []).reduce((sum, e) => sum + e, 0);
  });
}
