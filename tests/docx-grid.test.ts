/**
 * The DOCX on the format's grid (issue #18), as LibreOffice sets it: the seed and a generated corpus
 * of hard reports (helpers/corpus.ts) converted to PDF in one soffice call and read back with poppler.
 * Body lines sit on the 22-line grid, full lines hold 28 characters, no number, phone number, URL or
 * address breaks between two of its characters, nothing lies outside the type area, the date starts
 * two characters right of the organ's name, and every report has as many pages as its PDF.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReport } from '../src/check';
import { nodeHost } from '../src/host';
import { buildModel } from '../src/model/build';
import type { ReportDoc, SignatureBlock } from '../src/model/types';
import { renderDocx } from '../src/render/docx';
import { GRID, LINE_PITCH_PT, SIZE_PT, TYPE_AREA } from '../src/format/page-standard';
import { fullWidthChars } from '../src/model/title-lines';
import { pdfOf, TIMESTAMP } from './helpers/build';
import { tempDir } from './helpers/cli';
import { writeCorpus } from './helpers/corpus';
import { convertWithLibreOffice } from './helpers/libreoffice';
import { FIXTURES } from './helpers/fixtures';
import { BOTTOM, INDENT, LEFT, lineBoxes, RIGHT, TOP, TURNED, turnedPages, type LineBox } from './helpers/pdf-boxes';

const dir = process.env.DOCX_GRID_DIR ?? tempDir();
fs.mkdirSync(dir, { recursive: true });
const CHAR = TYPE_AREA.widthPt / GRID.chars;
const WORD_CHAR = /[A-Za-z0-9]/;
const LATIN = /[\x21-\x7e]/;

function modelOf(file: string): ReportDoc {
  const checked = checkReport(nodeHost(), file);
  if (!checked.report) throw new Error(`${file}: ${checked.diagnostics.map((d) => d.code).join(', ')}`);
  return buildModel(checked.report);
}

interface Converted {
  name: string;
  model: ReportDoc;
  /** LibreOffice's rendering of the DOCX. */
  lines: LineBox[];
  /** Its pages on a landscape sheet (a table the model turns). */
  turned: Set<number>;
  /** The PDF renderer's output of the same model. */
  pdf: LineBox[];
}

const files = [path.join(FIXTURES, 'yichun-2023.yaml'), ...writeCorpus(dir, 8)];
const converted: Converted[] = [];

beforeAll(async () => {
  const docs: { name: string; model: ReportDoc }[] = [];
  for (const file of files) {
    const name = path.basename(file, '.yaml');
    const model = modelOf(file);
    fs.writeFileSync(path.join(dir, `${name}.docx`), await renderDocx(model, { timestamp: TIMESTAMP }));
    fs.writeFileSync(path.join(dir, `${name}.pdf`), await pdfOf(model));
    docs.push({ name, model });
  }
  // One soffice start for all documents: each conversion then takes about a second.
  convertWithLibreOffice(
    docs.map((d) => path.join(dir, `${d.name}.docx`)),
    path.join(dir, 'lo'),
  );
  for (const { name, model } of docs) {
    const lo = path.join(dir, 'lo', `${name}.pdf`);
    converted.push({ name, model, lines: lineBoxes(lo), turned: turnedPages(lo), pdf: lineBoxes(path.join(dir, `${name}.pdf`)) });
  }
}, 400_000);

const pageNumber = (line: LineBox) => /^—\s*\d+\s*—$/.test(line.text);
const at = (name: string, line: LineBox) => `${name} p${line.page} “${line.text}”`;
/** Body lines: 3号 text flush left or indented two characters (table cells are smaller, the title starts elsewhere). */
const isBody = (line: LineBox) => (Math.abs(line.xMin - LEFT) < 1 || Math.abs(line.xMin - INDENT) < 1) && line.yMax - line.yMin > SIZE_PT.body * 1.1;
const flushLeft = (line: LineBox | undefined) => line !== undefined && Math.abs(line.xMin - LEFT) < 1;
/** Marks 避头 keeps with the character before. */
const CLOSING = /[，。、；：？！）》」』】…—’”％]$/u;

/** Each body line with the next body line of the same document, and whether that one continues its paragraph. */
function eachBodyLine(visit: (line: LineBox, next: LineBox | undefined, full: boolean, where: string) => void): void {
  for (const { name, lines } of converted) {
    const body = lines.filter((l) => !pageNumber(l) && isBody(l));
    body.forEach((line, i) => visit(line, body[i + 1], flushLeft(body[i + 1]), at(name, line)));
  }
}

