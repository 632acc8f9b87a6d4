/**
 * Stage 4 (render/pdf): breaks a paragraph into lines for the PDF renderer, following Chinese
 * line-breaking practice (GB/T 15834, W3C clreq): any two ideographs may be split, 避头尾 keeps
 * closing marks off the start of a line and opening marks off its end, and Latin/digit runs
 * (words, numbers, URLs, e-mail addresses) are never split between two letters or two digits.
 *
 * A run breaks only at its natural points, and only when keeping it whole would leave a loose line:
 * - URL and e-mail separators: after / . - _ ? & = @ # when a letter or digit follows (so no line
 *   starts with '.' or '-'), never inside "http://" nor between "//" and the host, never in a
 *   decimal number (12.5, 192.168.0.1). Taken when breaking before the run would spread the line by
 *   more than 1/8 em a gap (SOFT_EM).
 * - The hyphen between digits (0795-3668066, 2019-2023): a number is read, dialled or copied whole,
 *   so it breaks only when keeping it whole would spread the line by more than 0.4 em (LOOSE_EM).
 * - Anywhere in a run only when the run is wider than a whole line (last resort).
 * A paragraph never ends on a line of one character ("开。"): the previous line gives up its last
 * character (or what 避头尾 keeps with it) to the last line, as typesetters do (拉字); that costs the
 * previous line about 1/27 em a gap, where tightening punctuation (标点挤压) would depend on where
 * each font draws its marks.
 *
 * Greedy first-fit in two passes over the code points: the first classifies each one and
 * measures it (calling `advance` exactly once per code point); the second fills lines and, on
 * overflow, chooses among the latest opportunities of each kind. Pure.
 */
import { fitsIn, LAYOUT_TOLERANCE_PT } from './fit';

/** One laid-out line: the code-unit range [start, end) of the paragraph text it shows. */
export interface Line {
  start: number;
  end: number;
  /** Natural width in pt of the characters in the line (trailing spaces excluded). */
  width: number;
  /** Number of gaps between the line's characters (code points − 1, trailing spaces excluded). */
  gaps: number;
  /** The gaps justification may widen: not between two letters or digits of a run (see `gapStretches`). */
  stretches: number;
  /** True for every line but the last of the paragraph (and lines ended by a forced break '\n'): it is justified. */
  justify: boolean;
}

/** Breaking before a Latin run that would spread the line wider than this (em a gap) breaks inside it, at a URL point. */
const SOFT_EM = 1 / 8;
/**
 * A loose line: gaps wider than this (em) are holes. Numbers break at a hyphen only to avoid one, and
 * drawLine never opens a gap wider (the rest of such a line's slack goes to all its gaps).
 */
export const LOOSE_EM = 0.4;

// ---------------------------------------------------------------------------------------------
// Character classes. A class byte packs a kind (low 3 bits) with kinsoku flags, so the hot loop
// reads one typed-array element per code point.

/** Breakable on both sides: ideographs, kana, hangul, full-width forms, CJK punctuation, symbols. */
const IDEO = 0;
/** Latin letters, digits and ASCII punctuation: glued into runs that are not split if avoidable. */
const GLUE = 1;
/** A break opportunity that is itself not shown at a line end (ASCII space, tab). */
const SPACE = 2;
/** The forced break '\n'. */
const NEWLINE = 3;
/** No-break space and friends: shown, but never a break opportunity on either side. */
const NBSP = 4;
const KIND_MASK = 0b111;

/** May not start a line (closing marks, 。，、 etc.). */
const NO_START = 0b1000;
/** May not end a line (opening marks, currency prefixes). */
const NO_END = 0b1_0000;
/** Belongs to the previous code point's cluster (combining marks, ZWJ, variation selectors): never break before it. */
const ATTACH = 0b10_0000;
/** Dashes and ellipses drawn as one line when doubled (——, ……): never spaced apart. */
const CONNECT = 0b100_0000;
/** Closing brackets and quotes: like the opening ones (NO_END), they hug what they enclose. */
const CLOSE_BRACKET = 0b1000_0000;

