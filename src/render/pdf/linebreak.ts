/**
 * Stage 4 (render/pdf): breaks a paragraph into lines for the PDF renderer, following Chinese
 * line-breaking practice (GB/T 15834, W3C clreq): any two ideographs may be split, 避头尾 keeps
 * closing marks off the start of a line and opening marks off its end, and Latin/digit runs
 * (URLs, phone numbers, years, percentages) stay whole unless they cannot fit on any line.
 *
 * Greedy first-fit in two passes over the code points: the first classifies each one and
 * measures it (calling `advance` exactly once per code point); the second fills lines and, on
 * overflow, moves the break back to the latest allowed opportunity. Pure.
 */

/** One laid-out line: the code-unit range [start, end) of the paragraph text it shows. */
export interface Line {
  start: number;
  end: number;
  /** Natural width in pt of the characters in the line (trailing spaces excluded). */
  width: number;
  /** Number of gaps between the line's characters (code points − 1, trailing spaces excluded). */
  gaps: number;
  /** True for every line but the last of the paragraph (and lines ended by a forced break '\n'): it is justified. */
  justify: boolean;
}

/** Widths are sums of floats (15.79 × 28); a strict comparison would reject lines that fit exactly. */
const EPS = 1e-6;

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

/** Break kinds between two adjacent non-space code points. */
const NONE = 0;
/** Allowed only when nothing better exists: inside a Latin run that is wider than any line. */
const EMERGENCY = 1;
/** A normal break opportunity. */
const RULE = 2;

const codePoints = (chars: string): Set<number> => new Set(Array.from(chars, (c) => c.codePointAt(0) ?? 0));

/** 避头 (GB/T 15834, clreq): closing brackets and quotes, sentence and pause marks, dashes, ellipses, unit signs. */
const NO_START_CHARS =
  '，。、；：？！）》」』】〕〉〗〙〛〞〟］｝｠｣．｡､﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞' + // CJK and full-width closing / pause marks
  '…⋯‥—―·・’”' + // ellipses and dashes (so ……/—— pairs never split), interpuncts, closing quotes
  '％‰‱℃℉°′″‼⁇⁈⁉'; // signs that follow a number, doubled marks
/** 避尾: opening brackets and quotes; full-width currency signs, which precede the amount. */
const NO_END_CHARS = '（《「『【〔〈〖〘〚〝［｛｟｢﹙﹛﹝“‘￥＄';
const ASCII_NO_START = ',.;:?!)]}%';
const ASCII_NO_END = '([{';

const NO_START_SET = codePoints(NO_START_CHARS);
const NO_END_SET = codePoints(NO_END_CHARS);

/** Class bytes of the ASCII range, looked up directly (the common case for digits and URLs). */
const ASCII_CLASS: Uint8Array = buildAsciiClasses();

function buildAsciiClasses(): Uint8Array {
  const table = new Uint8Array(128).fill(GLUE);
  for (const c of ' \t\r\v\f') table[c.charCodeAt(0)] = SPACE;
  table[0x0a] = NEWLINE;
  for (const c of ASCII_NO_START) table[c.charCodeAt(0)] = GLUE | NO_START;
  for (const c of ASCII_NO_END) table[c.charCodeAt(0)] = GLUE | NO_END;
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
  const flags = (NO_START_SET.has(cp) ? NO_START : 0) | (NO_END_SET.has(cp) ? NO_END : 0);
  return kindOf(cp) | flags;
}

/** An attaching mark takes its base's kind and no-end flag, so the cluster breaks like its base. */
function attachedClass(cp: number, prevClass: number): number {
  const baseKind = prevClass & KIND_MASK;
  const kind = baseKind === SPACE || baseKind === NEWLINE || prevClass < 0 ? GLUE : baseKind;
  const joins = cp === 0x200d ? NO_END : 0; // ZWJ also forbids a break after it (emoji sequences)
  return kind | (prevClass >= 0 ? prevClass & NO_END : 0) | joins | ATTACH;
}

/** The break allowed between a non-space code point of class `prev` and the next non-space one, `cur`. */
function breakBetween(prev: number, cur: number, spaced: boolean): number {
  if (cur & (ATTACH | NO_START) || prev & NO_END) return NONE;
  if (spaced) return RULE;
  const prevKind = prev & KIND_MASK;
  const curKind = cur & KIND_MASK;
  if (prevKind === NBSP || curKind === NBSP) return EMERGENCY;
  if (prevKind === GLUE && curKind === GLUE) return EMERGENCY;
  return RULE;
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
}

