/**
 * Every use of fontkit's internals, written against fontkit 2.0.4 and checked against the installed
 * version when this module loads: the table directory and byte stream of an opened font (read
 * directly by truetype.ts, far faster than fontkit's decoding), the faces of a collection (missing
 * from @types/fontkit), and the unshaped view of a font that pdfkit embeds, which overrides
 * fontkit's layout, glyphs, subsetter and post table with what pdfkit 0.20 reads of them.
 */
import * as fontkit from 'fontkit';
import { checkPinned } from '../pinned-library';
import type { FontFile } from './resolve';
import { characterMapOf, type CharacterMap } from './cmap';
import { FontDataError } from './font-data-error';
import { Reader } from './sfnt';
import { TrueTypeSubset, TrueTypeTables, type OutlineSource } from './truetype';

/** The fontkit release this module was checked against. */
export const FONTKIT_VERSION = '2.0.4';
checkPinned('fontkit', FONTKIT_VERSION, 'src/fonts/fontkit-adapter.ts');

/** The glyph fields pdfkit reads while encoding text: id, advance (font units) and the characters it stands for. */
interface LightGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** The bytes fontkit opened a face from and its table directory. */
function internalsOf(font: fontkit.Font): { tables?: Record<string, { offset: number; length: number }>; bytes?: Uint8Array } {
  const internals = font as unknown as { directory?: { tables: Record<string, { offset: number; length: number }> }; stream?: { buffer: Uint8Array } };
  return { tables: internals.directory?.tables, bytes: internals.stream?.buffer };
}

/** A face's character map read in place (cmap.ts), for the glyph of each character without fontkit decoding its cmap. */
export function characterMapOfFont(font: fontkit.Font): CharacterMap {
  const { tables, bytes } = internalsOf(font);
  const cmap = tables?.cmap;
  if (!cmap || !bytes || cmap.offset + cmap.length > bytes.length) throw new FontDataError('no cmap table');
  return characterMapOf(new Reader(bytes.subarray(cmap.offset, cmap.offset + cmap.length)));
}

/** The raw TrueType tables of a face, when it has glyf outlines (undefined for CFF fonts); `outlines` when they are not among its bytes (sparse-font.ts). */
export function trueTypeTables(font: fontkit.Font, outlines?: OutlineSource): TrueTypeTables | undefined {
  const { tables, bytes } = internalsOf(font);
  return tables && bytes && TrueTypeTables.supports(tables) ? new TrueTypeTables(bytes, tables, outlines) : undefined;
}

/**
 * A view of a font for pdfkit. Its layout maps each character to its default glyph at its advance
 * width: pdfkit shapes every string it draws (twice: once to measure), which for this text changes
 * nothing but costs ~100 ms a report, and positions must equal the advances the line breaker
 * measured. Glyph metrics, the post fields and the embedded subset come from the raw TrueType tables (truetype.ts).
 */
export function unshaped(font: fontkit.Font, raw: TrueTypeTables | undefined, cmap: CharacterMap): fontkit.Font {
  const view = Object.create(font) as { layout: (text: string) => unknown; getGlyph: (id: number) => unknown; createSubset: () => unknown };
  const glyph = (id: number, codePoints: number[]): LightGlyph | fontkit.Glyph =>
    raw ? { id, advanceWidth: raw.metrics(id).advance, codePoints } : font.getGlyph(id, codePoints);
  view.layout = (text: string) => {
    const glyphs: (LightGlyph | fontkit.Glyph)[] = [];
    const positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] = [];
    let advanceWidth = 0;
    for (const char of text) {
      const codePoint = char.codePointAt(0) ?? 0;
      const g = glyph(cmap.glyph(codePoint), [codePoint]);
      glyphs.push(g);
      positions.push({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
      advanceWidth += g.advanceWidth;
    }
    return { glyphs, positions, advanceWidth };
  };
  if (raw) {
    view.getGlyph = (id: number) => glyph(id, []);
    view.createSubset = () => new TrueTypeSubset(raw);
    // fontkit's `post` is a getter on the font itself: shadow it with the fixed fields alone (truetype.ts).
    const post = raw.postHeader();
    if (post) Object.defineProperty(view, 'post', { value: post });
  }
  return view as unknown as fontkit.Font;
}

/** Opens a face from its file, a collection at the named face; or from `face`, the bytes of that one face (sparse-font.ts). */
export function openFont(file: FontFile, face?: Uint8Array): fontkit.Font {
  const opened = face ? fontkit.create(Buffer.from(face.buffer, face.byteOffset, face.byteLength)) : fontkit.openSync(file.file, file.postscriptName);
  // A collection opened without a PostScript name is the whole collection; take its first face.
  const collection = opened as unknown as { fonts?: fontkit.Font[] };
  return collection.fonts?.[0] ?? (opened as fontkit.Font);
}
