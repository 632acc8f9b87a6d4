/**
 * Stage 4 (render/pdf): breaks a paragraph into lines for the PDF renderer, following Chinese
 * line-breaking practice (GB/T 15834, W3C clreq): any two ideographs may be split, 避头尾 keeps
 * closing marks off the start of a line and opening marks off its end, and Latin/digit runs
 * (words, numbers, URLs, e-mail addresses) are never split between two letters or two digits.
 *
 * The breaks of a whole paragraph are chosen together (total fit, after Knuth and Plass): a dynamic
 * program over the legal break points finds the lines whose justification adds the least space
 * between characters (the sum of the squared added spaces), so a run that must move down takes
 * characters from the lines before it instead of leaving one line letter-spaced. A line may open its
 * gaps by MAX_ADDED_EM at most where any choice of breaks allows it.
 * - URLs, e-mail addresses and phone numbers (runs.ts) are never broken when they fit on a line; a
 *   longer URL breaks after a separator of its path or query (/ . ? & = - _ #), at a cost, never in
 *   its host.
 * - Other Latin runs break after / . - _ ? & = @ # followed by a letter or digit (so no line starts
 *   with '.' or '-'), at a cost, never in "http://", a decimal (12.5, 192.168.0.1) or a number's
 *   hyphen (2019-2023, a phone number's).
 * - Anywhere in a run only when the run is wider than a whole line (last resort).
 * A paragraph does not end on a line of one character ("开。") if a line before can give it one.
 *
 * Two passes over the code points: the first classifies each one and measures it (calling `advance`
 * exactly once per code point); the second is the dynamic program, O(code points × one line's code
 * points). Pure.
 */
import { fitsIn, LAYOUT_TOLERANCE_PT } from './fit';
import { keptRuns } from '../../model/kept-runs';

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
  /** The line ends inside a run (a long URL, a last-resort break): a page must not break after it. */
  joined: boolean;
}

/** The most space justification should add between two characters (em): more and a line looks letter-spaced. */
export const MAX_ADDED_EM = 0.15;

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
/** Allowed only when nothing better exists: inside a run that is wider than any line. */
const EMERGENCY = 1;
/** After a separator of a Latin run or of a long URL's path: at a cost. */
const SOFT = 2;
/** A normal break opportunity. */
const RULE = 3;

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
  // A number's hyphen (0795-3668066, 2019-2023) joins one number.
  if (prevCp === 0x2d || (prevCp >= 0x2010 && prevCp <= 0x2013)) return betweenDigits ? EMERGENCY : SOFT;
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

function measure(text: string, advance: (char: string) => number, widthPt: number): Measured {
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
  const m = { count, offset, advance: widths, cls, breakBefore, stretchBefore };
  keepRuns(m, text, widthPt);
  return m;
}

/**
 * Takes the break opportunities out of URLs, e-mail addresses and phone numbers (last resorts only,
 * for a run wider than a line); a URL wider than a line keeps those after a separator past its host.
 */