function measure(text: string, advance: (char: string) => number): Measured {
  const offset = new Int32Array(text.length + 1);
  const widths = new Float64Array(text.length);
  const cls = new Uint8Array(text.length);
  const breakBefore = new Uint8Array(text.length);
  let count = 0;
  let prevClass = -1;
  let lastContent = -1; // class index of the last non-space code point since the last '\n'
  let spaced = false;
  for (let at = 0; at < text.length; ) {
    const cp = text.codePointAt(at) ?? 0;
    const size = cp > 0xffff ? 2 : 1;
    const c = classify(cp, prevClass);
    const kind = c & KIND_MASK;
    offset[count] = at;
    cls[count] = c;
    if (kind === NEWLINE) {
      lastContent = -1;
      spaced = false;
    } else {
      widths[count] = advance(size === 1 ? text.charAt(at) : text.slice(at, at + 2));
      if (kind === SPACE) spaced = true;
      else {
        if (lastContent >= 0) breakBefore[count] = breakBetween(cls[lastContent] ?? 0, c, spaced);
        lastContent = count;
        spaced = false;
      }
    }
    prevClass = c;
    count += 1;
    at += size;
  }
  offset[count] = text.length;
  return { count, offset, advance: widths, cls, breakBefore };
}

// ---------------------------------------------------------------------------------------------
// Pass 2: greedy filling.

/**
 * Whether the unbreakable stretch starting at code point `from` (up to the next normal break
 * opportunity) fits on an empty full-width line. If it does not, pushing it down is pointless.
 */
function stretchFits(m: Measured, from: number, widthPt: number): boolean {
  let sum = 0;
  for (let k = from; k < m.count; k++) {
    const kind = (m.cls[k] ?? 0) & KIND_MASK;
    if (kind === NEWLINE || (k > from && kind !== SPACE && m.breakBefore[k] === RULE)) return true;
    sum += m.advance[k] ?? 0;
    if (kind !== SPACE && sum > widthPt + EPS) return false;
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
  for (let k = from; k < to; k++) width += m.advance[k] ?? 0;
  return { start: m.offset[from] ?? 0, end: m.offset[to] ?? 0, width, gaps: Math.max(0, to - from - 1), justify };
}

/**
 * Breaks `text` into lines of at most `widthPt` (the first line `widthPt - firstIndentPt`).
 * `advance(char)` gives the advance width in pt of one character (one code point, as a string).
 */
export function breakLines(text: string, advance: (char: string) => number, widthPt: number, firstIndentPt = 0): Line[] {
  if (text.length === 0) return [];
  const m = measure(text, advance);
  const lines: Line[] = [];
  let available = widthPt - firstIndentPt;
  let start = 0; // first code point of the current line
  let used = 0; // width of code points [start, i), spaces included
  let contentEnd = 0; // end of the last non-space code point on the line
  let ruleAt = -1; // latest normal break opportunity on the line
  let emergencyAt = -1; // latest opportunity allowed inside a Latin run

  const beginLine = (at: number) => {
    start = at;
    used = 0;
    contentEnd = at;
    ruleAt = -1;
    emergencyAt = -1;
    available = widthPt;
  };

  for (let i = 0; i < m.count; ) {
    const c = m.cls[i] ?? 0;
    const kind = c & KIND_MASK;
    const w = m.advance[i] ?? 0;
    if (kind === NEWLINE) {
      lines.push(makeLine(m, start, contentEnd, false));
      beginLine(i + 1);
      i += 1;
      continue;
    }
    if (kind === SPACE) {
      // A space never overflows: at a line end it is dropped.
      used += w;
      i += 1;
      continue;
    }
    if (contentEnd > start) {
      // An opportunity needs something before it on this line, or the line would be empty.
      const kindBefore = m.breakBefore[i] ?? NONE;
      if (kindBefore === RULE) ruleAt = i;
      if (kindBefore !== NONE) emergencyAt = i;
    }
    if (used + w > available + EPS && i > start) {
      const at = chooseBreak(m, start, i, ruleAt, emergencyAt, widthPt);
      lines.push(makeLine(m, start, contentEndBefore(m, start, at), true));
      beginLine(at);
      i = at;
      continue;
    }
    used += w;
    contentEnd = i + 1;
    i += 1;
  }
  if (start < m.count) lines.push(makeLine(m, start, contentEnd, false));
  return lines;
}

/**
 * Where to break a line that overflows at code point `overflow`: the latest normal opportunity,
 * unless what follows it cannot fit on a whole line anyway (a long URL), in which case the line
 * is filled up to the latest emergency opportunity; with neither, before the overflowing cluster.
 */
function chooseBreak(m: Measured, start: number, overflow: number, ruleAt: number, emergencyAt: number, widthPt: number): number {
  if (ruleAt >= 0 && (emergencyAt <= ruleAt || stretchFits(m, ruleAt, widthPt))) return ruleAt;
  if (emergencyAt >= 0) return emergencyAt;
  return clusterStart(m, start, overflow);
}
