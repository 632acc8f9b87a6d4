/**
 * The title and the signature (GB/T 9704-2012 7.3.1, 7.3.5.2): titles break by meaning and never
 * leave one character on a line; a long organ name wraps inside the type area, right-aligned, with
 * the date two characters right of its first character measured from the glyphs; the title block
 * keeps page 1's body lines on the same 22-line grid as every other page. PDF and DOCX alike.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FontSet } from '../src/fonts/font-set';
import { resolveFonts } from '../src/fonts/resolve';
import { nodeHost } from '../src/host';
import { breakByMeaning, estimatedWidth } from '../src/model/title-lines';
import { buildModel, titleLines } from '../src/model/build';
import type { ReportDoc, SignatureBlock } from '../src/model/types';
import { renderDocx } from '../src/render/docx';
import { renderPdf } from '../src/render/pdf';
import { GRID, LINE_PITCH_PT, TYPE_AREA } from '../src/format/page-standard';
import { checkReport } from '../src/check';
import { unzipSync } from 'fflate';
import { TIMESTAMP } from './helpers/build';
import { tempDir } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';
import { LEFT, lineBoxes, RIGHT, TOP, type LineBox } from './helpers/pdf-boxes';

const CHAR = TYPE_AREA.widthPt / GRID.chars;
const seed = fs.readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'), 'utf8');
const dir = tempDir();
const fonts = new FontSet(resolveFonts(nodeHost({})));

/** The seed with another organ (and its default title), checked and modelled. */
function modelWithOrgan(organ: string): ReportDoc {
  const file = path.join(dir, `${organ.length}-${Buffer.from(organ).toString('hex').slice(0, 16)}.yaml`);
  fs.writeFileSync(file, seed.replace(/^organ: .*$/m, `organ: ${organ}`).replace(/^title: .*\n/m, ''));
  const checked = checkReport(nodeHost(), file);
  if (!checked.report) throw new Error(checked.diagnostics.map((d) => d.code).join());
  return buildModel(checked.report);
}

const ORGANS = [
  '宜春经济技术开发区管理委员会',
  '某某市生态环境局',
  '中国（江西）自由贸易试验区宜春经济技术开发区片区管理委员会党政综合办公室',
  '内蒙古自治区呼和浩特市赛罕区人民政府办公室',
  '新疆维吾尔自治区巴音郭楞蒙古自治州若羌县市场监督管理局',
  '广西壮族自治区南宁市城市管理综合行政执法局',
];

describe('breaking by meaning', () => {
  test('the seed title breaks before the report name', () => {
    expect(titleLines('宜春经济技术开发区2023年度政府信息公开工作年度报告')).toEqual(['宜春经济技术开发区2023年度', '政府信息公开工作年度报告']);
  });

  test('a long organ breaks between its words, never inside a place name or a word', () => {
    expect(titleLines('新疆维吾尔自治区巴音郭楞蒙古自治州若羌县市场监督管理局2023年政府信息公开工作年度报告')).toEqual([
      '新疆维吾尔自治区巴音郭楞蒙古自治州',
      '若羌县市场监督管理局2023年',
      '政府信息公开工作年度报告',
    ]);
    // 城市 is a word, not 城 + 市: the break goes after 南宁市.
    expect(breakByMeaning('广西壮族自治区南宁市城市管理综合行政执法局', 14)).toEqual(['广西壮族自治区南宁市', '城市管理综合行政执法局']);
  });

  test('any text: lines fit, keep every character in order, and are never one character', () => {
    const piece = fc.constantFrom(
      '某某',
      '省',
      '市',
      '自治区',
      '开发区',
      '管理委员会',
      '人民政府',
      '办公室',
      '城市',
      '社区',
      '2023年',
      '（江西）',
      '局',
      'AB',
      '综合执法',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), fc.integer({ min: 4, max: 28 }), (pieces, capacity) => {
        const text = pieces.join('');
        const lines = breakByMeaning(text, capacity);
        expect(lines.join('')).toBe(text);
        if (lines.length > 1) for (const line of lines) expect([...line].length).toBeGreaterThan(1);
        for (const line of lines) expect(estimatedWidth(line)).toBeLessThanOrEqual(capacity + 1);
      }),
      { numRuns: 500 },
    );
  });
});

