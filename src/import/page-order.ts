/**
 * The order of a PDF's pages by the numbers printed on them (— 3 —, 第3页, 3/7 …, read by
 * pdf-layout.ts): a page missing, a page printed twice, pages out of order, each one finding that
 * names the pages. A page that repeats another word for word is read once. Pages are put in the
 * printed order only when that order is certain: every page has a readable number and the numbers
 * are the run first…first+n−1 with none twice; otherwise the file's order is kept and the finding
 * says why it could not be mended. Pure: the reader gives the numbers and a test for equal pages.
 */
import { finding, type Finding } from './findings';

/** A page number as printed: its value and, where printed (3/7, 第3页 共7页), the page count. */
export interface PrintedNumber {
  value: number;
  total?: number;
}

export interface PageOrder {
  /** The pages to read, in reading order: 0-based indices into the file's pages. */
  pages: number[];
  /** For each entry of `pages`, whether it is the page printed right after the one before it (a paragraph or table may run on). */
  follows: boolean[];
  findings: Finding[];
}

/** 第 3 页, the place of a page-level finding: the page of the file (as a PDF viewer counts). */
const placeOf = (index: number) => `第 ${index + 1} 页`;
/** 1、3、2、4 (— for a page without a readable number). */
const listOf = (values: (number | undefined)[]) => values.map((v) => (v === undefined ? '—' : String(v))).join('、');
/** Consecutive numbers as ranges: 3, 5–6. */
function ranges(values: number[]): string[] {
  const out: string[] = [];
  let start = values[0];
  for (let i = 1; i <= values.length; i++) {
    const [previous, current] = [values[i - 1] as number, values[i]];
    if (current === previous + 1) continue;
    out.push(start === previous ? String(start) : `${start}–${previous}`);
    start = current;
  }
  return out;
}

/**
 * The reading order of pages whose printed numbers are `printed` (undefined: none readable), and the
 * findings about missing, repeated and reordered pages. `same(a, b)`: pages a and b hold the same text.
 */
export function pageOrder(printed: readonly (PrintedNumber | undefined)[], same: (a: number, b: number) => boolean): PageOrder {
  const all = printed.map((_, i) => i);
  const numbered = all.filter((i) => printed[i] !== undefined);
  const value = (i: number) => printed[i]?.value;
  // Fewer than two printed numbers, or numbers that mostly repeat (a page field that never updated, every page 1): nothing to go by.
  if (numbered.length < 2 || 2 * new Set(numbered.map(value)).size < numbered.length) return { pages: all, follows: all.map((i) => i > 0), findings: [] };
  const findings: Finding[] = [];

  // A page printed twice: the copy of a page word for word is read once; two pages of different text under one number are both read.
  const first = new Map<number, number>();
  const dropped = new Set<number>();
  for (const i of numbered) {
    const v = value(i) as number;
    const earlier = first.get(v);
    if (earlier === undefined) first.set(v, i);
    else if (same(earlier, i)) {
      dropped.add(i);
      findings.push(finding('RPT4036', placeOf(i), '', { original: earlier + 1, number: v }));
    } else findings.push(finding('RPT4037', placeOf(i), '', { original: earlier + 1, number: v }));
  }
  const kept = all.filter((i) => !dropped.has(i));

  // Pages missing: numbers up to the last printed (or the printed count) that no page has, nor can stand for.
  const values = new Set(kept.map(value).filter((v): v is number => v !== undefined));
  const known = new Map<number, number>(kept.filter((i) => value(i) !== undefined).map((i) => [i, value(i) as number]));
  kept.forEach((i, k) => {
    if (known.has(i)) return;
    // An unnumbered page (a first page printed without its number) stands for the number its neighbours
    // leave, or, as the file's first page, for page 1: the first of these that no page prints.
    const before = known.get(kept[k - 1] as number);
    const after = kept.slice(k + 1).find((j) => known.has(j));
    const guesses = [
      before === undefined ? undefined : before + 1,
      after === undefined ? undefined : (known.get(after) as number) - (kept.indexOf(after) - k),
      k === 0 ? 1 : undefined,
    ];
    const guess = guesses.find((g) => g !== undefined && g >= 1 && !values.has(g));
    if (guess !== undefined) {
      known.set(i, guess);
      values.add(guess);
    }
  });
  const last = Math.max(...values, ...kept.map((i) => printed[i]?.total ?? 0));
  const missing = Array.from({ length: last }, (_, n) => n + 1).filter((n) => !values.has(n));
  for (const run of ranges(missing)) {
    const low = Number(run.split('–')[0]);
    // The place: the page the gap comes after (the page printed just below it), or the first page.
    const previous = kept.find((i) => known.get(i) === low - 1);
    findings.push(finding('RPT4035', placeOf(previous ?? (kept[0] as number)), '', { missing: run, position: previous === undefined ? 'before' : 'after' }));
  }

  // Out of order: a printed number below one printed before it, in the file's order.
  let highest = -Infinity;
  const down = kept.findIndex((i) => {
    const v = value(i);
    if (v === undefined) return false;
    if (v < highest) return true;
    highest = v;
    return false;
  });
  let pages = kept;
  if (down >= 0) {
    const order = listOf(kept.map(value));
    const unnumbered = kept.filter((i) => value(i) === undefined).map((i) => i + 1);
    const sorted = kept.map((i) => value(i) ?? NaN).sort((a, b) => a - b);
    const run = sorted.every((v, k) => k === 0 || v === (sorted[k - 1] as number) + 1);
    if (unnumbered.length === 0 && run) {
      pages = [...kept].sort((a, b) => (value(a) as number) - (value(b) as number));
      findings.push(finding('RPT4038', placeOf(kept[down] as number), '', { order }));
    } else {
      const why =
        unnumbered.length > 0
          ? { reason: `第 ${unnumbered.join('、')} 页没有可读的页码`, reasonEn: `page ${unnumbered.join(', ')} has no readable number` }
          : { reason: '页码不连续或有重复', reasonEn: 'the numbers have gaps or repeats' };
      findings.push(finding('RPT4039', placeOf(kept[down] as number), '', { order, ...why }));
    }
  }
  // A page follows the one before it when their numbers (printed or stood for) are consecutive; without a number, when the file has them so.
  const follows = pages.map((i, k) => {
    const previous = pages[k - 1];
    if (previous === undefined) return false;
    const [a, b] = [known.get(previous), known.get(i)];
    if (a !== undefined && b !== undefined) return b === a + 1;
    return previous < i && all.slice(previous + 1, i).every((j) => dropped.has(j));
  });
  return { pages, follows, findings };
}