/** Break kinds between two adjacent non-space code points, weakest first. */
const NONE = 0;
/** Allowed only when nothing better exists: inside a Latin run that is wider than any line. */
const EMERGENCY = 1;
/** After the hyphen of a number (0795-3668066): only to avoid a loose line. */
const NUMERIC = 2;
/** After a URL or e-mail separator: when breaking before the run would leave the line loose. */
const SOFT = 3;
/** A normal break opportunity. */
const RULE = 4;

const codePoints = (chars: string): Set<number> => new Set(Array.from(chars, (c) => c.codePointAt(0) ?? 0));

/** 避头 (GB/T 15834, clreq): closing brackets and quotes, sentence and pause marks, dashes, ellipses, unit signs. */
const NO_START_CHARS =
  '，。、；：？！）》」』】〕〉〗〙〛〞〟］｝｠｣．｡､﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞' + // CJK and full-width closing / pause marks
  '…⋯‥—―·・’”' + // ellipses and dashes (so ……/—— pairs never split), interpuncts, closing quotes
  '％‰‱℃℉°′″‼⁇⁈⁉'; // signs that follow a number, doubled marks
/** 避尾: opening brackets and quotes; full-width currency signs, which precede the amount. */
const NO_END_CHARS = '（《「『【〔〈〖〘〚〝［｛｟｢﹙﹛﹝“‘￥＄';
const CONNECT_CHARS = '—―…⋯‥';
const CLOSE_BRACKET_CHARS = '）》」』】〕〉〗〙〛〞〟］｝｠｣﹚﹜﹞’”)]}';
const ASCII_NO_START = ',.;:?!)]}%';
const ASCII_NO_END = '([{';

const NO_START_SET = codePoints(NO_START_CHARS);
const NO_END_SET = codePoints(NO_END_CHARS);
const CONNECT_SET = codePoints(CONNECT_CHARS);
const CLOSE_BRACKET_SET = codePoints(CLOSE_BRACKET_CHARS);
/** Separators a URL or e-mail address may break after (ASCII, and the Unicode hyphens that glue like '-'). */
const URL_POINT_SET = codePoints('/.-_?&=@#\u2010\u2011\u2012\u2013');

/** Class bytes of the ASCII range, looked up directly (the common case for digits and URLs). */
const ASCII_CLASS: Uint8Array = buildAsciiClasses();

function buildAsciiClasses(): Uint8Array {
  const table = new Uint8Array(128).fill(GLUE);
  for (const c of ' \t\r\v\f') table[c.charCodeAt(0)] = SPACE;
  table[0x0a] = NEWLINE;
  for (const c of ASCII_NO_START) table[c.charCodeAt(0)] = GLUE | NO_START;
  for (const c of ASCII_NO_END) table[c.charCodeAt(0)] = GLUE | NO_END;
  for (const c of ')]}') table[c.charCodeAt(0)] = (table[c.charCodeAt(0)] ?? GLUE) | CLOSE_BRACKET;
  return table;
}