test('the corpus is converted: the seed and 8 hard reports, every one with body text, tables and a signature', () => {
  expect(converted).toHaveLength(9);
  for (const { lines } of converted) expect(lines.filter(isBody).length).toBeGreaterThan(20);
});

const pages = (lines: LineBox[]) => Math.max(...lines.map((b) => b.page));

test('the seed has as many pages in LibreOffice as its PDF', () => {
  const seed = converted[0] as Converted;
  expect(pages(seed.lines)).toBe(pages(seed.pdf));
});

// Known: corpus-2 runs one page longer in LibreOffice. Latin text marked en-US makes LibreOffice set
// digits in its Latin stand-in for 仿宋_GB2312 (DejaVu Sans, 0.64 em) rather than a CJK face (0.5 em).
test('every corpus report has as many pages in LibreOffice as its PDF', () => {
  expect(converted.map((c) => `${c.name}: ${pages(c.lines)}`)).toEqual(converted.map((c) => `${c.name}: ${pages(c.pdf)}`));
});

/** Body lines grouped into paragraphs: a paragraph starts with a line indented two characters. */
function paragraphs(lines: LineBox[]): string[][] {
  const groups: string[][] = [];
  let previous: LineBox | undefined;
  for (const line of lines.filter((l) => !pageNumber(l) && isBody(l))) {
    // A flush-left line continues the paragraph above it, on the next line or at the next page's top;
    // anything else at the margin (a table cell's line) belongs to no paragraph.
    const continues = previous !== undefined && (line.page !== previous.page || Math.abs(line.yMin - previous.yMin - LINE_PITCH_PT) < 1);
    if (!flushLeft(line)) groups.push([line.text]);
    else if (continues) groups[groups.length - 1]?.push(line.text);
    previous = line;
  }
  return groups;
}

test('on the seed, every paragraph of Chinese alone breaks its lines where the PDF does', () => {
  const seed = converted[0] as Converted;
  const docx = new Map(paragraphs(seed.lines).map((p) => [p.join(''), p]));
  const chinese = paragraphs(seed.pdf).filter((p) => !LATIN.test(p.join('')));
  expect(chinese.length).toBeGreaterThanOrEqual(10);
  for (const lines of chinese) expect(docx.get(lines.join(''))).toEqual(lines);
  // Paragraphs with digits or Latin letters may break elsewhere: LibreOffice adds its own space between
  // Chinese and Latin text (it does not read w:autoSpaceDE/w:autoSpaceDN), which the PDF and Word do not.
});

test('a page of text holds at most 22 lines, one pitch apart, none below the type area', () => {
  const counts: number[] = [];
  for (const { name, lines } of converted) {
    const last = Math.max(...lines.map((l) => l.page));
    for (let page = 1; page < last; page++) {
      const text = lines.filter((l) => l.page === page && !pageNumber(l));
      if (!text.every(isBody)) continue;
      counts.push(text.length);
      expect(`${name} p${page}: ${text.length <= GRID.lines}`).toBe(`${name} p${page}: true`);
      // The grid leaves room for the 22nd line: the pitch from the first line's top fits 22 lines in the type area.
      expect((text[0]?.yMin ?? 0) - TOP + GRID.lines * LINE_PITCH_PT).toBeLessThanOrEqual(BOTTOM - TOP + LINE_PITCH_PT);
      text.slice(1).forEach((line, i) => expect(Math.abs(line.yMin - (text[i]?.yMin ?? 0) - LINE_PITCH_PT)).toBeLessThan(0.5));
      expect(text[text.length - 1]?.yMax ?? Infinity).toBeLessThanOrEqual(BOTTOM);
    }
  }
  // Pages of text alone exist in the corpus, and a page does hold 22 (with a 580-twip pitch it held 21);
  // fewer where a paragraph's first line would stand alone at the foot (widow and orphan control).
  expect(counts.length).toBeGreaterThanOrEqual(3);
  expect(counts.filter((n) => n === GRID.lines).length).toBeGreaterThanOrEqual(2);
  console.log(`lines on pages of text alone: ${counts.join(' ')}`);
});

