/**
 * Line breaking for the PDF renderer: widths, 避头尾, whole Latin runs, forced breaks, and the
 * invariants every breaking must keep (checked on a stress grid, random text and the seed report).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { breakLines, MAX_ADDED_EM, spreadSlack, type Line } from '../src/render/pdf/linebreak';
import { FIXTURES } from './helpers/fixtures';

const EPS = 1e-6;

/** An advance function: ASCII is half-width, everything else full-width. */
const widths =
  (full: number, ascii: number) =>
  (char: string): number =>
    (char.codePointAt(0) ?? 0) < 0x80 ? ascii : full;
const simple = widths(16, 8);

/** The marks that may not start a line, as the brief lists them (GB/T 15834 / clreq). */
const NO_START = [...'，。、；：？！）》」』】〕〉…—·’”％‰℃', ...',.;:?!)]}%'];
/** The marks that may not end a line. */
const NO_END = [...'（《「『【〔〈“‘', ...'([{'];

const textOf = (text: string, line: Line) => text.slice(line.start, line.end);
const codePointsOf = (s: string) => Array.from(s);
const sumWidths = (s: string, advance: (c: string) => number) => codePointsOf(s).reduce((sum, c) => sum + advance(c), 0);
const CJK_FILLER = '宜春经济技术开发区政府信息公开工作年度报告依据条例要求编制主要内容包括总体情况主动公开';
const cjk = (n: number) => Array.from({ length: n }, (_, i) => CJK_FILLER[i % CJK_FILLER.length]).join('');

/** A line starts a paragraph segment: at the text start or right after a forced '\n'. */
const startsSegment = (text: string, line: Line) => line.start === 0 || text[line.start - 1] === '\n';

/**
 * Every invariant a breaking must keep, as a list of violations (empty when all hold): widths within
 * the available width, width and gaps equal to the measured characters, the lines plus skipped
 * spaces/newlines reproduce the text, justify set exactly on soft-broken lines, no line empty unless
 * the text forces it, and (unless `kinsoku` is false) 避头尾 on every soft break. Collected rather
 * than asserted one by one so the stress grids stay fast.
 */
function violations(text: string, lines: Line[], advance: (c: string) => number, widthPt: number, indentPt = 0, kinsoku = true): string[] {
  const problems: string[] = [];
  const fail = (index: number, what: string) => problems.push(`line ${index} ${JSON.stringify(lines[index] ? textOf(text, lines[index]) : '')}: ${what}`);
  if (text === '') return lines.length === 0 ? [] : ['lines for an empty text'];
  if (lines.length === 0) return ['no lines'];
  let cursor = 0;
  lines.forEach((line, index) => {
    const shown = textOf(text, line);
    const chars = codePointsOf(shown);
    const skipped = text.slice(cursor, line.start);
    // Between two lines only spaces and at most one forced break are skipped.
    if (!/^[ \t\r]*\n?$/.test(skipped)) fail(index, `skips ${JSON.stringify(skipped)}`);
    if (index === 0 && line.start !== 0) fail(index, 'does not start the text');
    if (index > 0 && lines[index - 1]?.justify !== !skipped.includes('\n')) fail(index - 1, 'wrong justify');
    if (line.end < line.start) fail(index, 'ends before it starts');
    if (chars.join('') !== shown || /[\ud800-\udbff]$/.test(shown)) fail(index, 'splits a surrogate pair');

    const available = index === 0 ? widthPt - indentPt : widthPt;
    if (line.width > available + EPS) fail(index, `width ${line.width} > ${available}`);
    if (Math.abs(line.width - sumWidths(shown, advance)) > 1e-9) fail(index, `width ${line.width} is not the sum of its advances`);
    if (line.gaps !== Math.max(0, chars.length - 1)) fail(index, `gaps ${line.gaps}`);
    // Trailing spaces are never part of a line; soft-broken lines do not start with one.
    if (/[ \t]$/.test(shown)) fail(index, 'ends with a space');
    if (!startsSegment(text, line) && /^[ \t]/.test(shown)) fail(index, 'starts with a space');

    if (shown === '') {
      // An empty line only where the text has nothing to show: a blank segment between forced breaks.
      const segmentEnd = text.indexOf('\n', line.start);
      const blank = text.slice(line.start, segmentEnd < 0 ? undefined : segmentEnd).trim() === '';
      if (!startsSegment(text, line) || !blank) fail(index, 'is empty');
    } else if (kinsoku) {
      if (!startsSegment(text, line) && NO_START.includes(chars[0] ?? '')) fail(index, 'starts with a no-start mark');
      if (line.justify && NO_END.includes(chars.at(-1) ?? '')) fail(index, 'ends with a no-end mark');
    }
    cursor = line.end;
  });
  if (!/^[ \t\r]*\n?$/.test(text.slice(cursor))) problems.push(`text left after the last line: ${JSON.stringify(text.slice(cursor))}`);
  if (lines.at(-1)?.justify !== false) problems.push('last line justified');
  return problems;
}

