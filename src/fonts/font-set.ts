/**
 * The opened fonts of a build and the per-character fallback chain: each role tries its own face,
 * then the faces of the other roles, then the shipped fonts, so no character is ever drawn as a
 * .notdef box. A character no font has is reported by the caller as a diagnostic.
 */
import type * as fontkit from 'fontkit';
import { FONT_ROLES, type FontRole } from '../format/font-roles';
import { FontDataError, type CharacterMap } from './cmap';
import { faceKey, fallbackChain } from './fallback';
import { characterMapOfFont, openFont, trueTypeTables, unshaped } from './fontkit-adapter';
import { nodeHost, type Host } from '../host';
import { openSparse, type SparseFace } from './sparse-font';
import type { FontFile, ResolvedRole } from './resolve';
import type { TrueTypeTables } from './truetype';

/** An opened face: the fontkit font, and a key that names it in the PDF (stable per file). */
export interface Face {
  key: string;
  font: fontkit.Font;
  /** The same face for pdfkit, laid out without shaping (see `unshaped`). */
  unshaped: fontkit.Font;
  /** Its raw TrueType tables, for fast metrics and subsetting (undefined for CFF fonts). */
  raw: TrueTypeTables | undefined;
  /** Its character map, read in place (cmap.ts): the glyph of each character. */
  cmap: CharacterMap;
  file: FontFile;
}

export class FontSet {
  private readonly faces = new Map<string, Face>();
  private readonly chains: Record<FontRole, FontFile[]>;
  private readonly advanceCache = new Map<Face, Map<number, number>>();
  private readonly choiceCache = new Map<FontRole, Map<number, Face | null>>();

  /** `host`: where the font files are read (a TrueType face in parts, sparse-font.ts). */
  constructor(
    readonly resolved: Record<FontRole, ResolvedRole>,
    private readonly host: Host = nodeHost(),
  ) {
    this.chains = Object.fromEntries(FONT_ROLES.map((role) => [role, fallbackChain(resolved, role)])) as Record<FontRole, FontFile[]>;
  }

  /** The face of a file, opened on first use. */
  private face(file: FontFile): Face {
    const key = faceKey(file);
    let face = this.faces.get(key);
    if (!face) {
      let font: fontkit.Font;
      let sparse: SparseFace | undefined;
      let cmap: CharacterMap;
      try {
        sparse = openSparse(this.host, file);
        font = openFont(file, sparse?.bytes);
        cmap = characterMapOfFont(font);
      } catch (error) {
        // cmap.ts refuses most damage before rendering; what it cannot see surfaces here.
        throw new FontDataError(error instanceof Error ? error.message : String(error), file.file);
      }
      const raw = trueTypeTables(font, sparse?.outlines);
      face = { key: `nb${this.faces.size + 1}`, font, unshaped: unshaped(font, raw, cmap), raw, cmap, file };
      this.faces.set(key, face);
    }
    return face;
  }

  /** The first face along the role's chain that has a glyph for the code point; null when none has. */
  faceFor(role: FontRole, codePoint: number): Face | null {
    let cache = this.choiceCache.get(role);
    if (!cache) this.choiceCache.set(role, (cache = new Map()));
    const cached = cache.get(codePoint);
    if (cached !== undefined) return cached;
    let chosen: Face | null = null;
    for (const file of this.chains[role]) {
      const face = this.face(file);
      if (face.cmap.has(codePoint)) {
        chosen = face;
        break;
      }
    }
    cache.set(codePoint, chosen);
    return chosen;
  }

  /** Advance width of a code point in a face, in pt at the given size. */
  advance(face: Face, codePoint: number, sizePt: number): number {
    let cache = this.advanceCache.get(face);
    if (!cache) this.advanceCache.set(face, (cache = new Map()));
    let units = cache.get(codePoint);
    if (units === undefined) {
      const id = face.cmap.glyph(codePoint);
      units = (face.raw ? face.raw.metrics(id).advance : face.font.getGlyph(id, [codePoint]).advanceWidth) / face.font.unitsPerEm;
      cache.set(codePoint, units);
    }
    return units * sizePt;
  }

  /** The role's own face (for text that has no glyph-specific choice, such as the document default). */
  primary(role: FontRole): Face {
    return this.face(this.resolved[role].font);
  }

  /** Every face opened so far, in opening order. */
  opened(): Face[] {
    return [...this.faces.values()];
  }
}
