/**
 * Glyph coverage without rendering: every character the PDF will draw, looked up along its role's
 * fallback chain (fallback.ts, the chain the renderer uses) in the fonts' character maps. A character
 * no font has is RPT5003 at the text it came from, the same diagnostic the renderer would give, so
 * `validate` finds it and a file that validates renders every character.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { ReportDoc } from '../model/types';
import { ROLE } from '../format/page-standard';
import type { FontRole } from '../format/font-roles';
import { fallbackChain } from './fallback';
import type { FontFile, ResolvedRole } from './resolve';

/** A text the PDF draws, its font role and where it came from. */
interface DrawnText {
  text: string;
  role: FontRole;
  origin: string;
}

/** Page numbers are drawn by the renderer, not taken from the model: "— 12 —". */
const PAGE_NUMBER_TEXT = '— 0123456789 —';

/** The texts of a document with the role each is set in (the PDF renderer's assignment, from format/page-standard.ts). */
function drawnTexts(doc: ReportDoc): DrawnText[] {
  const texts: DrawnText[] = [{ text: PAGE_NUMBER_TEXT, role: ROLE.pageNumber, origin: '' }];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'title':
        texts.push(...block.lines.map((text) => ({ text, role: ROLE.title, origin: block.origin })));
        break;
      case 'heading':
        texts.push({ text: block.text, role: block.level === 1 ? ROLE.heading1 : block.level === 2 ? ROLE.heading2 : ROLE.heading3, origin: block.origin });
        break;
      case 'paragraph':
        texts.push({ text: block.text, role: ROLE.body, origin: block.origin });
        break;
      case 'table':
        texts.push(...block.grid.cells.map((cell) => ({ text: cell.text, role: ROLE.table, origin: cell.origin || block.origin })));
        break;
      case 'signature':
        texts.push({ text: block.organ, role: ROLE.body, origin: block.origin }, { text: block.dateText, role: ROLE.body, origin: block.origin });
        break;
      default: {
        const unknown: never = block;
        throw new Error(`unhandled block ${JSON.stringify(unknown)}`);
      }
    }
  }
  return texts;
}

/** How a character is named in messages: `U+4E00`. */
export const codeLabel = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * RPT5003 for each character (once per place) that no face on its role's chain has. `has` answers
 * for one face (cmap.ts); it is asked only until a face is found, like the renderer's fallback.
 */
export function checkGlyphCoverage(
  doc: ReportDoc,
  resolved: Record<FontRole, ResolvedRole>,
  has: (font: FontFile, codePoint: number) => boolean,
): Diagnostic[] {
  // Per role, the chain and the answer for each code point asked (a report repeats a few hundred characters thousands of times).
  const roles = new Map<FontRole, { chain: FontFile[]; found: Map<number, boolean> }>();
  const covered = (role: FontRole, codePoint: number): boolean => {
    let known = roles.get(role);
    if (!known) roles.set(role, (known = { chain: fallbackChain(resolved, role), found: new Map() }));
    let answer = known.found.get(codePoint);
    if (answer === undefined) known.found.set(codePoint, (answer = known.chain.some((font) => has(font, codePoint))));
    return answer;
  };
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const { text, role, origin } of drawnTexts(doc)) {
    for (const char of text) {
      if (char === '\n' || covered(role, char.codePointAt(0) ?? 0) || reported.has(`${origin}\0${char}`)) continue;
      reported.add(`${origin}\0${char}`);
      diagnostics.push({ ...makeDiagnostic('RPT5003', origin || null, { char, code: codeLabel(char) }), focus: char });
    }
  }
  return diagnostics;
}
