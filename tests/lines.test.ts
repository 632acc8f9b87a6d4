/**
 * Body text set like a hand-made 公文, proven on a generated corpus (helpers/line-corpus.ts) rather
 * than the seed alone, and measured on the PDF as poppler reads it back: no loose lines, no word or
 * number split across lines (URLs only after a separator), full lines flush with both margins, no
 * widows at a page top and no paragraph ending on a lone character.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FontSet } from '../src/fonts/font-set';
import { resolveFonts } from '../src/fonts/resolve';
import { nodeHost } from '../src/host';
import { renderPdf } from '../src/render/pdf';
import { gapStretches, LOOSE_EM } from '../src/render/pdf/linebreak';
import { GRID, LINE_PITCH_PT, MM_TO_PT, PAGE, ROLE, SIZE_PT, TYPE_AREA } from '../src/format/page-standard';
import { modelOf, TIMESTAMP } from './helpers/build';
import { tempDir } from './helpers/cli';
import { lineCorpus } from './helpers/line-corpus';
import { bodyLines, INDENT, LEFT, lineBoxes, RIGHT, type LineBox } from './helpers/pdf-boxes';

const dir = tempDir();
const fonts = new FontSet(resolveFonts(nodeHost({})));
const corpus = lineCorpus(modelOf('yichun-2023.yaml'));
const TOP = PAGE.marginTopMm * MM_TO_PT;
const HALF_EM = SIZE_PT.body / 2;
/** Body text gives up the difference between 3号 and the 28-character grid pitch (as index.ts sets it). */
const TRACKING = TYPE_AREA.widthPt / GRID.chars - SIZE_PT.body;
/** Marks 避头 keeps with the character before: they do not count as a character of a last line. */
const CLOSING = /[，。、；：？！）》」』】…—’”％]/gu;
const WORD_CHAR = /[A-Za-z0-9]/;

/**
 * Whether a line ending in a number's first part ("…中（0791-") had to break there: with that part
 * moved down, the gaps that stretch in the rest would open past LOOSE_EM (measured with the fonts).
 */
