/**
 * A TrueType face opened without its outlines (src/fonts/sparse-font.ts): what fontkit and the PDF
 * read of it equals what they read of the whole file, its character map read in place (cmap.ts)
 * gives fontkit's glyphs, the embedded subset is the same bytes, and the outlines it leaves out can
 * only be had from the file, unchanged.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as fontkit from 'fontkit';
import { FontDataError } from '../src/fonts/font-data-error';
import { characterMapOfFont, trueTypeTables } from '../src/fonts/fontkit-adapter';
import { BUNDLED } from '../src/fonts/resolve';
import { openSparse } from '../src/fonts/sparse-font';
import { TrueTypeSubset, type TrueTypeTables } from '../src/fonts/truetype';
import { nodeHost } from '../src/host';
import { collection, familyRecords } from './helpers/font-names';

const host = nodeHost({});
const seedText = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'yichun-2023.yaml'), 'utf8');
const shippedFiles = [...new Set(Object.values(BUNDLED).map((font) => font.file))];

/** The subset of the seed's characters (and the components of composite glyphs) as the PDF embeds it. */
function subsetOf(font: fontkit.Font, tables: TrueTypeTables): Uint8Array {
  const subset = new TrueTypeSubset(tables);
  for (const char of new Set(seedText)) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (font.hasGlyphForCodePoint(codePoint)) subset.includeGlyph(font.glyphForCodePoint(codePoint).id);
  }
  return subset.encode();
}

/** What pdfkit and the line breaker read of a face besides its outlines. */
const faceFacts = (font: fontkit.Font) => ({
  postscriptName: font.postscriptName,
  unitsPerEm: font.unitsPerEm,
  ascent: font.ascent,
  descent: font.descent,
  lineGap: font.lineGap,
  capHeight: font.capHeight,
  xHeight: font.xHeight,
  bbox: [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY],
  numGlyphs: font.numGlyphs,
  familyClass: (font as unknown as { 'OS/2': { sFamilyClass: number } })['OS/2'].sFamilyClass,
});

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-sparse-'));

describe.each(shippedFiles.map((file) => [path.basename(file), file]))('%s opened without its outlines', (_name, file) => {
  const whole = fontkit.openSync(file) as fontkit.Font;
  const sparse = openSparse(host, { file });
  if (!sparse) throw new Error(`${file} has glyf outlines`);
  const light = fontkit.create(Buffer.from(sparse.bytes)) as fontkit.Font;

  test('reads under a megabyte of a 10–16 MB file', () => {
    expect(fs.statSync(file).size).toBeGreaterThan(10e6);
    expect(sparse.bytes.length).toBeLessThan(1e6);
  });

  test('the face, its character map and its metrics read as from the whole file', () => {
    expect(faceFacts(light)).toEqual(faceFacts(whole));
    const lightTables = trueTypeTables(light, sparse.outlines) as TrueTypeTables;
    const wholeTables = trueTypeTables(whole) as TrueTypeTables;
    // Each character compared here and the differing ones asserted at once: an expect per character
    // and fact (about 10,000 of them) was a third of this file's time.
    const differing: { char: string; light: unknown[]; whole: unknown[] }[] = [];
    for (const char of new Set(seedText)) {
      const codePoint = char.codePointAt(0) ?? 0;
      const id = whole.glyphForCodePoint(codePoint).id;
      const facts = {
        light: [light.hasGlyphForCodePoint(codePoint), light.glyphForCodePoint(codePoint).id, lightTables.metrics(id)],
        whole: [whole.hasGlyphForCodePoint(codePoint), id, wholeTables.metrics(id)],
      };
      if (!isDeepStrictEqual(facts.light, facts.whole)) differing.push({ char, ...facts });
    }
    expect(differing).toEqual([]);
  });

  test('the embedded subset is the same bytes', () => {
    const fromWhole = subsetOf(whole, trueTypeTables(whole) as TrueTypeTables);
    const fromSparse = subsetOf(light, trueTypeTables(light, sparse.outlines) as TrueTypeTables);
    expect(fromSparse.length).toBeGreaterThan(10_000);
    expect(Buffer.from(fromSparse).equals(Buffer.from(fromWhole))).toBe(true);
  });

  test('the character map read in place gives fontkit’s glyph for every code point of the BMP and plane 2', () => {
    const cmap = characterMapOfFont(light);
    const differing: string[] = [];
    for (const [from, to] of [
      [0, 0xffff],
      [0x20000, 0x2ffff],
    ]) {
      for (let codePoint = from as number; codePoint <= (to as number); codePoint++) {
        const expected = whole.hasGlyphForCodePoint(codePoint) ? whole.glyphForCodePoint(codePoint).id : 0;
        if (cmap.glyph(codePoint) !== expected || cmap.has(codePoint) !== (expected !== 0)) differing.push(codePoint.toString(16));
      }
    }
    expect(differing.slice(0, 20)).toEqual([]);
  });

  test('an outline asked of the light bytes fails rather than reading another table', () => {
    const glyph = light.glyphForCodePoint('报'.codePointAt(0) ?? 0);
    expect(() => glyph.path).toThrow();
  });
});

test('a face of a collection is opened by its PostScript name', () => {
  const dir = tempDir();
  const ttc = path.join(dir, 'two.ttc');
  fs.writeFileSync(ttc, collection([familyRecords({ en: 'First Face' }), familyRecords({ en: 'Second Face' })]));
  const sparse = openSparse(host, { file: ttc, postscriptName: 'SecondFace' });
  const light = fontkit.create(Buffer.from(sparse?.bytes ?? [])) as fontkit.Font;
  expect(light.postscriptName).toBe('SecondFace');
  const whole = fontkit.openSync(ttc, 'SecondFace') as fontkit.Font;
  const fromSparse = subsetOf(light, trueTypeTables(light, sparse?.outlines) as TrueTypeTables);
  expect(Buffer.from(fromSparse).equals(Buffer.from(subsetOf(whole, trueTypeTables(whole) as TrueTypeTables)))).toBe(true);
  expect(() => openSparse(host, { file: ttc, postscriptName: 'ThirdFace' })).toThrow(FontDataError);
});

test('a font file replaced while in use is refused when its outlines are read, not mixed with the new one', () => {
  const dir = tempDir();
  const file = path.join(dir, 'face.ttf');
  fs.copyFileSync(BUNDLED.fangsong.file, file);
  const sparse = openSparse(host, { file });
  const light = fontkit.create(Buffer.from(sparse?.bytes ?? [])) as fontkit.Font;
  const tables = trueTypeTables(light, sparse?.outlines) as TrueTypeTables;
  fs.copyFileSync(BUNDLED.heiti.file, file);
  expect(() => subsetOf(light, tables)).toThrow(FontDataError);
});