/** Asserts `violations` is empty, naming the text when it is not. */
function checkLines(text: string, lines: Line[], advance: (c: string) => number, widthPt: number, indentPt = 0, kinsoku = true): void {
  const problems = violations(text, lines, advance, widthPt, indentPt, kinsoku);
  if (problems.length > 0) expect({ text, widthPt, indentPt, problems }).toEqual({ text, widthPt, indentPt, problems: [] });
}

const shownLines = (text: string, widthPt: number, advance = simple, indentPt = 0) => breakLines(text, advance, widthPt, indentPt).map((l) => textOf(text, l));

describe('widths and fitting', () => {
  const a = widths(15.79, 8);

  test('an empty text gives no lines', () => {
    expect(breakLines('', simple, 100)).toEqual([]);
  });

  test('28 characters of 15.79 pt fit exactly on a 442.2 pt line', () => {
    const lines = breakLines(cjk(28), a, 442.2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({ start: 0, end: 28, width: expect.closeTo(28 * 15.79, 9), gaps: 27, stretches: 27, justify: false, joined: false });
    // The 29th character would stand alone on the last line: the full line gives one down to it.
    const more = breakLines(cjk(29), a, 442.2).map((l) => l.end - l.start);
    expect(more).toEqual([27, 2]);
  });

  test('a first-line indent of 2 characters leaves 26 on the first line and 28 on the next', () => {
    const lines = breakLines(cjk(80), a, 442.2, 2 * 15.79);
    expect(lines.map((l) => l.end - l.start)).toEqual([26, 28, 26]);
    expect(lines.map((l) => l.justify)).toEqual([true, true, false]);
    checkLines(cjk(80), lines, a, 442.2, 2 * 15.79);
  });

  test('float sums that equal the width up to rounding still fit (epsilon)', () => {
    // 0.1 + 0.1 + 0.1 = 0.30000000000000004 > 0.3
    expect(breakLines('一二三四五', () => 0.1, 0.3).map((l) => l.end - l.start)).toEqual([3, 2]);
  });

  test('width and gaps count spaces inside the line but not trailing ones', () => {
    const text = '中文 abc   ';
    const [line] = breakLines(text, simple, 1000);
    expect(line).toEqual({ start: 0, end: 6, width: 2 * 16 + 4 * 8, gaps: 5, stretches: 3, justify: false, joined: false });
  });

  test('gaps count code points, not UTF-16 units', () => {
    const text = '𠀀𠀁中a'; // two supplementary-plane ideographs
    const [line] = breakLines(text, simple, 1000);
    expect(line).toEqual({ start: 0, end: text.length, width: 16 * 3 + 8, gaps: 3, stretches: 3, justify: false, joined: false });
    const split = breakLines(text, simple, 32);
    expect(split.map((l) => textOf(text, l))).toEqual(['𠀀𠀁', '中a']);
  });

  test('advance is called once per code point (one pass of measuring)', () => {
    const text = `${cjk(500)}\nhttp://jkq.yichun.gov.cn/ ${cjk(300)}`;
    let calls = 0;
    breakLines(text, (c) => (calls++, simple(c)), 200);
    expect(calls).toBe(codePointsOf(text).length - 1); // the '\n' is not measured
  });

  test('a character wider than the line sits alone on its line instead of looping', () => {
    const lines = breakLines('一二三', () => 50, 30);
    expect(lines.map((l) => l.end - l.start)).toEqual([1, 1, 1]);
  });
});

describe('避头尾 (kinsoku)', () => {
  // 10 characters of 16 pt per line.
  const W = 160;

  test('a closing mark that would start a line pulls the previous character down with it', () => {
    expect(shownLines(`${cjk(10)}，${cjk(5)}`, W)).toEqual([cjk(9), `${cjk(10).slice(9)}，${cjk(5)}`]);
    expect(shownLines(`${cjk(10)}。”${cjk(3)}`, W)).toEqual([cjk(9), `${cjk(10).slice(9)}。”${cjk(3)}`]);
  });

  test('an opening mark that would end a line goes down to the next line', () => {
    expect(shownLines(`${cjk(9)}《${cjk(5)}》`, W)).toEqual([cjk(9), `《${cjk(5)}》`]);
    expect(shownLines(`${cjk(8)}“（${cjk(5)}`, W)).toEqual([cjk(8), `“（${cjk(5)}`]);
  });

  test('—— and …… are never split, nor start a line', () => {
    for (const pair of ['——', '……']) {
      for (let at = 0; at <= 12; at++) {
        const text = `${cjk(at)}${pair}${cjk(12)}`;
        const lines = breakLines(text, simple, W);
        checkLines(text, lines, simple, W);
        for (const line of lines.slice(1)) expect(text[line.start]).not.toBe(pair[0]);
      }
    }
  });

  test('ASCII closing marks and % stay with what precedes them', () => {
    expect(shownLines(`${cjk(9)}ab,${cjk(3)}`, W)).toEqual([cjk(9), `ab,${cjk(3)}`]);
    expect(shownLines(`${cjk(9)}，,${cjk(3)}`, W)).toEqual([cjk(8), `${cjk(9).slice(8)}，,${cjk(3)}`]);
    expect(shownLines(`${cjk(9)}100%${cjk(3)}`, W)).toEqual([cjk(9), `100%${cjk(3)}`]);
    expect(shownLines(`${cjk(9)}5％${cjk(3)}`, W)).toEqual([cjk(9), `5％${cjk(3)}`]);
    expect(shownLines(`${cjk(10)}％${cjk(3)}`, W)).toEqual([cjk(9), `${cjk(10).slice(9)}％${cjk(3)}`]);
  });

  // Every mark at every offset of a 200-character paragraph, at a width that is a whole number of
  // characters and at one that is not (so half-width marks land at every fraction of a line).
  const marks = [...NO_START, ...NO_END, '——', '……', '。”', '”，', '（“', '《（', '）》。'];
  const paragraph = cjk(200);
  for (const widthPt of [320, 330, 16 * 7 + 4]) {
    test(`stress: every mark at every offset, width ${widthPt}`, () => {
      let checked = 0;
      const short: string[] = [];
      for (const mark of marks) {
        // Kinsoku pushes down at most the mark and one character, plus the fraction of a character
        // the width leaves over: lines stay nearly full.
        const slack = (codePointsOf(mark).length + 2) * 16;
        for (let at = 0; at <= paragraph.length; at++) {
          const text = paragraph.slice(0, at) + mark + paragraph.slice(at);
          const lines = breakLines(text, simple, widthPt, 32);
          checkLines(text, lines, simple, widthPt, 32);
          lines.forEach((line, i) => {
            if (line.justify && line.width < (i === 0 ? widthPt - 32 : widthPt) - slack) short.push(`${mark}@${at} line ${i}`);
          });
          checked++;
        }
      }
      expect(short).toEqual([]);
      expect(checked).toBe(marks.length * 201);
    });
  }
});

describe('Latin runs: URLs, numbers, phone numbers', () => {
  const W = 320; // 20 full-width or 40 half-width characters
  const runs = ['http://jkq.yichun.gov.cn/', '0795-3668066', '2023', '100%', '12.5', 'A4', '336000'];

  test('numbers and short runs are never split when they fit on the next line, wherever they fall', () => {
    const cases = runs.flatMap((run): [string, number][] =>
      run.startsWith('http')
        ? []
        : [
            [run, W],
            [run, 448],
          ],
    );
    for (const [run, widthPt] of cases) {
      for (let at = 0; at <= 25; at++) {
        const text = `${cjk(at)}网站（${run}）下载，电话${run}。${cjk(30)}`;
        const lines = breakLines(text, simple, widthPt, 32);
        checkLines(text, lines, simple, widthPt, 32);
        // Both occurrences sit whole on a line.
        const shown = lines.map((l) => textOf(text, l));
        expect(shown.reduce((n, s) => n + (s.split(run).length - 1), 0)).toBe(2);
      }
    }
  });

  test('a short URL and an e-mail address stay whole wherever they fall; a line that cannot be justified within MAX_ADDED_EM ends short before them', () => {
    const url = 'http://jkq.yichun.gov.cn/';
    const email = 'xxgk_jkq@yichun.gov.cn';
    const full = 448; // a 28-character line
    const cap = MAX_ADDED_EM * 16;
    for (let at = 0; at <= 60; at++) {
      const text = `${cjk(at)}网站（${url}）下载，电子邮箱${email}。${cjk(30)}`;
      const lines = breakLines(text, simple, full, 32);
      checkLines(text, lines, simple, full, 32);
      const shown = lines.map((l) => textOf(text, l));
      expect(shown.filter((s) => s.includes(url) || s.includes(email))).toHaveLength(shown.some((s) => s.includes(url) && s.includes(email)) ? 1 : 2);
      // A line too short to justify within the cap is followed by the run that could not join it.
      lines.forEach((line, i) => {
        const short = line.justify && (i === 0 ? full - 32 : full) - line.width > cap * line.gaps + EPS;
        if (short) expect({ at, next: shown[i + 1]?.slice(0, 6) }).toEqual({ at, next: expect.stringMatching(/^（?(http|xxgk)/) });
      });
    }
  });

  test('total fit: lines before a run that must move down give up characters rather than leave one line loose', () => {
    const email = 'xxgk_jkq@yichun.gov.cn'; // 11 characters wide: the gaps of one line could not take it
    const cap = MAX_ADDED_EM * 16;
    let shortened = 0;
    for (let at = 110; at <= 140; at++) {
      const text = `${cjk(at)}${email}${cjk(40)}`;
      const lines = breakLines(text, simple, 448, 32);
      checkLines(text, lines, simple, 448, 32);
      expect(lines.map((l) => textOf(text, l)).filter((s) => s.includes(email))).toHaveLength(1);
      // Every justified line spreads within the cap, though first-fit would leave one far looser.
      for (const [i, line] of lines.entries()) if (line.justify) expect((i === 0 ? 416 : 448) - line.width).toBeLessThanOrEqual(cap * line.gaps + EPS);
      shortened += lines.filter((l, i) => l.justify && l.width < (i === 0 ? 416 : 448) - EPS).length > 1 ? 1 : 0;
    }
    expect(shortened).toBeGreaterThan(5);
  });

  test('phone numbers are never broken, in any of their forms, wherever they fall', () => {
    for (const phone of ['0517-87654321', '(0517)87654321', '（0517）87654321', '(0517) 87654321', '400-800-1234', '800 820 8820', '0795-3668066']) {
      for (let at = 0; at <= 24; at++) {
        const text = `${cjk(at)}电话${phone}，${cjk(30)}`;
        const lines = breakLines(text, simple, W, 32);
        checkLines(text, lines, simple, W, 32);
        expect({ phone, at, whole: lines.some((l) => textOf(text, l).includes(phone)) }).toEqual({ phone, at, whole: true });
      }
    }
  });

  test('a URL stays whole when it fits on a line, and "http://" stays with the host', () => {
    const url = 'http://jkq.yichun.gov.cn/';
    expect(shownLines(`${cjk(12)}${url}`, W)).toEqual([cjk(12), url]);
    expect(shownLines(`${cjk(17)}${url}`, W)).toEqual([cjk(17), url]);
    const phone = `${cjk(14)}电话0795-3668066。${cjk(8)}`;
    expect(shownLines(phone, W)).toEqual([`${cjk(14)}电话`, `0795-3668066。${cjk(8)}`]);
    expect(shownLines(`${cjk(4)}电话0795-3668066`, 160)).toEqual([`${cjk(4)}电话`, '0795-3668066']);
    // Decimals, IP addresses and dates keep their dots.
    for (const run of ['12.5', '192.168.0.1']) expect(shownLines(`${cjk(19)}${run}`, W)).toEqual([cjk(19), run]);
  });

  test('a URL longer than a line breaks only after a separator of its path, and its lines are joined (no page break between them)', () => {
    const url = 'http://www.jiangxi.gov.cn/col/col393/index.html?uid=5&pageNum=2';
    const text = `${cjk(10)}${url}${cjk(10)}`;
    const lines = breakLines(text, simple, W);
    const shown = lines.map((l) => textOf(text, l));
    expect(shown.join('')).toBe(text);
    const inside = lines.slice(0, -1).filter((l) => l.end > text.indexOf(url) && l.end < text.indexOf(url) + url.length);
    expect(inside.length).toBeGreaterThan(0);
    for (const line of inside) {
      expect(line.joined).toBe(true);
      expect(line.end).toBeGreaterThan(text.indexOf('.cn/') + 3);
      expect('/.?&=-_').toContain(text[line.end - 1]);
    }
    expect(lines.filter((l) => l.joined)).toEqual(inside);
  });

  test('spreadSlack: widening gaps first, then a faint letter-spacing, never past the cap', () => {
    expect(spreadSlack(10, 20, 10, 2.4)).toEqual({ stretch: 1, even: 0 });
    const some = spreadSlack(30, 20, 10, 2.4);
    expect(some.even).toBeCloseTo(0.6);
    expect(some.stretch + some.even).toBeCloseTo(2.4);
    expect(spreadSlack(100, 20, 10, 2.4)).toEqual({ stretch: 0, even: 2.4 });
    expect(spreadSlack(10, 20, 0, 2.4)).toEqual({ stretch: 0, even: 0.5 });
    expect(spreadSlack(-1, 20, 10, 2.4)).toEqual({ stretch: 0, even: 0 });
  });

  test('a 60-character URL on a 20-character line is split at separators (inside a word only when wider than a line) and never overflows', () => {
    const url = `http://www.yichun.gov.cn/${'abcdefghij'.repeat(3)}/index.html`; // 25 + 30 + 11
    expect(url.length).toBeGreaterThanOrEqual(60);
    for (const widthPt of [320, 160]) {
      for (let at = 0; at <= 20; at++) {
        const text = `${cjk(at)}${url}${cjk(5)}`;
        const lines = breakLines(text, simple, widthPt);
        checkLines(text, lines, simple, widthPt);
        expect(lines.length).toBeGreaterThan(1);
        // Split points avoid ':', '/' and '.' at a line start.
        for (const line of lines.slice(1)) expect(':/.').not.toContain(text[line.start]);
      }
    }
  });

  test('spaces are break opportunities and are dropped at line ends', () => {
    const text = 'the quick brown fox jumps over the lazy dog';
    const shown = shownLines(text, 80); // 10 half-width characters
    expect(shown).toEqual(['the quick', 'brown fox', 'jumps over', 'the lazy', 'dog']);
    checkLines(text, breakLines(text, simple, 80), simple, 80);
    const spaced = `${cjk(9)}    ${cjk(5)}`;
    expect(shownLines(spaced, 160)).toEqual([cjk(9), cjk(5)]);
  });

  test('a run of only unbreakable marks still breaks (last resort) and never overflows', () => {
    const text = `${cjk(3)}${'。'.repeat(30)}`;
    const lines = breakLines(text, simple, 160);
    checkLines(text, lines, simple, 160, 0, false);
    expect(lines.every((l) => l.width <= 160 + EPS)).toBe(true);
  });
});

describe('the last line of a paragraph', () => {
  test('never holds one character alone: the line before gives one down', () => {
    expect(shownLines(cjk(21), 160)).toEqual([cjk(10), cjk(19).slice(10), cjk(21).slice(19)]);
    // A closing mark goes with its character, so "开。" counts as one character.
    expect(shownLines(`${cjk(20)}开。`, 160).at(-1)).toBe(`${cjk(20).slice(19)}开。`);
  });

  test('stays alone when the line before cannot give a character (one unbreakable run)', () => {
    expect(shownLines('abcdefghijklmnopqrst一', 160)).toEqual(['abcdefghijklmnopqrst', '一']);
  });
});

describe('forced breaks and justify', () => {
  test('\\n ends a line without justification and belongs to no line', () => {
    const text = `一二三\n${cjk(25)}\n四五`;
    const lines = breakLines(text, simple, 160);
    expect(lines.map((l) => [textOf(text, l), l.justify])).toEqual([
      ['一二三', false],
      [cjk(10), true],
      [cjk(20).slice(10), true],
      [cjk(25).slice(20), false],
      ['四五', false],
    ]);
    checkLines(text, lines, simple, 160);
  });

  test('blank lines between forced breaks are empty lines; a final \\n adds none', () => {
    expect(breakLines('一\n\n二\n', simple, 160)).toEqual([
      { start: 0, end: 1, width: 16, gaps: 0, stretches: 0, justify: false, joined: false },
      { start: 2, end: 2, width: 0, gaps: 0, stretches: 0, justify: false, joined: false },
      { start: 3, end: 4, width: 16, gaps: 0, stretches: 0, justify: false, joined: false },
    ]);
    expect(breakLines('\n', simple, 160)).toEqual([{ start: 0, end: 0, width: 0, gaps: 0, stretches: 0, justify: false, joined: false }]);
  });

  test('the first-line indent applies to the first line only, not after a \\n', () => {
    const text = `${cjk(12)}\n${cjk(12)}`;
    const counts = breakLines(text, simple, 160, 32).map((l) => l.end - l.start);
    expect(counts).toEqual([8, 4, 10, 2]);
  });

  test('spaces before a \\n are not shown; spaces after it (an indent) are', () => {
    const text = '一二  \n  三四';
    expect(shownLines(text, 160)).toEqual(['一二', '  三四']);
  });

  test('only the last line and lines before \\n are unjustified', () => {
    const text = cjk(95);
    const lines = breakLines(text, simple, 160);
    expect(lines.map((l) => l.justify)).toEqual([...Array(9).fill(true), false]);
  });
});

describe('random text (property)', () => {
  const token = fc.oneof(
    fc.constantFrom(...codePointsOf(cjk(40))),
    fc.tuple(fc.constantFrom(...NO_END), fc.constantFrom(...codePointsOf(cjk(10))), fc.constantFrom(...NO_START)).map((t) => t.join('')),
    fc.constantFrom('2023年', '0795-3668066', '100%', '12.5', 'A4', ' word ', ' http://a.b/c ', '\n'),
    // No-start marks follow an ideograph, so no chain of them outgrows a line and 避头尾 is always satisfiable.
    fc.constantFrom('字——', '字……', '字。', '字，', '字”', '字。”'),
  );
  const texts = fc.array(token, { maxLength: 160, size: 'max' }).map((parts) => parts.join(''));

  test('every invariant holds for random paragraphs and widths', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 8, max: 30 }), fc.integer({ min: 0, max: 2 }), (text, chars, indentChars) => {
        const widthPt = chars * 16 + (chars % 3) * 5;
        checkLines(text, breakLines(text, simple, widthPt, indentChars * 16), simple, widthPt, indentChars * 16);
      }),
      { numRuns: 600 },
    );
  });
});