/** Combining marks, joiners and selectors: they extend the preceding character, so no break goes before them. */
function isAttaching(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    cp === 0x200c ||
    cp === 0x200d ||
    (cp >= 0x3099 && cp <= 0x309a) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    (cp >= 0xe0020 && cp <= 0xe007f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** The kind of a non-ASCII code point that is not attaching. */
function kindOf(cp: number): number {
  if (cp === 0x00a0 || cp === 0x2007 || cp === 0x202f || cp === 0x2060 || cp === 0xfeff) return NBSP;
  if ((cp >= 0x2000 && cp <= 0x200b) || cp === 0x1680 || cp === 0x205f) return SPACE;
  // Hyphens and the en dash join numbers and words ("2019–2023"), so they glue like ASCII '-'.
  if (cp >= 0x2010 && cp <= 0x2013) return GLUE;
  if (cp === 0x00b7) return IDEO; // 间隔号 in names (艾萨克·牛顿) sits between ideographs
  if (cp < 0x1100) return GLUE;
  if (cp <= 0x11ff) return IDEO; // hangul jamo
  if (cp >= 0x2014 && cp <= 0x205e) return IDEO; // dashes, quotes, ellipsis, ‰ — full-width in CJK fonts
  if (cp >= 0x2100 && cp <= 0x2bff) return IDEO; // ℃, roman numerals, arrows, math, ①, shapes, symbols
  if (cp >= 0x2e80 && cp <= 0xa4cf) return IDEO; // CJK radicals, punctuation, kana, bopomofo, ideographs, Yi
  if (cp >= 0xa960 && cp <= 0xa97f) return IDEO; // hangul jamo extended-A
  if (cp >= 0xac00 && cp <= 0xd7ff) return IDEO; // hangul syllables, jamo extended-B
  if (cp >= 0xf900 && cp <= 0xfaff) return IDEO; // CJK compatibility ideographs
  if (cp >= 0xfe10 && cp <= 0xfe1f) return IDEO; // vertical forms
  if (cp >= 0xfe30 && cp <= 0xfe6f) return IDEO; // CJK compatibility and small forms
  if (cp >= 0xff00 && cp <= 0xffef) return IDEO; // full-width and half-width forms
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return GLUE; // regional indicators: keep a flag's pair together
  if (cp >= 0x1f000 && cp <= 0x1faff) return IDEO; // emoji and pictographs
  if (cp >= 0x20000 && cp <= 0x3ffff) return IDEO; // CJK extension ideographs
  return GLUE; // other alphabets (Latin-1, Greek, Cyrillic, …) form words
}

/** The class byte of a code point; `prevClass` is the previous code point's, for clusters to inherit. */
function classify(cp: number, prevClass: number): number {
  if (cp < 0x80) return ASCII_CLASS[cp] ?? GLUE;
  if (cp >= 0x4e00 && cp <= 0x9fff) return IDEO; // fast path: the bulk of every report
  if (isAttaching(cp)) return attachedClass(cp, prevClass);
  const flags =
    (NO_START_SET.has(cp) ? NO_START : 0) |
    (NO_END_SET.has(cp) ? NO_END : 0) |
    (CONNECT_SET.has(cp) ? CONNECT : 0) |
    (CLOSE_BRACKET_SET.has(cp) ? CLOSE_BRACKET : 0);
  return kindOf(cp) | flags;
}

/** An attaching mark takes its base's kind and no-end flag, so the cluster breaks like its base. */
function attachedClass(cp: number, prevClass: number): number {
  const baseKind = prevClass & KIND_MASK;
  const kind = baseKind === SPACE || baseKind === NEWLINE || prevClass < 0 ? GLUE : baseKind;
  const joins = cp === 0x200d ? NO_END : 0; // ZWJ also forbids a break after it (emoji sequences)
  return kind | (prevClass >= 0 ? prevClass & NO_END : 0) | joins | ATTACH;
}

const isDigit = (cp: number) => cp >= 0x30 && cp <= 0x39;
/** A letter or digit of a run: ASCII alphanumerics and the other alphabets' letters. */
const isWordChar = (cp: number) => isDigit(cp) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp >= 0xc0;

/**
 * The break allowed inside a Latin run between `prevCp` and `cp` (`beforeCp` precedes `prevCp`, -1
 * at the run start): only after a separator followed by a letter or digit, so no line starts with
 * '.', '-' or '/', and never between two letters or two digits.
 */
function breakInRun(beforeCp: number, prevCp: number, cp: number): number {
  if (!URL_POINT_SET.has(prevCp) || !isWordChar(cp)) return EMERGENCY;
  if (prevCp === 0x2f && beforeCp === 0x2f) return EMERGENCY; // "http://" stays with the host
  const betweenDigits = isDigit(beforeCp) && isDigit(cp);
  if (prevCp === 0x2e) return betweenDigits ? EMERGENCY : SOFT; // 12.5 and 192.168.0.1 are numbers
  if (prevCp === 0x2d || (prevCp >= 0x2010 && prevCp <= 0x2013)) return betweenDigits ? NUMERIC : SOFT;
  return SOFT;
}

/**
 * The break allowed between a non-space code point of class `prev` and the next non-space one, `cur`
 * (code points `prevCp`, `cp`; `beforeCp` before `prevCp` in the same run, or -1).
 */
function breakBetween(prev: number, cur: number, spaced: boolean, beforeCp: number, prevCp: number, cp: number): number {
  if (cur & (ATTACH | NO_START) || prev & NO_END) return NONE;
  if (spaced) return RULE;
  const prevKind = prev & KIND_MASK;
  const curKind = cur & KIND_MASK;
  if (prevKind === NBSP || curKind === NBSP) return EMERGENCY;
  if (prevKind === GLUE && curKind === GLUE) return breakInRun(beforeCp, prevCp, cp);
  return RULE;
}

/**
 * Whether justification may widen the gap between adjacent code points of classes `prev` and `cur`:
 * between ideographs and punctuation, at CJK/Latin boundaries and around spaces, but never inside a
 * word or number ("1 2 3"), before a combining mark, inside —— and ……, or between a bracket or quote
 * and what it encloses (（http://…） stays tight).
 */
function stretchBetween(prev: number, cur: number): boolean {
  if (cur & (ATTACH | CLOSE_BRACKET) || prev & NO_END || prev & cur & CONNECT) return false;
  return (prev & KIND_MASK) !== GLUE || (cur & KIND_MASK) !== GLUE;
}

/** `stretchBetween` for two code points, for drawing a line the breaker set. */
export function gapStretches(prevCp: number, cp: number): boolean {
  return stretchBetween(classify(prevCp, -1), classify(cp, -1));
}

// ---------------------------------------------------------------------------------------------
// Pass 1: code points, their widths, classes and the break allowed before each.

/** Per-code-point arrays of one paragraph. */
interface Measured {
  count: number;
  /** Code-unit offset of each code point, plus text.length at [count]. */
  offset: Int32Array;
  advance: Float64Array;
  cls: Uint8Array;
  /** The break kind before each non-space code point (NONE for spaces, newlines and first characters). */
  breakBefore: Uint8Array;
  /** 1 where justification may widen the gap before the code point (see `stretchBetween`). */
  stretchBefore: Uint8Array;
}

function measure(text: string, advance: (char: string) => number): Measured {
  const offset = new Int32Array(text.length + 1);
  const widths = new Float64Array(text.length);
  const cls = new Uint8Array(text.length);
  const breakBefore = new Uint8Array(text.length);
  const stretchBefore = new Uint8Array(text.length);
  let count = 0;
  let prevClass = -1;
  let lastContent = -1; // class index of the last non-space code point since the last '\n'
  let spaced = false;
  let prevCp = -1; // the last two non-space code points of the current run (-1 across a space)
  let beforeCp = -1;
  for (let at = 0; at < text.length;) {
    const cp = text.codePointAt(at) ?? 0;
    const size = cp > 0xffff ? 2 : 1;
    const c = classify(cp, prevClass);
    const kind = c & KIND_MASK;
    offset[count] = at;
    cls[count] = c;
    if (kind === NEWLINE) {
      lastContent = -1;
      spaced = false;
      prevCp = beforeCp = -1;
    } else {
      widths[count] = advance(size === 1 ? text.charAt(at) : text.slice(at, at + 2));
      if (prevClass >= 0 && stretchBetween(prevClass, c)) stretchBefore[count] = 1;
      if (kind === SPACE) {
        spaced = true;
        prevCp = beforeCp = -1;
      } else {
        if (lastContent >= 0) breakBefore[count] = breakBetween(cls[lastContent] ?? 0, c, spaced, beforeCp, prevCp, cp);
        lastContent = count;
        spaced = false;
        beforeCp = prevCp;
        prevCp = cp;
      }
    }
    prevClass = c;
    count += 1;
    at += size;
  }
  offset[count] = text.length;
  return { count, offset, advance: widths, cls, breakBefore, stretchBefore };
}

// ---------------------------------------------------------------------------------------------
// Pass 2: greedy filling.

/**
 * Whether the unbreakable stretch starting at code point `from` (up to the next opportunity that is
 * not a last resort) fits on an empty full-width line. If it does not, pushing it down is pointless.
 */
function stretchFits(m: Measured, from: number, widthPt: number): boolean {
  let sum = 0;
  for (let k = from; k < m.count; k++) {
    const kind = (m.cls[k] ?? 0) & KIND_MASK;
    if (kind === NEWLINE || (k > from && kind !== SPACE && (m.breakBefore[k] ?? NONE) > EMERGENCY)) return true;
    sum += m.advance[k] ?? 0;
    if (kind !== SPACE && !fitsIn(sum, widthPt)) return false;
  }
  return true;
}

/** The last code point in (lineStart, at] that starts a cluster: where a last-resort break may go. */
function clusterStart(m: Measured, lineStart: number, at: number): number {
  let k = at;
  while (k > lineStart + 1 && (m.cls[k] ?? 0) & ATTACH) k -= 1;
  return k;
}

/** The end of the shown content of a line broken before `at`: trailing spaces dropped. */
function contentEndBefore(m: Measured, lineStart: number, at: number): number {
  let k = at;
  while (k > lineStart && ((m.cls[k - 1] ?? 0) & KIND_MASK) === SPACE) k -= 1;
  return k;
}

/** The Line for code points [from, to). */
function makeLine(m: Measured, from: number, to: number, justify: boolean): Line {
  let width = 0;
  let stretches = 0;
  for (let k = from; k < to; k++) {
    width += m.advance[k] ?? 0;
    if (k > from) stretches += m.stretchBefore[k] ?? 0;
  }
  return { start: m.offset[from] ?? 0, end: m.offset[to] ?? 0, width, gaps: Math.max(0, to - from - 1), stretches, justify };
}

/**
 * How far each gap of a justified line [from, to) opens to fill `available` (pt). A line without
 * gaps that may stretch is spread over all its gaps (drawLine does the same), a lone character is
 * as loose as a line can be.
 */
function spread(m: Measured, from: number, to: number, available: number): number {
  const line = makeLine(m, from, to, true);
  const gaps = line.stretches || line.gaps;
  return gaps > 0 ? (available - line.width) / gaps : Infinity;
}

/** One filled line: content [start, end), the next line starting at `next`; `hard` when ended by '\n' or the text end. */
interface Fill {
  start: number;
  end: number;
  next: number;
  hard: boolean;
}

/** Fills one line from code point `start` into `available` pt (`widthPt` is a full line, `emPt` the em). */
function fillLine(m: Measured, start: number, available: number, widthPt: number, emPt: number): Fill {
  let used = 0; // width of code points [start, i), spaces included
  let contentEnd = start; // end of the last non-space code point on the line
  // The latest opportunity of at least each kind (so ruleAt <= softAt <= numericAt <= emergencyAt).
  const latest = { rule: -1, soft: -1, numeric: -1, emergency: -1 };
  for (let i = start; i < m.count; i++) {
    const kind = (m.cls[i] ?? 0) & KIND_MASK;
    const w = m.advance[i] ?? 0;
    if (kind === NEWLINE) return { start, end: contentEnd, next: i + 1, hard: true };
    if (kind === SPACE) {
      // A space never overflows: at a line end it is dropped.
      used += w;
      continue;
    }
    if (contentEnd > start) {
      // An opportunity needs something before it on this line, or the line would be empty.
      const before = m.breakBefore[i] ?? NONE;
      if (before >= RULE) latest.rule = i;
      if (before >= SOFT) latest.soft = i;
      if (before >= NUMERIC) latest.numeric = i;
      if (before !== NONE) latest.emergency = i;
    }
    if (!fitsIn(used + w, available) && i > start) {
      const at = chooseBreak(m, start, i, latest, available, widthPt, emPt);
      return { start, end: contentEndBefore(m, start, at), next: at, hard: false };
    }
    used += w;
    contentEnd = i + 1;
  }
  return { start, end: contentEnd, next: m.count, hard: true };
}

/**
 * Where to break a line that overflows at code point `overflow`. The latest normal opportunity,
 * unless the line would then be loose and a Latin run offers a later point (a URL separator beyond
 * 1/8 em a gap, a number's hyphen beyond LOOSE_EM). An opportunity is passed over when what follows it
 * cannot fit on a whole line anyway (a run longer than a line); with none left, the line is filled
 * up to the latest last-resort opportunity, or broken before the overflowing cluster.
 */
function chooseBreak(
  m: Measured,
  start: number,
  overflow: number,
  latest: { rule: number; soft: number; numeric: number; emergency: number },
  available: number,
  widthPt: number,
  emPt: number,
): number {
  const viable = (at: number) => at >= 0 && (latest.emergency <= at || stretchFits(m, at, widthPt));
  let pick = viable(latest.rule) ? latest.rule : -1;
  const looserThan = (em: number) => pick < 0 || spread(m, start, contentEndBefore(m, start, pick), available) > em * emPt;
  if (latest.soft > pick && viable(latest.soft) && looserThan(SOFT_EM)) pick = latest.soft;
  if (latest.numeric > pick && viable(latest.numeric) && looserThan(LOOSE_EM)) pick = latest.numeric;
  if (pick >= 0) return pick;
  if (latest.emergency >= 0) return latest.emergency;
  return clusterStart(m, start, overflow);
}

/** A line showing at most one character besides the marks 避头 keeps with it ("开。"). */
function isLone(m: Measured, fill: Fill): boolean {
  let chars = 0;
  for (let k = fill.start; k < fill.end; k++) {
    const c = m.cls[k] ?? 0;
    if (!(c & (NO_START | ATTACH)) && (c & KIND_MASK) !== SPACE) chars += 1;
  }
  return chars === 1;
}

/**
 * Two lines for `prev` + `last` in place of a lone last line: `prev` refilled with just under its
 * width, so its break moves back to the opportunity before, when the rest then fits on one line and
 * `prev` does not turn loose. Null when that is impossible (a run that will not move).
 */
function pullDown(m: Measured, prev: Fill, last: Fill, prevAvailable: number, widthPt: number, emPt: number): [Fill, Fill] | null {
  const width = makeLine(m, prev.start, prev.end, true).width;
  const first = fillLine(m, prev.start, width - 2 * LAYOUT_TOLERANCE_PT, widthPt, emPt);
  // Only a normal break or a URL separator may move: a number or word is not split to save a line end.
  if (first.hard || first.end <= prev.start || (m.breakBefore[first.next] ?? NONE) < SOFT) return null;
  if (spread(m, first.start, first.end, prevAvailable) > LOOSE_EM * emPt) return null;
  const second = fillLine(m, first.next, widthPt, widthPt, emPt);
  return second.hard && second.next === last.next ? [first, second] : null;
}

/**
 * Breaks `text` into lines of at most `widthPt` (the first line `widthPt - firstIndentPt`).
 * `advance(char)` gives the advance width in pt of one character (one code point, as a string);
 * `emPt`, the font size, is the unit in which a line's looseness is judged.
 */
export function breakLines(text: string, advance: (char: string) => number, widthPt: number, firstIndentPt = 0, emPt = 16): Line[] {
  if (text.length === 0) return [];
  const m = measure(text, advance);
  const fills: Fill[] = [];
  let prevAvailable = widthPt;
  let available = widthPt - firstIndentPt;
  for (let start = 0; start < m.count;) {
    const fill = fillLine(m, start, available, widthPt, emPt);
    const prev = fills[fills.length - 1];
    const pulled = fill.hard && prev && !prev.hard && isLone(m, fill) ? pullDown(m, prev, fill, prevAvailable, widthPt, emPt) : null;
    if (pulled) fills.splice(fills.length - 1, 1, ...pulled);
    else fills.push(fill);
    start = fill.next;
    prevAvailable = available;
    available = widthPt;
  }
  return fills.map((f) => makeLine(m, f.start, f.end, !f.hard));
}
