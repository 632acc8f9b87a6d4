/** The TrueType subsetter: the subset re-opens as a font whose glyphs and advances equal the originals. */
import * as fontkit from 'fontkit';
import { trueTypeTables } from '../src/fonts/fontkit-adapter';
import { BUNDLED, resolveFonts } from '../src/fonts/resolve';
import { TrueTypeSubset, type TrueTypeTables } from '../src/fonts/truetype';
import { nodeHost } from '../src/host';

const font = fontkit.openSync(BUNDLED.fangsong.file) as fontkit.Font;
const tables = trueTypeTables(font) as TrueTypeTables;

test('metrics read from the raw hmtx equal fontkit’s', () => {
  for (const char of '政府信息公开，。（）“”A1—…') {
    const glyph = font.glyphForCodePoint(char.codePointAt(0) ?? 0);
    expect(tables.metrics(glyph.id).advance).toBe(glyph.advanceWidth);
  }
});

test('a subset re-opens with the same outlines and advances, glyphs numbered in order of use, and a valid checksum', () => {
  const subset = new TrueTypeSubset(tables);
  const chars = [...'宜春经济技术开发区报告，。2031'];
  const ids = chars.map((c) => subset.includeGlyph(font.glyphForCodePoint(c.codePointAt(0) ?? 0).id));
  expect(ids).toEqual(chars.map((_, i) => i + 1));
  expect(subset.includeGlyph(font.glyphForCodePoint('宜'.codePointAt(0) ?? 0).id)).toBe(1);
  const bytes = subset.encode();
  const reopened = fontkit.create(Buffer.from(bytes)) as fontkit.Font;
  expect(reopened.numGlyphs).toBe(chars.length + 1);
  chars.forEach((char, i) => {
    const original = font.glyphForCodePoint(char.codePointAt(0) ?? 0);
    const copy = reopened.getGlyph(i + 1);
    expect(copy.advanceWidth).toBe(original.advanceWidth);
    expect(copy.path.toSVG()).toBe(original.path.toSVG());
  });
  // The whole file sums to 0xB1B0AFBA once head.checkSumAdjustment is set.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  expect(sum).toBe(0xb1b0afba);
});

test('subsetting leaves the font file in memory untouched', () => {
  const before = Buffer.from(tables.bytes.subarray(0, 4096));
  const subset = new TrueTypeSubset(tables);
  subset.includeGlyph(font.glyphForCodePoint('报'.codePointAt(0) ?? 0).id);
  subset.encode();
  expect(Buffer.from(tables.bytes.subarray(0, 4096)).equals(before)).toBe(true);
});

test('the post fields read from the raw table equal fontkit’s, for the body face and the shipped Kai face (post version 2)', () => {
  const kai = resolveFonts(nodeHost({})).kaiti.font;
  for (const face of [font, fontkit.openSync(kai.file) as fontkit.Font]) {
    const { italicAngle, underlinePosition, underlineThickness, isFixedPitch } = (face as unknown as { post: Record<string, number> }).post;
    expect(trueTypeTables(face)?.postHeader()).toEqual({ italicAngle, underlinePosition, underlineThickness, isFixedPitch });
  }
});