test('a full line of Chinese holds 28 characters (26 after the first-line indent)', () => {
  const counts = new Map<number, number>();
  const wrong: string[] = [];
  eachBodyLine((line, next, full, where) => {
    if (!full || LATIN.test(line.text)) return;
    const chars = [...line.text].length;
    const expected = flushLeft(line) ? GRID.chars : GRID.chars - 2;
    counts.set(chars, (counts.get(chars) ?? 0) + 1);
    // Shorter only before a word of Latin letters or digits or an opening mark that did not fit, or
    // where a character went down with the closing mark that may not start a line (“更 / 新。”).
    const shortBefore = LATIN.test(next?.text[0] ?? '') || /^[（《“‘「『【]/u.test(next?.text ?? '') || CLOSING.test(next?.text.slice(0, 2) ?? '');
    if (chars > expected || (chars < expected && !shortBefore)) wrong.push(`${where}: ${chars}`);
  });
  expect(wrong).toEqual([]);
  expect(counts.get(GRID.chars)).toBeGreaterThan(50);
});

test('no number, phone number, e-mail address or URL breaks between two of its letters or digits, nor before a separator', () => {
  const split: string[] = [];
  let atSeparator = 0;
  const texts = { has: (pair: string) => converted.some((c) => JSON.stringify(c.model.blocks).includes(pair)) };
  eachBodyLine((line, next, full, where) => {
    if (!full || !next) return;
    const end = line.text.slice(-1);
    const start = next.text[0] ?? '';
    // pdftotext drops the space a line breaks at (“GB/T 9704”): that break is in the text.
    const atSpace = texts.has(`${end} ${start}`);
    if ((WORD_CHAR.test(end) && WORD_CHAR.test(start) && !atSpace) || /^[./\-_?&=@,:]/.test(next.text)) split.push(`${where} | ${next.text.slice(0, 8)}`);
    else if (/[/._?&=@-]$/.test(line.text) && WORD_CHAR.test(start)) atSeparator++;
  });
  expect(split).toEqual([]);
  // URLs longer than a line do break, after a separator.
  expect(atSeparator).toBeGreaterThan(3);
});

// LibreOffice breaks after a hyphen followed by digits (“0795- / 3668066”, “GB/T 9704- / 2012”)
// unless a word joiner follows the hyphen, as the DOCX renderer writes it.
test('no number breaks at its hyphen (phone numbers, standard numbers)', () => {
  const split: string[] = [];
  eachBodyLine((line, next, full, where) => {
    if (full && next && /(^|[^/\w.])\d+-$/.test(line.text) && /^\d/.test(next.text)) split.push(`${where} | ${next.text.slice(0, 8)}`);
  });
  expect(split).toEqual([]);
});

test('nothing lies outside the type area: no closing mark hangs into the margin', () => {
  const outside: string[] = [];
  for (const { name, lines, turned } of converted) {
    for (const line of lines.filter((l) => !pageNumber(l))) {
      // Vertically poppler's boxes span the faces' ascent and descent: their middle must be inside.
      const middle = (line.yMin + line.yMax) / 2;
      const area = turned.has(line.page) ? TURNED : { LEFT, RIGHT, TOP, BOTTOM };
      if (line.xMin < area.LEFT - 0.5 || line.xMax > area.RIGHT + 0.5 || middle < area.TOP || middle > area.BOTTOM)
        outside.push(`${at(name, line)} ${line.xMin.toFixed(1)}–${line.xMax.toFixed(1)}`);
    }
  }
  expect(outside).toEqual([]);
});

test('the date starts two characters right of the name’s first line, which ends two characters from the margin', () => {
  const shifts: string[] = [];
  for (const { name, lines, model } of converted) {
    const signature = model.blocks[model.blocks.length - 1] as SignatureBlock;
    const last = lines.filter((l) => l.page === Math.max(...lines.map((b) => b.page)) && !pageNumber(l));
    const dateAt = last.findIndex((l) => l.text === signature.dateText);
    const organ = last[dateAt - signature.organLines.length];
    const date = last[dateAt];
    expect([name, organ?.text]).toEqual([name, signature.organLines[0]]);
    expect([name, Math.abs((date?.xMin ?? 0) - (organ?.xMin ?? 0) - 2 * CHAR) < 1]).toEqual([name, true]);
    const shortDate = fullWidthChars(signature.dateText) + signature.dateShiftChars <= fullWidthChars(signature.organLines[0] ?? '');
    // A longer date ends two characters from the margin in the official faces (half-width digits);
    // LibreOffice's stand-in digits are wider, so here it only stays inside the type area.
    if (shortDate) expect([name, Math.abs(RIGHT - (organ?.xMax ?? 0) - 2 * CHAR) < 1]).toEqual([name, true]);
    else expect([name, (date?.xMax ?? 0) <= RIGHT]).toEqual([name, true]);
    shifts.push(`${name} ${(((date?.xMin ?? 0) - (organ?.xMin ?? 0)) / CHAR).toFixed(2)}`);
  }
  console.log(`date offset from the name, in characters: ${shifts.join(', ')}`);
});