function hyphenNeeded(line: LineBox): boolean {
  const moved = /[（(]?[\d-]+$/.exec(line.text)?.[0] ?? '';
  const rest = [...line.text.slice(0, line.text.length - moved.length)];
  const advance = (c: string) => {
    const cp = c.codePointAt(0) ?? 0;
    const face = fonts.faceFor(ROLE.body, cp);
    return (face ? fonts.advance(face, cp, SIZE_PT.body) : SIZE_PT.body) + TRACKING;
  };
  const width = rest.reduce((sum, c) => sum + advance(c), -TRACKING);
  const gaps = rest.slice(1).filter((c, i) => gapStretches(rest[i]?.codePointAt(0) ?? 0, c.codePointAt(0) ?? 0)).length;
  return (RIGHT - line.xMin - width) / Math.max(1, gaps) > LOOSE_EM * SIZE_PT.body;
}

interface Built {
  name: string;
  texts: string[];
  lines: LineBox[];
}

const built: Built[] = [];

beforeAll(async () => {
  for (const { name, model, texts } of corpus) {
    const { bytes, diagnostics } = await renderPdf(model, { timestamp: TIMESTAMP, fonts });
    expect(diagnostics).toEqual([]);
    const file = path.join(dir, `${name}.pdf`);
    fs.writeFileSync(file, bytes);
    built.push({ name, texts, lines: bodyLines(lineBoxes(file)) });
  }
}, 60_000);

const continues = (line: LineBox | undefined) => line !== undefined && Math.abs(line.xMin - LEFT) < 0.5;
const indented = (line: LineBox) => Math.abs(line.xMin - INDENT) < 0.5;

/** Each line with what follows it in the same paragraph (a full line) or not (a paragraph's last line). */
function eachLine(visit: (line: LineBox, next: LineBox | undefined, full: boolean, at: string) => void): void {
  for (const { name, lines } of built) {
    lines.forEach((line, i) => {
      const next = lines[i + 1];
      visit(line, next, continues(next), `${name} p${line.page} “${line.text}”`);
    });
  }
}

test('the corpus is large enough to mean something: 6 reports, 180 paragraphs, every run kind, ends on every line of a page', () => {
  expect(built).toHaveLength(6);
  expect(built.reduce((n, b) => n + b.texts.length, 0)).toBe(180);
  const endRows = new Set<number>();
  eachLine((line, _next, full) => {
    if (!full && !indented(line)) endRows.add(Math.round((line.yMin - TOP) / LINE_PITCH_PT));
  });
  expect(endRows.size).toBeGreaterThanOrEqual(20);
});

test('no loose line: no gap between adjacent glyphs of a justified line reaches half an em', () => {
  const loose: string[] = [];
  eachLine((line, _next, full, at) => {
    if (!full) return;
    line.words.slice(1).forEach((word, i) => {
      const gap = word.xMin - (line.words[i]?.xMax ?? 0);
      if (gap >= HALF_EM) loose.push(`${at}: ${gap.toFixed(1)} pt before “${word.text}”`);
    });
  });
  expect(loose).toEqual([]);
});

test('every full line ends within 0.5 pt of the right margin; no line crosses it', () => {
  const bad: string[] = [];
  eachLine((line, _next, full, at) => {
    if (line.xMax > RIGHT + 0.5 || (full && RIGHT - line.xMax > 0.5)) bad.push(`${at}: ends at ${line.xMax.toFixed(2)} (margin ${RIGHT.toFixed(2)})`);
  });
  expect(bad).toEqual([]);
});

test('no word or number is split across lines; URLs and e-mail addresses only after a separator', () => {
  const split: string[] = [];
  let urlSplits = 0;
  eachLine((line, next, full, at) => {
    if (!full || !next) return;
    const end = line.text.slice(-2);
    const start = next.text[0] ?? '';
    const between = `${end}|${next.text.slice(0, 2)}`;
    // Never between two letters or digits; a number's hyphen (0795-|3668066) only where keeping the
    // number whole would have opened the line's gaps past LOOSE_EM.
    if ((WORD_CHAR.test(end[1] ?? '') && WORD_CHAR.test(start)) || (/\d-$/.test(end) && !hyphenNeeded(line))) split.push(`${at}: ${between}`);
    else if (/[./\-_?&=@]/.test(start) || end === '//') split.push(`${at}: ${between}`);
    else if (/[/._?&=@-]$/.test(end) && WORD_CHAR.test(start)) urlSplits++;
  });
  expect(split).toEqual([]);
  // The rule is exercised: URLs and e-mail addresses do break at separators in the corpus.
  expect(urlSplits).toBeGreaterThan(10);
});

test('no widow: a paragraph’s last line never stands alone at the top of a page', () => {
  const widows: string[] = [];
  for (const { name, lines } of built) {
    lines.forEach((line, i) => {
      const firstOnPage = lines[i - 1]?.page !== line.page;
      const next = lines[i + 1];
      if (firstOnPage && continues(line) && !(continues(next) && next?.page === line.page)) widows.push(`${name} p${line.page} “${line.text}”`);
    });
  }
  expect(widows).toEqual([]);
});

test('no paragraph ends on a line of one character', () => {
  const lone: string[] = [];
  eachLine((line, _next, full, at) => {
    if (!full && !indented(line) && [...line.text.replace(CLOSING, '')].length < 2) lone.push(at);
  });
  expect(lone).toEqual([]);
});

test('every paragraph comes back whole and in order', () => {
  for (const { texts, lines } of built) {
    const text = lines.map((l) => l.text).join('');
    let from = 0;
    const missing = texts.filter((t) => {
      const at = text.indexOf(t, from);
      if (at >= 0) from = at + t.length;
      return at < 0;
    });
    expect(missing).toEqual([]);
  }
});
