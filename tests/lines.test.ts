/**
 * Body text set like a hand-made 公文, proven on generated corpora (helpers/line-corpus.ts, and the
 * hard reports of helpers/corpus.ts) rather than the seed alone, and measured on the PDF as poppler
 * reads it back: no line letter-spaced past MAX_ADDED_EM, no word or number split across lines, no
 * phone number, e-mail address or short URL split at all (a long URL only after a separator, never
 * across pages), full lines flush with both margins, no widows at a page top and no paragraph
 * ending on a lone character.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FontSet } from '../src/fonts/font-set';
import { resolveFonts } from '../src/fonts/resolve';
import { nodeHost } from '../src/host';
import { renderPdf } from '../src/render/pdf';
import { checkReport } from '../src/check';
import { buildModel } from '../src/model/build';
import { gapStretches, MAX_ADDED_EM, spreadSlack } from '../src/render/pdf/linebreak';
import { GRID, LINE_PITCH_PT, MM_TO_PT, PAGE, ROLE, SIZE_PT, TYPE_AREA } from '../src/format/page-standard';
import { modelOf, TIMESTAMP } from './helpers/build';
import { tempDir } from './helpers/cli';
import { writeCorpus } from './helpers/corpus';
import { lineCorpus, RUNS } from './helpers/line-corpus';
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

const CAP = MAX_ADDED_EM * SIZE_PT.body;

const advance = (c: string) => {
  const cp = c.codePointAt(0) ?? 0;
  const face = fonts.faceFor(ROLE.body, cp);
  return (face ? fonts.advance(face, cp, SIZE_PT.body) : SIZE_PT.body) + TRACKING;
};

/**
 * The widest space justification added between two characters of a line, in pt: the line's width
 * as poppler reads it less the natural width of its characters, spread as the renderer spreads it
 * (widening gaps first, see spreadSlack). Poppler drops spaces, splitting words there; between two
 * Latin words that gap is a space (justification never widens a gap inside a Latin run alone).
 */
function addedSpacing(line: LineBox): number {
  const text = line.words.map((w, i) => (i > 0 && /[!-~]$/.test(line.words[i - 1]?.text ?? '') && /^[!-~]/.test(w.text) ? ' ' : '') + w.text).join('');
  const chars = [...text];
  const natural = chars.reduce((sum, c) => sum + advance(c), -TRACKING);
  const stretches = chars.slice(1).filter((c, i) => gapStretches(chars[i]?.codePointAt(0) ?? 0, c.codePointAt(0) ?? 0)).length;
  const { stretch, even } = spreadSlack(line.xMax - line.xMin - natural, chars.length - 1, stretches, CAP);
  return stretches > 0 ? stretch + even : even;
}

interface Built {
  name: string;
  /** The body paragraphs (the line corpus only: the hard reports' go through the model). */
  texts: string[];
  lines: LineBox[];
}

const built: Built[] = [];
/** The hard reports of helpers/corpus.ts: organs, URLs, e-mail addresses and long numbers at every column. */
const HARD_REPORTS = 12;

beforeAll(async () => {
  const hard = writeCorpus(dir, HARD_REPORTS).map((file) => {
    const { report } = checkReport(nodeHost(), file);
    if (!report) throw new Error(`${file} does not check`);
    return { name: path.basename(file, '.yaml'), model: buildModel(report), texts: [] as string[] };
  });
  for (const { name, model, texts } of [...corpus, ...hard]) {
    const { bytes, diagnostics } = await renderPdf(model, { timestamp: TIMESTAMP, fonts });
    expect(diagnostics).toEqual([]);
    const file = path.join(dir, `${name}.pdf`);
    fs.writeFileSync(file, bytes);
    built.push({ name, texts, lines: bodyLines(lineBoxes(file)) });
  }
}, 120_000);

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