describe.each(ORGANS)('%s', (organ) => {
  const model = modelWithOrgan(organ);
  const signature = model.blocks[model.blocks.length - 1] as SignatureBlock;
  const file = path.join(dir, `${ORGANS.indexOf(organ)}.pdf`);

  beforeAll(async () => {
    fs.writeFileSync(file, (await renderPdf(model, { timestamp: TIMESTAMP, fonts })).bytes);
  });

  test('PDF: the title lines are the model’s, centred, never one character, on the line grid', () => {
    const title = model.blocks[0];
    if (title?.kind !== 'title') throw new Error('no title');
    const boxes = lineBoxes(file).filter((b) => b.page === 1);
    const titleBoxes = boxes.slice(0, title.lines.length);
    expect(titleBoxes.map((b) => b.text)).toEqual(title.lines);
    for (const box of titleBoxes) {
      expect([...box.text].length).toBeGreaterThan(1);
      expect(Math.abs((box.xMin + box.xMax) / 2 - (LEFT + RIGHT) / 2)).toBeLessThan(1);
    }
    // Page 1's body lines sit on the grid of page 2's: the same tops modulo the line pitch.
    const phase = (b: { yMin: number }) => (((b.yMin - TOP) % LINE_PITCH_PT) + LINE_PITCH_PT) % LINE_PITCH_PT;
    // (Boxes span the font's ascent and descent, which differ between faces: compare lines of one face.)
    const body1 = boxes
      .slice(title.lines.length)
      .filter((b) => b.text.length > 20)
      .slice(0, 3);
    const height = (b: { yMin: number; yMax: number }) => b.yMax - b.yMin;
    const body2 = lineBoxes(file)
      .filter((b) => b.page === 2 && Math.abs(height(b) - height(body1[0] as LineBox)) < 0.1)
      .slice(0, 3);
    expect([body1.length, body2.length]).toEqual([3, 3]);
    for (const box of body1) expect(Math.abs(phase(box) - phase(body2[0] as LineBox))).toBeLessThan(0.5);
  });

  test('PDF: the signature keeps every character inside the type area; the date starts two characters right of the name', () => {
    const boxes = lineBoxes(file);
    const last = boxes.filter((b) => b.page === boxes[boxes.length - 1]?.page && !/^—/.test(b.text));
    const date = last.find((b) => b.text === signature.dateText);
    const organLines = last.slice(last.indexOf(date as (typeof last)[number]) - signature.organLines.length, last.indexOf(date as (typeof last)[number]));
    expect(organLines.map((b) => b.text).join('')).toBe(organ);
    for (const box of [...organLines, date as (typeof last)[number]]) {
      expect(box.xMin).toBeGreaterThanOrEqual(LEFT - 0.5);
      expect(box.xMax).toBeLessThanOrEqual(RIGHT + 0.5);
    }
    // Name lines end two characters from the margin (or further left when a long date pushes them).
    const first = organLines[0] as (typeof last)[number];
    for (const box of organLines) expect(Math.abs(box.xMax - first.xMax)).toBeLessThan(1);
    expect(first.xMax).toBeLessThanOrEqual(RIGHT - 2 * CHAR + 1);
    expect(Math.abs((date?.xMin ?? 0) - first.xMin - 2 * CHAR)).toBeLessThan(0.5);
  });

  test('DOCX: the same title lines and name lines, as explicit line breaks', async () => {
    const xml = Buffer.from(unzipSync(await renderDocx(model, { timestamp: TIMESTAMP }))['word/document.xml'] as Uint8Array).toString('utf8');
    const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => m[0]);
    const lines = (p: string) => p.split('<w:br/>').map((part) => [...part.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    const title = model.blocks[0];
    if (title?.kind !== 'title') throw new Error('no title');
    expect(lines(paragraphs.find((p) => p.includes('w:val="Title"')) ?? '')).toEqual(title.lines);
    const organParagraph = paragraphs.find((p) => lines(p).join('') === organ) ?? '';
    expect(lines(organParagraph)).toEqual(signature.organLines);
  });
});
