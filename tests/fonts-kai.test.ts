/**
 * The shipped 楷体 (LXGW WenKai, issue #8): the WOFF 1 → TrueType conversion (made at build time,
 * scripts/ship-fonts.js), the face in the package's fonts/, the level-2 headings set in it in the PDF
 * (read back with pdftohtml and pdffonts), and glyph coverage along a chain that now starts with it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fontkit from 'fontkit';
import { readCharacterMap, FontDataError } from '../src/fonts/cmap';
import { checkGlyphCoverage } from '../src/fonts/coverage';
import { FontSet } from '../src/fonts/font-set';
import { BUNDLED, resolveFonts } from '../src/fonts/resolve';
import { SHIPPED_FONTS, shippedFontFile } from '../src/fonts/shipped-fonts';
import { woffToSfnt } from '../src/fonts/woff';
import { nodeHost } from '../src/host';
import type { ReportDoc } from '../src/model/types';
import { renderPdf } from '../src/render/pdf';
import { modelOf, TIMESTAMP } from './helpers/build';
import { tempDir } from './helpers/cli';
import { ROOT } from './helpers/fixtures';

const woff = fs.readFileSync(require.resolve(SHIPPED_FONTS.kaiti.from));
const seedModel = modelOf('yichun-2023.yaml');

describe('WOFF 1 → TrueType', () => {
  test('every table comes back byte for byte: its checksum is the one the WOFF recorded, and the file sums to 0xB1B0AFBA', () => {
    const sfnt = woffToSfnt(woff);
    const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
    const sum = (from: number, length: number) => {
      let total = 0;
      for (let i = from; i < from + length; i += 4) total = (total + (i + 4 <= sfnt.length ? view.getUint32(i) : 0)) >>> 0;
      return total;
    };
    const tables = Array.from({ length: view.getUint16(4) }, (_, i) => 12 + 16 * i);
    expect(tables).toHaveLength(woff.readUInt16BE(12));
    for (const record of tables) {
      const [tag, recorded, offset, length] = [
        sfnt.subarray(record, record + 4),
        view.getUint32(record + 4),
        view.getUint32(record + 8),
        view.getUint32(record + 12),
      ];
      // head's checksum is taken with checkSumAdjustment (offset 8) as zero.
      const actual = Buffer.from(tag).toString('latin1') === 'head' ? (sum(offset, length) - view.getUint32(offset + 8)) >>> 0 : sum(offset, length);
      expect([Buffer.from(tag).toString('latin1'), actual]).toEqual([Buffer.from(tag).toString('latin1'), recorded]);
    }
    expect(sum(0, sfnt.length)).toBe(0xb1b0afba);
    const font = fontkit.create(Buffer.from(sfnt)) as fontkit.Font;
    expect([font.postscriptName, font.numGlyphs, font.glyphForCodePoint(0x6977).id > 0]).toEqual(['LXGWWenKai-Regular', 30429, true]);
  });

  test('a damaged WOFF is a FontDataError, not a crash', () => {
    expect(() => woffToSfnt(woff.subarray(0, 30))).toThrow(FontDataError);
    expect(() => woffToSfnt(woff.subarray(0, woff.length / 2))).toThrow(FontDataError);
    const garbled = Buffer.from(woff);
    garbled.fill(0x55, 2000, 4000); // inside the first compressed table
    expect(() => woffToSfnt(garbled)).toThrow(FontDataError);
    expect(() => woffToSfnt(fs.readFileSync(BUNDLED.fangsong.file))).toThrow('not a WOFF file');
  });
});

describe('the shipped Kai face', () => {
  test('fonts/ holds the WOFF converted at build time, and it is what 楷体 resolves to on a machine without an official face', () => {
    expect(Buffer.from(woffToSfnt(woff)).equals(fs.readFileSync(shippedFontFile('kaiti')))).toBe(true);
    const kaiti = resolveFonts(nodeHost({})).kaiti;
    if (kaiti.source === 'bundled') expect([kaiti.font, kaiti.shipped?.face]).toEqual([BUNDLED.kaiti, 'LXGW WenKai Regular（霞鹜文楷）']);
  });
});

describe('level-2 headings in the PDF', () => {
  const host = nodeHost({});
  const resolved = resolveFonts(host);
  const fonts = new FontSet(resolved);

  test('（一） headings are set in the Kai face, the body in another face, and the Kai subset is embedded', async () => {
    const { bytes, diagnostics } = await renderPdf(seedModel, { timestamp: TIMESTAMP, fonts });
    expect(diagnostics).toEqual([]);
    const file = path.join(tempDir(), 'seed.pdf');
    fs.writeFileSync(file, bytes);
    const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-f', '2', '-l', '2', file], { encoding: 'utf8' });
    const families = new Map([...xml.matchAll(/<fontspec id="(\d+)"[^>]* family="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    const fontOf = (text: string) => families.get(new RegExp(`<text [^>]*font="(\\d+)">${text}</text>`).exec(xml)?.[1] ?? '');
    const heading = fontOf('（一）主动公开情况');
    const body = fontOf('2023年，我区未收到依申请公开办理件。');
    expect(heading).toMatch(/^[A-Z]{6}\+/);
    expect(body).toMatch(/^[A-Z]{6}\+/);
    expect(heading).not.toBe(body);
    if (resolved.kaiti.source === 'bundled') {
      expect(heading).toMatch(/\+LXGWWenKai/);
      expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/^[A-Z]{6}\+LXGWWenKai-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/m);
    }
  });

  test('coverage: a heading character the Kai face lacks falls back (no RPT5003); one no face has is RPT5003 in validate and render alike', async () => {
    const heading = (text: string): ReportDoc => ({
      ...seedModel,
      blocks: [...seedModel.blocks.slice(0, 3), { kind: 'heading', level: 2, text, origin: '/problems' }],
    });
    const maps = new Map<string, ReturnType<typeof readCharacterMap>>();
    const has = (font: { file: string }, codePoint: number) =>
      (maps.get(font.file) ?? maps.set(font.file, readCharacterMap(host, font)).get(font.file)!).has(codePoint);
    // U+2245 ≅ is in Noto Serif SC but not in LXGW WenKai.
    if (resolved.kaiti.source === 'bundled') expect(has(resolved.kaiti.font, 0x2245)).toBe(false);
    const fallback = heading('（一）约等于≅的情况');
    expect(checkGlyphCoverage(fallback, resolved, has)).toEqual([]);
    expect((await renderPdf(fallback, { timestamp: TIMESTAMP, fonts })).diagnostics).toEqual([]);
    const missing = heading('（一）私用区\u{F0000}情况');
    expect(checkGlyphCoverage(missing, resolved, has).map((d) => [d.code, d.pointer])).toEqual([['RPT5003', '/problems']]);
    expect((await renderPdf(missing, { timestamp: TIMESTAMP, fonts })).diagnostics.map((d) => [d.code, d.pointer])).toEqual([['RPT5003', '/problems']]);
  });

  test('the Kai face has every GB 2312 hanzi and every character of the seed report', () => {
    const kai = readCharacterMap(host, BUNDLED.kaiti);
    // The WHATWG decoder reads GB 2312 as GBK, whose unassigned places in these rows are private-use characters.
    const gb2312 = new TextDecoder('gb2312');
    const hanzi: string[] = [];
    for (let lead = 0xb0; lead <= 0xf7; lead++) {
      for (let trail = 0xa1; trail <= 0xfe; trail++) {
        const char = gb2312.decode(Buffer.from([lead, trail]));
        if (/^\p{Script=Han}$/u.test(char)) hanzi.push(char);
      }
    }
    expect(hanzi).toHaveLength(6763);
    expect(hanzi.filter((c) => !kai.has(c.codePointAt(0) ?? 0))).toEqual([]);
    const seed = fs.readFileSync(path.join(ROOT, 'fixtures/yichun-2023.yaml'), 'utf8');
    expect([...new Set(seed)].filter((c) => c > ' ' && !kai.has(c.codePointAt(0) ?? 0))).toEqual([]);
  });
});