describe('the seed report (yichun-2023)', () => {
  const seed = readFileSync(path.join(FIXTURES, 'seed', 'yichun-2023.txt'), 'utf8');
  const a = widths(15.79, 8);
  const WIDTH = 442.2;

  test('every line of the report breaks by the rules, with and without a 2-character indent', () => {
    const paragraphs = seed.split('\n');
    let lineCount = 0;
    for (const paragraph of paragraphs) {
      for (const indent of [0, 2 * 15.79]) {
        const lines = breakLines(paragraph, a, WIDTH, indent);
        checkLines(paragraph, lines, a, WIDTH, indent);
        lineCount += lines.length;
      }
    }
    expect(lineCount).toBeGreaterThan(paragraphs.length);
  });

  test('the URL and the phone number in the preamble stay whole', () => {
    const preamble = seed.split('\n').find((p) => p.includes('http://jkq.yichun.gov.cn/')) ?? '';
    const shown = breakLines(preamble, a, WIDTH, 2 * 15.79).map((l) => textOf(preamble, l));
    expect(shown.length).toBeGreaterThan(3);
    for (const run of ['http://jkq.yichun.gov.cn/', '0795-3668066', '336000', '2023', '711']) {
      expect(shown.some((s) => s.includes(run))).toBe(true);
    }
  });

  test('breaking the whole report at once equals breaking each paragraph (forced \\n)', () => {
    const whole = breakLines(seed, a, WIDTH).map((l) => seed.slice(l.start, l.end));
    const each = seed.split('\n').flatMap((p, i, all) => {
      const lines = breakLines(p, a, WIDTH).map((l) => p.slice(l.start, l.end));
      // An empty paragraph is an empty line, except after the final '\n'.
      return lines.length === 0 && i < all.length - 1 ? [''] : lines;
    });
    expect(whole).toEqual(each);
    checkLines(seed, breakLines(seed, a, WIDTH), a, WIDTH);
  });

  // Speed is measured by `npm run bench` and bounded by the hostile corpus, not asserted here (a
  // timing assertion fails on a loaded machine); the time is reported.
  test('a paragraph of 100 copies of the report breaks into lines that cover it in order', () => {
    const big = seed.replace(/\n/g, '').repeat(100);
    const t0 = process.hrtime.bigint();
    const lines = breakLines(big, a, WIDTH);
    console.log(`breakLines: ${big.length} characters in ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms`);
    expect(lines.length).toBeGreaterThan(big.length / 40);
    // In order, and only spaces between one line's end and the next one's start.
    expect(lines.every((line, i) => line.end > line.start && big.slice(i === 0 ? 0 : lines[i - 1]?.end, line.start).trim() === '')).toBe(true);
    expect(lines[lines.length - 1]?.end).toBe(big.length);
  });
});