function keepRuns(m: Measured, text: string, widthPt: number): void {
  let k = 0;
  for (const run of keptRuns(text)) {
    while (k < m.count && (m.offset[k] ?? 0) < run.start) k += 1;
    const first = k;
    let width = 0;
    while (k < m.count && (m.offset[k] ?? 0) < run.end) width += m.advance[k++] ?? 0;
    const long = !fitsIn(width, widthPt);
    // A host wider than a line (no real one is) breaks at its dots too.
    let hostWidth = 0;
    for (let j = first; j < k && (m.offset[j] ?? 0) < run.hostEnd; j++) hostWidth += m.advance[j] ?? 0;
    const from = fitsIn(hostWidth, widthPt) ? run.hostEnd : run.start;
    for (let j = first + 1; j < k; j++) {
      const kind = m.breakBefore[j] ?? NONE;
      const separator = long && run.hostEnd >= 0 && (m.offset[j - 1] ?? 0) >= from && kind === SOFT;
      if (kind > EMERGENCY && !separator) m.breakBefore[j] = EMERGENCY;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Pass 2: total fit.

/** What a break of each kind costs, in the units of `lineCost` (1000 = one em² of added space). */
const BREAK_COST = [0, 1e12, 300, 0];
/** What each line costs: among equally tight settings, the one with fewer lines. */
const LINE_COST = 10;
/** A paragraph's last line of one character ("开。"), when a line before could give it one. */
const LONE_COST = 2000;
/** A line whose gaps open past MAX_ADDED_EM: worse than any break but a last resort. */
const LOOSE_COST = 1e5;
/**
 * The most code points one line is searched for: far more than any line of visible characters holds
 * (442 pt / 256 < 2 pt a character), so it binds only on runs of zero-width marks, which it keeps linear.
 */
const MAX_LINE_CODE_POINTS = 256;

/**
 * How drawLine spreads `slack` pt over a line's `gaps` gaps, of which `stretches` may widen
 * (between CJK characters, at CJK/Latin boundaries): those take it up to `capPt` (MAX_ADDED_EM),
 * then the others (inside words, numbers, URLs) share the rest up to the cap too, a faint
 * letter-spacing. No gap opens past the cap: a line that would need more (before a word or an
 * address that could not be split) ends short of the margin rather than show holes.
 * Returns the space added to every gap (`even`) and to a widening gap besides (`stretch`).
 */
export function spreadSlack(slack: number, gaps: number, stretches: number, capPt: number): { stretch: number; even: number } {
  if (slack <= 0 || gaps === 0) return { stretch: 0, even: 0 };
  if (stretches > 0 && slack <= capPt * stretches) return { stretch: slack / stretches, even: 0 };
  const others = gaps - stretches;
  const even = Math.min(capPt, (slack - capPt * stretches) / others);
  return { stretch: stretches > 0 ? capPt - even : 0, even };
}

/** Prefix sums of the measured widths and stretchable gaps, so a line's are two subtractions. */
interface Sums {
  width: Float64Array;
  stretch: Int32Array;
}

function sums(m: Measured): Sums {
  const width = new Float64Array(m.count + 1);
  const stretch = new Int32Array(m.count + 1);
  for (let k = 0; k < m.count; k++) {
    width[k + 1] = (width[k] ?? 0) + (m.advance[k] ?? 0);
    stretch[k + 1] = (stretch[k] ?? 0) + (m.stretchBefore[k] ?? 0);
  }
  return { width, stretch };
}

/** The cost of a justified line [from, to) set in `available` pt. */
function lineCost(m: Measured, s: Sums, from: number, to: number, available: number, emPt: number): number {
  const gaps = to - from - 1;
  const stretches = (s.stretch[to] ?? 0) - (s.stretch[from + 1] ?? 0);
  const slack = available - ((s.width[to] ?? 0) - (s.width[from] ?? 0));
  // One character alone cannot be justified: as loose as a line can be.
  if (gaps <= 0) return LINE_COST + (slack <= LAYOUT_TOLERANCE_PT ? 0 : 100 * LOOSE_COST);
  const cap = MAX_ADDED_EM * emPt;
  const { stretch, even } = spreadSlack(slack, gaps, stretches, cap);
  const squares = (stretches * (stretch + even) ** 2 + (gaps - stretches) * even ** 2) / (emPt * emPt);
  // What the gaps cannot take is left blank at the line end: worse than any spacing.
  const short = (slack - stretches * stretch - gaps * even) / emPt;
  return LINE_COST + 1000 * squares + (short > 1e-6 ? LOOSE_COST * (1 + short * short) : 0);
}

/** A line showing at most one character besides the marks 避头 keeps with it ("开。"). */
function isLone(m: Measured, from: number, to: number): boolean {
  let chars = 0;
  for (let k = from; k < to; k++) {
    const c = m.cls[k] ?? 0;
    if (!(c & (NO_START | ATTACH)) && (c & KIND_MASK) !== SPACE) chars += 1;
  }
  return chars === 1;
}

/** The last code point in (lineStart, at] that starts a cluster: where a last-resort break may go. */
function clusterStart(m: Measured, lineStart: number, at: number): number {
  let k = at;
  while (k > lineStart + 1 && (m.cls[k] ?? 0) & ATTACH) k -= 1;
  return k;
}

/**
 * The lines of the code points [first, last) (no '\n' inside), the first set in `firstAvailable` pt,
 * the others in `widthPt`, as [start, content end, next start] triples.
 */
function breakSegment(m: Measured, s: Sums, first: number, last: number, firstAvailable: number, widthPt: number, emPt: number): [number, number, number][] {
  const size = last - first + 1;
  const cost = new Float64Array(size).fill(Infinity);
  const from = new Int32Array(size).fill(-1);
  const contentEnd = new Int32Array(size);
  cost[0] = 0;
  const relax = (at: number, start: number, end: number, value: number) => {
    // Of two settings equally good (up to float noise), the later previous break: fuller lines first.
    if (value <= (cost[at - first] ?? Infinity) + 1e-6) {
      cost[at - first] = value;
      from[at - first] = start;
      contentEnd[at - first] = end;
    }
  };
  const loose = MAX_ADDED_EM * emPt;
  // A line whose gaps would open past the cap even if all could widen is tried only as the latest
  // break of its kind (as first-fit would take it): the others cannot be part of a good setting.
  const latestAt = new Int32Array(BREAK_COST.length);
  const latestEnd = new Int32Array(BREAK_COST.length);
  for (let start = first; start < last; start++) {
    const base = cost[start - first] ?? Infinity;
    if (base === Infinity) continue;
    const available = start === first ? firstAvailable : widthPt;
    const startWidth = s.width[start] ?? 0;
    latestAt.fill(-1);
    let end = start; // end of the last non-space code point so far
    let relaxed = false;
    let k = start;
    for (; k < last && k - start < MAX_LINE_CODE_POINTS; k++) {
      if (((m.cls[k] ?? 0) & KIND_MASK) === SPACE) continue;
      const before = m.breakBefore[k] ?? NONE;
      if (before !== NONE && end > start) {
        relaxed = true;
        if (available - ((s.width[end] ?? 0) - startWidth) <= loose * (end - start - 1) + LAYOUT_TOLERANCE_PT) {
          relax(k, start, end, base + lineCost(m, s, start, end, available, emPt) + (BREAK_COST[before] ?? 0));
          latestAt[before] = -1;
        } else {
          latestAt[before] = k;
          latestEnd[before] = end;
        }
      }
      if (k > start && !fitsIn((s.width[k + 1] ?? 0) - startWidth, available)) break;
      end = k + 1;
    }
    for (let kind = 0; kind < latestAt.length; kind++) {
      const at = latestAt[kind] ?? -1;
      if (at >= 0) relax(at, start, latestEnd[kind] ?? at, base + lineCost(m, s, start, latestEnd[kind] ?? at, available, emPt) + (BREAK_COST[kind] ?? 0));
    }
    if (k >= last) {
      const lone = start > first && isLone(m, start, end) ? LONE_COST : 0;
      relax(last, start, end, base + LINE_COST + lone);
    } else if (!relaxed) {
      // Nothing fits before the overflow: break before the overflowing cluster.
      const at = clusterStart(m, start, k);
      relax(at, start, at, base + lineCost(m, s, start, at, available, emPt) + (BREAK_COST[EMERGENCY] ?? 0));
    }
  }
  const lines: [number, number, number][] = [];
  for (let at = last; at > first; at = from[at - first] ?? first) lines.push([from[at - first] ?? first, contentEnd[at - first] ?? at, at]);
  return lines.reverse();
}

/** The Line for code points [from, to), followed by the line at `next`. */
function makeLine(m: Measured, s: Sums, from: number, to: number, next: number, justify: boolean): Line {
  return {
    start: m.offset[from] ?? 0,
    end: m.offset[to] ?? 0,
    width: (s.width[to] ?? 0) - (s.width[from] ?? 0),
    gaps: Math.max(0, to - from - 1),
    stretches: Math.max(0, (s.stretch[to] ?? 0) - (s.stretch[from + 1] ?? 0)),
    justify,
    joined: justify && (m.breakBefore[next] ?? NONE) < RULE,
  };
}

/**
 * Breaks `text` into lines of at most `widthPt` (the first line `widthPt - firstIndentPt`).
 * `advance(char)` gives the advance width in pt of one character (one code point, as a string);
 * `emPt`, the font size, is the unit in which a line's looseness is judged.
 */
export function breakLines(text: string, advance: (char: string) => number, widthPt: number, firstIndentPt = 0, emPt = 16): Line[] {
  if (text.length === 0) return [];
  const m = measure(text, advance, widthPt);
  const s = sums(m);
  const lines: Line[] = [];
  for (let first = 0; first < m.count;) {
    let last = first;
    while (last < m.count && ((m.cls[last] ?? 0) & KIND_MASK) !== NEWLINE) last += 1;
    if (last === first) lines.push(makeLine(m, s, first, first, first, false));
    else {
      const segment = breakSegment(m, s, first, last, first === 0 ? widthPt - firstIndentPt : widthPt, widthPt, emPt);
      segment.forEach(([start, end, next], i) => lines.push(makeLine(m, s, start, end, next, i < segment.length - 1)));
    }
    first = last + 1;
  }
  return lines;
}
