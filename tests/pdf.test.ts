/**
 * The PDF as written, read back with poppler and qpdf: fonts embedded, A4 pages, metadata and XMP,
 * PDF/A identification, tags and outline, text in reading order, justification and 避头尾 measured
 * from the line boxes, header rows repeated across pages, byte-identical rebuilds.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { FontSet } from '../src/fonts/font-set';
import { resolveFonts } from '../src/fonts/resolve';
import { nodeHost } from '../src/host';
import type { ReportDoc, TableBlock } from '../src/model/types';
import { renderPdf } from '../src/render/pdf';
import { MM_TO_PT, PAGE } from '../src/format/page-standard';
import { modelOf, TIMESTAMP } from './helpers/build';
import { bodyLines, LEFT, lineBoxes, RIGHT } from './helpers/pdf-boxes';
import { runReport, tempDir } from './helpers/cli';

const dir = tempDir();
const fonts = new FontSet(resolveFonts(nodeHost({})));
const tool = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

async function write(name: string, model: ReportDoc): Promise<string> {
  const { bytes, diagnostics } = await renderPdf(model, { timestamp: TIMESTAMP, fonts });
  expect(diagnostics).toEqual([]);
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  return file;
}

let seed: string;
let stress: string;
const seedModel = modelOf('yichun-2023.yaml');

beforeAll(async () => {
  seed = await write('seed', seedModel);
  stress = await write('stress', modelOf('valid/punctuation-stress.yaml'));
});

test('every font is embedded as a subset with a ToUnicode map', () => {
  const rows = tool('pdffonts', [seed]).trim().split('\n').slice(2);
  expect(rows.length).toBeGreaterThanOrEqual(2);
  for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
});

test('pdfinfo: A4 pages, title, author, tagged, dates, under 200 KB', () => {
  const info = tool('pdfinfo', ['-isodates', seed]);
  expect(info).toMatch(/Page size:\s+595\.2\d x 841\.8\d pts \(A4\)/);
  expect(info).toContain('Title:           宜春经济技术开发区2023年度政府信息公开工作年度报告');
  expect(info).toContain('Author:          宜春经济技术开发区管理委员会');
  expect(info).toContain('Tagged:          yes');
  expect(info).toContain('CreationDate:    2024-01-25T00:00:00Z');
  expect(info).toContain('ModDate:         2024-01-25T00:00:00Z');
  expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(6);
  expect(fs.statSync(seed).size).toBeLessThan(200 * 1024);
});

test('XMP is well-formed, escaped, PDF/A-2b, and agrees with the Info dictionary', async () => {
  const tricky: ReportDoc = { ...seedModel, meta: { ...seedModel.meta, title: 'A&B <年报> "测试"', author: '某局 & 某办' } };
  const file = await write('tricky', tricky);
  const raw = fs.readFileSync(file, 'latin1');
  const packet = /<\?xpacket begin=[\s\S]*?<\?xpacket end="w"\?>/.exec(raw)?.[0] ?? '';
  const xmp = Buffer.from(packet, 'latin1').toString('utf8');
  expect(XMLValidator.validate(xmp)).toBe(true);
  expect(xmp).toContain('<rdf:li xml:lang="x-default">A&amp;B &lt;年报&gt; &quot;测试&quot;</rdf:li>');
  expect(xmp).toContain('<rdf:li>某局 &amp; 某办</rdf:li>');
  expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
  expect(xmp).toContain('<xmp:CreateDate>2024-01-25T00:00:00Z</xmp:CreateDate>');
  expect(xmp).toContain('<xmp:ModifyDate>2024-01-25T00:00:00Z</xmp:ModifyDate>');
  expect(xmp).toContain('<rdf:li>zh-CN</rdf:li>');
  expect(tool('pdfinfo', [file])).toContain('Title:           A&B <年报> "测试"');
  // The sRGB output intent, no encryption, and a clean structure by qpdf.
  expect(raw).toContain('/GTS_PDFA1');
  expect(raw).not.toContain('/Encrypt');
  expect(tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
});

test('tags: language, headings, tables with scoped TH, page numbers as artifacts; an outline of the six parts', () => {
  const qdf = path.join(dir, 'seed-qdf.pdf');
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', seed, qdf]);
  const raw = fs.readFileSync(qdf, 'latin1');
  expect(raw).toMatch(/\/Lang \(zh-CN\)/);
  expect(raw).toContain('/StructTreeRoot');
  expect(raw).toMatch(/\/Marked true/);
  expect(raw).toContain('/DisplayDocTitle true');
  for (const type of ['/Document', '/H1', '/H2', '/P', '/Table', '/TR', '/TH', '/TD']) expect(raw).toContain(`/S ${type}`);
  expect(raw).toMatch(/\/Scope \/Column/);
  expect(raw).toMatch(/\/Scope \/Row/);
  expect(raw).toMatch(/\/Artifact <<\s*\/Type \/Pagination/);
  const outline = JSON.parse(tool('qpdf', ['--json', '--json-key=outlines', seed])).outlines.map((o: { title: string }) => o.title);
  expect(outline).toEqual(seedModel.meta.parts);
});

test('pdftotext gives back every heading, paragraph and table label in reading order', () => {
  // A page number (an artifact drawn as its page starts) falls inside a paragraph that crosses the page.
  const text = tool('pdftotext', ['-raw', seed, '-']).replace(/\s+/g, '').replace(/—\d+—/g, '');
  const expected = seedModel.blocks.flatMap((b) =>
    b.kind === 'title'
      ? b.lines
      : b.kind === 'heading' || b.kind === 'paragraph'
        ? [b.text]
        : b.kind === 'table'
          ? b.grid.cells.map((c) => c.text)
          : [b.organ, b.dateText],
  );
  let from = 0;
  const missing: string[] = [];
  for (const item of expected) {
    const needle = item.replace(/\s+/g, '');
    const at = text.indexOf(needle, from);
    if (at < 0) missing.push(item);
    else from = at + needle.length;
  }
  expect(missing).toEqual([]);
});

const NO_START = '，。、；：？！）》」』】…—’”％';
const NO_END = '（《「『【“‘';

describe.each([
  ['seed', () => seed],
  ['punctuation stress fixture', () => stress],
])('line rules on the %s', (_name, file) => {
  test('every full line is flush with both margins; nothing crosses the margin', () => {
    const lines = bodyLines(lineBoxes(file()));
    expect(lines.length).toBeGreaterThan(20);
    let full = 0;
    lines.forEach((line, i) => {
      expect(line.xMax).toBeLessThanOrEqual(RIGHT + 0.5);
      const next = lines[i + 1];
      // A line is full when the paragraph goes on: the next body line starts flush left (not indented).
      if (next && Math.abs(next.xMin - LEFT) < 0.5) {
        full++;
        // Short only before a URL, address or number kept whole that even 0.15 em gaps could not make room for (lines.test.ts measures it).
        const kept = /^[（(“《]?[!-~]{4,}/.test(next.text);
        expect({ text: line.text, flush: RIGHT - line.xMax < 0.5 || kept }).toEqual({ text: line.text, flush: true });
      }
    });
    expect(full).toBeGreaterThan(10);
  });

  test('避头尾: no line starts with closing punctuation or ends with opening punctuation', () => {
    const offenders = bodyLines(lineBoxes(file())).filter((l) => NO_START.includes(l.text[0] ?? '') || NO_END.includes(l.text[l.text.length - 1] ?? ''));
    expect(offenders.map((l) => l.text)).toEqual([]);
  });

  test('28 characters fill a full line of Chinese text; 22 lines fill a page', () => {
    const lines = bodyLines(lineBoxes(file()));
    const pure = lines.filter(
      (l) => Math.abs(l.xMin - LEFT) < 0.5 && RIGHT - l.xMax < 0.5 && /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…]+$/.test(l.text),
    );
    expect(pure.length).toBeGreaterThan(3);
    // Lines that had to give way to a Latin run or to 避头尾 are spread wider; none holds more than 28.
    const counts = pure.map((l) => [...l.text].length);
    expect(Math.max(...counts)).toBe(28);
    expect(counts.filter((n) => n === 28).length).toBeGreaterThan(counts.length / 2);
    const pitches = lines
      .slice(1)
      .map((l, i) => (l.page === lines[i]?.page ? l.yMin - (lines[i]?.yMin ?? 0) : 0))
      .filter((d) => d > 0 && d < 35);
    const pitch = pitches.sort((a, b) => a - b)[Math.floor(pitches.length / 2)] ?? 0;
    expect(((PAGE.heightMm - PAGE.marginTopMm - PAGE.marginBottomMm) * MM_TO_PT) / pitch).toBeCloseTo(22, 1);
  });
});

test('URLs and phone numbers are never split across lines', () => {
  const text = lineBoxes(seed).map((l) => l.text);
  expect(text.some((l) => l.includes('http://jkq.yichun.gov.cn/'))).toBe(true);
  expect(text.some((l) => l.includes('0795-3668066'))).toBe(true);
});

test('table 三 sits on one page with its heading', () => {
  const boxes = lineBoxes(seed);
  const heading = boxes.find((b) => b.text === '三、收到和处理政府信息公开申请情况');
  const last = boxes.find((b) => b.text.startsWith('四、结转下年度继续办理'));
  expect(heading && last && heading.page === last.page && boxes.some((b) => b.page === heading.page && b.text === '申请人情况')).toBe(true);
});

test('a table taller than a page repeats its header rows on every page it continues on, and no page shows only its header', async () => {
  // Table 三 set at 3号 no longer fits one page, so it flows.
  const large: ReportDoc = {
    ...seedModel,
    blocks: seedModel.blocks.map((b) => (b.kind === 'table' && b.id === 'applications' ? { ...b, grid: { ...b.grid, fontSizePt: 16, numberSizePt: 16 } } : b)),
  };
  const boxes = lineBoxes(await write('large-table', large));
  const table = large.blocks.find((b): b is TableBlock => b.kind === 'table' && b.id === 'applications') as TableBlock;
  const rowLabels = table.grid.cells.filter((c) => c.row >= 3 && c.header).map((c) => c.text.replace(/\n/g, ''));
  const pagesWithRows = [...new Set(boxes.filter((b) => rowLabels.some((l) => l.length > 4 && b.text.startsWith(l.slice(0, 4)))).map((b) => b.page))];
  expect(pagesWithRows.length).toBeGreaterThanOrEqual(2);
  for (const page of pagesWithRows) {
    const onPage = boxes.filter((b) => b.page === page).map((b) => b.text);
    expect({ page, header: onPage.includes('申请人情况') }).toEqual({ page, header: true });
  }
});

test('page numbers — N —: odd pages right, even pages left, below the type area', () => {
  const boxes = lineBoxes(seed);
  const numbers = boxes.filter((b) => /^—\d+—$/.test(b.text.replace(/\s/g, '')));
  const pages = Math.max(...boxes.map((b) => b.page));
  expect(numbers.map((n) => n.page)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
  for (const n of numbers) {
    expect(n.text.replace(/\s/g, '')).toBe(`—${n.page}—`);
    expect(n.yMin).toBeGreaterThan((PAGE.heightMm - PAGE.marginBottomMm) * MM_TO_PT);
    if (n.page % 2 === 1) expect(n.xMin).toBeGreaterThan(300);
    else expect(n.xMax).toBeLessThan(300);
  }
});

test('the signature and date are right-aligned at the end', () => {
  const boxes = lineBoxes(seed);
  const organ = boxes.find((b) => b.text === '宜春经济技术开发区管理委员会');
  const date = boxes.find((b) => b.text === '2024年1月25日');
  expect(organ && date).toBeTruthy();
  expect(RIGHT - (organ?.xMax ?? 0)).toBeCloseTo(2 * 16, 0);
  expect((date?.yMin ?? 0) - (organ?.yMin ?? 0)).toBeGreaterThan(20);
});

test('two renders are byte-identical', async () => {
  const again = await renderPdf(seedModel, { timestamp: TIMESTAMP, fonts });
  expect(Buffer.from(again.bytes).equals(fs.readFileSync(seed))).toBe(true);
});

test('a character no font can draw is an error at its block, never a .notdef box', async () => {
  const model: ReportDoc = {
    ...seedModel,
    blocks: [...seedModel.blocks.slice(0, 3), { kind: 'paragraph', text: '私用区字符\u{F0000}不可显示', origin: '/problems' }],
  };
  const { diagnostics } = await renderPdf(model, { timestamp: TIMESTAMP, fonts });
  expect(diagnostics.map((d) => [d.code, d.pointer, d.focus])).toEqual([['RPT5003', '/problems', '\u{F0000}']]);
  expect(diagnostics[0]?.message.zh).toContain('U+F0000');
});

test('report build: pdfinfo reads the title of an init report, and SOURCE_DATE_EPOCH as both dates', async () => {
  const work = tempDir();
  expect((await runReport(['init', '--year', '2025', '--organ', '某市生态环境局'], { cwd: work })).status).toBe(0);
  expect((await runReport(['build', '2025.yaml', '--format', 'pdf'], { cwd: work })).status).toBe(0);
  expect(tool('pdfinfo', [path.join(work, 'output', '2025.pdf')])).toContain('某市生态环境局2025年政府信息公开工作年度报告');
  // 2024-06-01 12:00 UTC: not the seed's date (2024-01-25), so the dates read back can only come from it.
  expect((await runReport(['build', 'fixtures/yichun-2023.yaml', '--format', 'pdf', '--out', work], { env: { SOURCE_DATE_EPOCH: '1717243200' } })).status).toBe(
    0,
  );
  const info = tool('pdfinfo', ['-isodates', path.join(work, 'yichun-2023.pdf')]);
  expect(info).toMatch(/CreationDate:\s+2024-06-01T12:00:00(Z|\+00)/);
  expect(info).toMatch(/ModDate:\s+2024-06-01T12:00:00(Z|\+00)/);
});