test('the corpus is large enough to mean something: 6 + 12 reports, 180 paragraphs, every run kind, ends on every line of a page', () => {
  expect(built).toHaveLength(6 + HARD_REPORTS);
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

/** What starts a line and cannot be split: a word, number, URL or address with the brackets and marks that stay with it. */
const LEADING_RUN = /^[（(“《]?[!-~]+[）)”》，。、；：]*/u;
const widthOf = (text: string) => [...text].reduce((sum, c) => sum + advance(c), 0);

test('every full line ends within 0.5 pt of the right margin, or before a run that would not fit even at full spacing; no line crosses it', () => {
  const bad: string[] = [];
  let short = 0;
  let fullLines = 0;
  eachLine((line, next, full, at) => {
    if (line.xMax > RIGHT + 0.5) bad.push(`${at}: ends at ${line.xMax.toFixed(2)} (margin ${RIGHT.toFixed(2)})`);
    if (full) fullLines += 1;
    if (!full || RIGHT - line.xMax <= 0.5) return;
    // Justification stops at MAX_ADDED_EM a gap: a line ends short only where the run after it
    // (a word, number or address, never split) could not have joined it.
    const run = LEADING_RUN.exec(next?.text ?? '')?.[0] ?? '';
    if (widthOf(run) <= RIGHT - line.xMax) bad.push(`${at}: ends at ${line.xMax.toFixed(2)}, before “${next?.text}”`);
    short += 1;
  });
  expect(bad).toEqual([]);
  // Such lines are the exception, though the corpus puts two runs into the first lines of every paragraph.
  expect(short).toBeGreaterThan(0);
  expect(short / fullLines).toBeLessThan(0.1);
});

test(`no line adds more than ${MAX_ADDED_EM} em between two characters`, () => {
  const loose: string[] = [];
  let full = 0;
  eachLine((line, _next, isFull, at) => {
    if (!isFull) return;
    full += 1;
    const added = addedSpacing(line);
    if (added > CAP + 0.05) loose.push(`${at}: ${(added / SIZE_PT.body).toFixed(3)} em`);
  });
  expect(loose).toEqual([]);
  expect(full).toBeGreaterThan(1000);
});

test('no word or number is split across lines; a long URL only after a separator', () => {
  const split: string[] = [];
  let urlSplits = 0;
  eachLine((line, next, full, at) => {
    if (!full || !next) return;
    const end = line.text.slice(-2);
    const start = next.text[0] ?? '';
    const between = `${end}|${next.text.slice(0, 2)}`;
    // Never between two letters or digits, nor after a number's hyphen (0795-|3668066).
    // "GB/T 9704-2012" breaks at its space, which poppler does not show.
    const spaced = line.text.endsWith('GB/T') && next.text.startsWith('9704');
    if (((WORD_CHAR.test(end[1] ?? '') && WORD_CHAR.test(start)) || /\d-$/.test(end)) && !spaced) split.push(`${at}: ${between}`);
    else if (/[./\-_?&=@]/.test(start) || end === '//') split.push(`${at}: ${between}`);
    else if (/[/._?&=@-]$/.test(end) && WORD_CHAR.test(start)) urlSplits++;
  });
  expect(split).toEqual([]);
  // The rule is exercised: long URLs do break at separators in the corpus.
  expect(urlSplits).toBeGreaterThan(10);
});

/** Phone numbers, e-mail addresses and the URLs shorter than a line, as the corpora write them. */
const KEPT = [...RUNS.filter((r) => r.kind === 'phone' || r.kind === 'email').map((r) => r.text), 'http://jkq.yichun.gov.cn/', 'zwgk@example.gov.cn'];
const LONG_URLS = [
  'http://www.jiangxi.gov.cn/col/col393/index.html?uid=5&pageNum=2',
  'https://www.gov.cn/zhengce/content/2021-12/13/content_5660515.htm?from=timeline&isappinstalled=0',
  'http://www.example.gov.cn/col/col1234/index.html',
];

test('no phone number, e-mail address or URL shorter than a line is split; a long URL never across pages', () => {
  let whole = 0;
  const split: string[] = [];
  for (const { name, lines } of built) {
    // The text as read back, with where each line starts.
    const starts: number[] = [];
    let text = '';
    for (const line of lines) {
      starts.push(text.length);
      text += line.text;
    }
    const lineAt = (offset: number) => {
      let i = 0;
      while (i + 1 < starts.length && (starts[i + 1] ?? 0) <= offset) i += 1;
      return i;
    };
    for (const run of [...KEPT, ...LONG_URLS]) {
      for (let at = text.indexOf(run); at >= 0; at = text.indexOf(run, at + 1)) {
        const first = lines[lineAt(at)];
        const last = lines[lineAt(at + run.length - 1)];
        if (KEPT.includes(run) && first !== last) split.push(`${name} p${first?.page} “${run}” over two lines`);
        else if (first?.page !== last?.page) split.push(`${name} p${first?.page} “${run}” over two pages`);
        else whole += 1;
      }
    }
  }
  expect(split).toEqual([]);
  expect(whole).toBeGreaterThan(250);
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
