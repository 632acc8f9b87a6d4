/**
 * Breaking the title and the signature's organ name into lines by meaning (GB/T 9704-2012 7.3.1:
 * 回行时要做到词意完整、排列对称、长短适宜): only between words of an organ's name — after an
 * administrative unit (…省 / …市 / …开发区 / …人民政府 / …委员会) — before the year, and before
 * 政府信息公开工作年度报告; lines as even as possible; never a line of one character.
 * Widths are estimated in full-width characters; the renderers measure and never draw past the
 * type area whatever the estimate.
 */

/** The fixed ending of every report title. */
const REPORT_NAME = '政府信息公开工作年度报告';

/**
 * Unit names after which an organ's name may break, longest first. Some single characters end a
 * unit only when they are not part of a common word (城市, 社区, 城乡 …).
 */
const UNIT_ENDINGS = [
  '人民代表大会常务委员会',
  '特别行政区',
  '管理委员会',
  '人民政府',
  '委员会',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '办公厅',
  '办公室',
  '开发区',
  '管理局',
  '街道',
  '省',
  '市',
  '州',
  '盟',
  '县',
  '区',
  '旗',
  '乡',
  '镇',
  '局',
  '厅',
];
/** Words whose last character looks like a unit ending but is not one. */
const NOT_UNITS = ['城市', '都市', '超市', '城区', '社区', '园区', '景区', '片区', '山区', '林区', '牧区', '库区', '城乡', '城镇', '乡镇', '药品'];

/** Width in full-width characters in the official faces (仿宋_GB2312 …), where digits and Latin are half-width. */
export function fullWidthChars(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u0000-\u00ff]/.test(char) ? 0.5 : 1;
  return width;
}

/** Estimated width in full-width characters for fitting lines: digits and Latin 0.6 (wider than half in most faces). */
export function estimatedWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u0000-\u00ff]/.test(char) ? 0.6 : 1;
  return width;
}

/** Offsets inside `text` where a line may break, with a preference: before the year over inside the organ's name. */
function breakPoints(text: string): Map<number, number> {
  const points = new Map<number, number>();
  const add = (at: number, weight: number) => {
    if (at > 0 && at < text.length) points.set(at, Math.max(points.get(at) ?? 0, weight));
  };
  // Before the year: “宜春经济技术开发区 / 2023年度”.
  for (const match of text.matchAll(/\d{4}年/g)) add(match.index ?? 0, 2);
  for (let at = 1; at < text.length; at++) {
    const before = text.slice(0, at);
    const unit = UNIT_ENDINGS.find((u) => before.endsWith(u));
    if (!unit || NOT_UNITS.some((word) => before.endsWith(word) && word.length > unit.length - 1 && word.endsWith(unit))) continue;
    // Never split a word the unit continues (…局长, …市场): the next character must start a new word.
    if (/^[长场委属直级内外]/.test(text.slice(at))) continue;
    add(at, 1);
  }
  return points;
}

/** Every offset where the title may break by meaning: between words of the organ's name, before the year and before the report's name. */
export function titleBreaks(text: string): number[] {
  const points = breakPoints(text);
  const ending = text.length - REPORT_NAME.length;
  if (ending >= 2 && text.endsWith(REPORT_NAME)) points.set(ending, 2);
  return [...points.keys()].sort((a, b) => a - b);
}

/**
 * Lines of at most `capacity` estimated characters, broken only at the points above, fewest lines
 * first, then the most even, then the preferred points. A text without a usable point is broken
 * evenly by characters (still never leaving one character alone).
 */
export function breakByMeaning(text: string, capacity: number): string[] {
  if (estimatedWidth(text) <= capacity) return [text];
  // A title that does not fit always breaks before the report's name, which stands on its own line.
  const ending = text.length - REPORT_NAME.length;
  if (ending >= 2 && text.endsWith(REPORT_NAME)) return [...breakByMeaning(text.slice(0, ending), capacity), REPORT_NAME];
  const points = breakPoints(text);
  // Words first; a text no split into words fits may break between any two characters.
  return fewestEvenLines(text, points, capacity) ?? fewestEvenLines(text, withEveryCharacter(text, points), capacity) ?? [text];
}

function withEveryCharacter(text: string, points: Map<number, number>): Map<number, number> {
  const all = new Map(points);
  let offset = 0;
  for (const char of text) {
    offset += char.length;
    if (offset < text.length && !all.has(offset)) all.set(offset, 0);
  }
  return all;
}

/**
 * The split at the given points into the fewest lines that fit, then the most even, then the
 * preferred points; lines of one character are not allowed. Undefined when no split fits.
 */
function fewestEvenLines(text: string, points: Map<number, number>, capacity: number): string[] | undefined {
  // Width and character count of the text before each character boundary (UTF-16 offset).
  const width = new Map<number, number>([[0, 0]]);
  const count = new Map<number, number>([[0, 0]]);
  let offset = 0;
  for (const char of text) {
    width.set(offset + char.length, (width.get(offset) ?? 0) + estimatedWidth(char));
    count.set(offset + char.length, (count.get(offset) ?? 0) + 1);
    offset += char.length;
  }
  const ends = [0, ...[...points.keys()].sort((a, b) => a - b), text.length];
  // The best plan for the text up to each point (fewest lines, then narrowest widest line, then the
  // preferred points), kept as a link to where its last line starts: the choice for a line depends
  // only on where it starts. Starts are tried from the nearest back until a line is too wide, so a
  // long text stays linear in time and memory.
  type Plan = { lines: number; widest: number; preference: number; from: number };
  const better = (a: Plan, b: Plan | undefined) =>
    !b || a.lines < b.lines || (a.lines === b.lines && (a.widest < b.widest - 1e-9 || (Math.abs(a.widest - b.widest) < 1e-9 && a.preference > b.preference)));
  const best: (Plan | undefined)[] = [{ lines: 0, widest: 0, preference: 0, from: -1 }];
  for (let e = 1; e < ends.length; e++) {
    const end = ends[e] as number;
    let chosen: Plan | undefined;
    for (let s = e - 1; s >= 0; s--) {
      const start = ends[s] as number;
      const lineWidth = (width.get(end) ?? 0) - (width.get(start) ?? 0);
      if (lineWidth > capacity) break;
      const plan = best[s];
      if (!plan || (count.get(end) ?? 0) - (count.get(start) ?? 0) < 2) continue;
      const candidate = { lines: plan.lines + 1, widest: Math.max(plan.widest, lineWidth), preference: plan.preference + (points.get(end) ?? 0), from: s };
      if (better(candidate, chosen)) chosen = candidate;
    }
    best.push(chosen);
  }
  if (!best[ends.length - 1]) return undefined;
  const lines: string[] = [];
  for (let e = ends.length - 1; e > 0; e = (best[e] as Plan).from) lines.unshift(text.slice(ends[(best[e] as Plan).from], ends[e]));
  return lines;
}
