/**
 * The geometry of the PDF reader (pdf-reader.ts): positioned text runs and the straight rulings of
 * one page → the page's blocks (text lines and tables), then the pages → the source lines a reader
 * gives. Pure functions on plain data, so each step is tested without a PDF.
 *
 * Coordinates are PDF user space: points, y upwards from the page's foot. A table is found from its
 * rulings (cell borders drawn as lines or thin filled rectangles): the distinct x of its vertical
 * rulings and y of its horizontal ones make a grid, and neighbouring grid cells with no ruling
 * between them are one merged cell. Text is assigned to the cell holding its centre. Text outside
 * tables is grouped into lines by baseline and lines into paragraphs (公文 layout: a paragraph's
 * first line is indented two characters, the others run from margin to margin). The pages' printed
 * numbers are read here (printedNumbers) for page-order.ts, and dropped with the running headers.
 */
import type { SourceLine } from './reader';

/** A run of text: `str` set from (x, y) on its baseline, `width` long, at font size `size`. */
export interface TextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** An axis-parallel ruling: x1 ≤ x2, y1 ≤ y2, and one of them equal. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PageContent {
  width: number;
  height: number;
  runs: TextRun[];
  segments: Segment[];
}

/** One visual line of text outside tables. */
export interface TextLine {
  kind: 'line';
  text: string;
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  size: number;
  top: number;
  /** 1-based line number on its page. */
  lineNo: number;
}

export interface TableCell {
  row: number;
  col: number;
  /** The x of the cell's left border, to place it in the columns of a table continued over pages. */
  x: number;
  text: string;
  lineNo: number;
}

export interface Table {
  kind: 'table';
  top: number;
  /** The x of the grid's column borders (left to right). */
  columns: number[];
  rows: TableCell[][];
}

export type Block = TextLine | Table;

/** Two coordinates closer than this (points) are one ruling position. */
const SNAP = 2;

/** How Latin text ends and begins: only between such runs set apart is a space put (never between CJK glyphs). */
const LATIN = /[A-Za-z0-9.,:;%/+\-_@&'")\]]/;
const LATIN_START = /[A-Za-z0-9(["'/@&]/;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[sorted.length >> 1] as number);
};

/** Values within `tolerance` of each other clustered; each cluster as its mean, ascending. */
function cluster(values: number[], tolerance = SNAP): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const v of sorted) {
    const last = clusters.at(-1);
    if (last && v - (last.at(-1) as number) <= tolerance) last.push(v);
    else clusters.push([v]);
  }
  return clusters.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

const isHorizontal = (s: Segment) => s.y2 - s.y1 < 0.5;

/** Collinear rulings that overlap or touch merged, so a border drawn cell by cell is one line. */
function mergeCollinear(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const horizontal of [true, false]) {
    const group = segments.filter((s) => isHorizontal(s) === horizontal);
    const pos = (s: Segment) => (horizontal ? s.y1 : s.x1);
    const start = (s: Segment) => (horizontal ? s.x1 : s.y1);
    const end = (s: Segment) => (horizontal ? s.x2 : s.y2);
    group.sort((a, b) => pos(a) - pos(b) || start(a) - start(b));
    const lines: { pos: number; start: number; end: number }[] = [];
    for (const s of group) {
      const line = lines.find((l) => Math.abs(l.pos - pos(s)) <= 1 && start(s) <= l.end + SNAP && end(s) >= l.start - SNAP);
      if (line) {
        line.start = Math.min(line.start, start(s));
        line.end = Math.max(line.end, end(s));
      } else lines.push({ pos: pos(s), start: start(s), end: end(s) });
    }
    for (const l of lines) merged.push(horizontal ? { x1: l.start, y1: l.pos, x2: l.end, y2: l.pos } : { x1: l.pos, y1: l.start, x2: l.pos, y2: l.end });
  }
  return merged;
}

/** Rulings that touch or cross each other, grouped: each group a candidate table. */
function connected(segments: Segment[]): Segment[][] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  const touches = (a: Segment, b: Segment) => a.x1 <= b.x2 + SNAP && b.x1 <= a.x2 + SNAP && a.y1 <= b.y2 + SNAP && b.y1 <= a.y2 + SNAP;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) if (touches(segments[i] as Segment, segments[j] as Segment)) parent[find(i)] = find(j);
  }
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), s]);
  });
  return [...groups.values()];
}

/** A table's grid: column borders xs (ascending), row borders ys (descending), and which grid cells are one merged cell. */
interface Grid {
  xs: number[];
  ys: number[];
  /** For each grid cell (r * cols + c), the index of its merged cell's top-left grid cell. */
  owner: number[];
  /** Vertical rulings, to split a run that crosses one. */
  verticals: Segment[];
}

function gridOf(segments: Segment[]): Grid | undefined {
  const horizontals = segments.filter(isHorizontal);
  const verticals = segments.filter((s) => !isHorizontal(s));
  const xs = cluster(verticals.map((s) => s.x1));
  const ys = cluster(horizontals.map((s) => s.y1)).reverse();
  if (xs.length < 2 || ys.length < 2) return undefined;
  const cols = xs.length - 1;
  const rows = ys.length - 1;
  const hasVertical = (x: number, y: number) => verticals.some((s) => Math.abs(s.x1 - x) <= SNAP && s.y1 - SNAP <= y && y <= s.y2 + SNAP);
  const hasHorizontal = (y: number, x: number) => horizontals.some((s) => Math.abs(s.y1 - y) <= SNAP && s.x1 - SNAP <= x && x <= s.x2 + SNAP);
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    // The root is the top-left grid cell (the smaller index comes first in row-major order).
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++) {
    const midY = ((ys[r] as number) + (ys[r + 1] as number)) / 2;
    for (let c = 0; c < cols; c++) {
      const midX = ((xs[c] as number) + (xs[c + 1] as number)) / 2;
      if (c + 1 < cols && !hasVertical(xs[c + 1] as number, midY)) union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !hasHorizontal(ys[r + 1] as number, midX)) union(r * cols + c, (r + 1) * cols + c);
    }
  }
  const owner = parent.map((_, i) => find(i));
  // A box with one cell (a frame around text) is not a table.
  if (new Set(owner).size < 2) return undefined;
  return { xs, ys, owner, verticals };
}

/** The index in ascending `borders` of the interval holding v, or -1. */
function intervalOf(borders: number[], v: number): number {
  for (let i = 0; i + 1 < borders.length; i++) if (v >= (borders[i] as number) && v < (borders[i + 1] as number)) return i;
  return -1;
}

/** A run's characters as runs of their own, each at its share of the run's width. */
function splitRun(run: TextRun): TextRun[] {
  const chars = [...run.str];
  const step = run.width / chars.length;
  return chars.map((str, i) => ({ str, x: run.x + i * step, y: run.y, width: step, size: run.size }));
}

/** The vertical centre of a run's glyphs (a third of the font size above the baseline). */
const centreY = (run: TextRun) => run.y + run.size * 0.35;

/** Runs grouped into lines by baseline, top to bottom, each line's runs left to right. */
export function groupLines(runs: TextRun[]): TextRun[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; runs: TextRun[] }[] = [];
  for (const run of sorted) {
    const line = lines.find((l) => Math.abs(l.y - run.y) <= 0.3 * Math.min(l.size, run.size) && !overlapsAny(l.runs, run));
    if (line) line.runs.push(run);
    else lines.push({ y: run.y, size: run.size, runs: [run] });
  }
  return lines.sort((a, b) => b.y - a.y).map((l) => l.runs.sort((a, b) => a.x - b.x));
}

/** Whether `run` overlaps a run already on the line (then it is another line at nearly the same height). */
const overlapsAny = (runs: TextRun[], run: TextRun) => runs.some((r) => run.x < r.x + r.width - 0.5 * run.size && r.x < run.x + run.width - 0.5 * run.size);

/**
 * A line's runs as text: nothing between CJK glyphs, a space between Latin ones set more than 0.3 em
 * apart, and between any set 1.5 em apart or more (cells of a row in one ruled cell: 规章 0 1 5).
 */
export function joinRuns(runs: TextRun[]): string {
  let text = '';
  let end = -Infinity;
  for (const run of runs) {
    const gap = run.x - end;
    const latin = gap > 0.3 * run.size && LATIN.test(text.at(-1) ?? '') && LATIN_START.test(run.str[0] ?? '');
    if (text && (latin || gap >= 1.5 * run.size) && !text.endsWith(' ') && !run.str.startsWith(' ')) text += ' ';
    text += run.str;
    end = Math.max(end, run.x + run.width);
  }
  return text.trim();
}

/** The runs of a line cut where the gap between them is wider than `em` font sizes (the cells of a borderless table row). */
function chunks(runs: TextRun[], em: number): TextRun[][] {
  const out: TextRun[][] = [];
  let end = -Infinity;
  for (const run of runs) {
    const last = out.at(-1);
    if (last && run.x - end <= em * run.size) last.push(run);
    else out.push([run]);
    end = Math.max(end, run.x + run.width);
  }
  return out;
}

const lineOf = (runs: TextRun[]): Omit<TextLine, 'lineNo'> => {
  const size = median(runs.map((r) => r.size));
  const y = median(runs.map((r) => r.y));
  return {
    kind: 'line',
    text: joinRuns(runs),
    x0: Math.min(...runs.map((r) => r.x)),
    x1: Math.max(...runs.map((r) => r.x + r.width)),
    y,
    size,
    top: y + size * 0.8,
  };
};

/** One page → its blocks, top to bottom: tables from its rulings, lines of the other text, a borderless grid as a table. */
export function pageBlocks(page: PageContent): Block[] {
  const runs = page.runs.filter((r) => r.str.trim() !== '');
  const grids = connected(mergeCollinear(page.segments))
    .map(gridOf)
    .filter((g): g is Grid => g !== undefined);
  // Every visual line of the page (in tables too), for the line numbers of `at`.
  const baselines = groupLines(runs).map((line) => median(line.map((r) => r.y)));
  const lineNo = (y: number) => Math.max(1, baselines.filter((b) => b > y + 0.5).length + 1);

  const inTables = grids.map(() => [] as TextRun[]);
  const free: TextRun[] = [];
  for (const run of runs) {
    const cy = centreY(run);
    const g = grids.findIndex(
      (grid) =>
        run.x + run.width / 2 >= (grid.xs[0] as number) - 1 &&
        run.x + run.width / 2 <= (grid.xs.at(-1) as number) + 1 &&
        cy <= (grid.ys[0] as number) + 1 &&
        cy >= (grid.ys.at(-1) as number) - 1,
    );
    if (g < 0) {
      free.push(run);
      continue;
    }
    const grid = grids[g] as Grid;
    // A run crossing a ruled column border (a whole row set as one run) is split into its characters.
    const crosses = grid.verticals.some((v) => v.x1 > run.x + 0.25 * run.size && v.x1 < run.x + run.width - 0.25 * run.size && v.y1 <= cy && cy <= v.y2);
    (inTables[g] as TextRun[]).push(...(crosses && run.str.length > 1 ? splitRun(run) : [run]));
  }

  const blocks: Block[] = grids.map((grid, g) => tableOf(grid, inTables[g] as TextRun[], lineNo));
  const textLines = groupLines(free).map((runs) => runs);
  if (grids.length === 0) blocks.push(...borderless(textLines, lineNo));
  else for (const line of textLines) blocks.push({ ...lineOf(line), lineNo: lineNo(median(line.map((r) => r.y))) });
  return blocks.sort((a, b) => b.top - a.top);
}

function tableOf(grid: Grid, runs: TextRun[], lineNo: (y: number) => number): Table {
  const cols = grid.xs.length - 1;
  const byOwner = new Map<number, TextRun[]>();
  for (const run of runs) {
    const r = intervalOf([...grid.ys].reverse(), centreY(run));
    const c = intervalOf(grid.xs, run.x + run.width / 2);
    if (r < 0 || c < 0) continue;
    const row = grid.ys.length - 2 - r;
    const owner = grid.owner[row * cols + c] as number;
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), run]);
  }
  const rows: TableCell[][] = [];
  grid.owner.forEach((owner, i) => {
    if (owner !== i) return;
    const row = Math.floor(i / cols);
    const col = i % cols;
    const cellRuns = byOwner.get(i) ?? [];
    const text = groupLines(cellRuns)
      .map(joinRuns)
      .filter((t) => t !== '')
      .join('\n');
    const y = cellRuns.length > 0 ? Math.max(...cellRuns.map((r) => r.y)) : (grid.ys[row + 1] as number);
    (rows[row] ??= []).push({ row, col, x: grid.xs[col] as number, text, lineNo: lineNo(y) });
  });
  return { kind: 'table', top: grid.ys[0] as number, columns: grid.xs, rows: rows.filter((r) => r !== undefined) };
}

/** Lines of a page without rulings: a run of two or more lines each cut into cells by wide gaps is read as a table. */
function borderless(lines: TextRun[][], lineNo: (y: number) => number): Block[] {
  const blocks: Block[] = [];
  let run: TextRun[][][] = [];
  const flush = () => {
    if (run.length >= 2) blocks.push(gridFromChunks(run, lineNo));
    else for (const line of run) blocks.push(...line.map((c) => ({ ...lineOf(c), lineNo: lineNo(median(c.map((r) => r.y))) })));
    run = [];
  };
  for (const line of lines) {
    const cells = chunks(line, 2);
    if (cells.length >= 2) run.push(cells);
    else {
      flush();
      blocks.push({ ...lineOf(line), lineNo: lineNo(median(line.map((r) => r.y))) });
    }
  }
  flush();
  return blocks;
}

/** Rows of cells placed by x: a column is a range of x that the cells of the rows overlap. */
function gridFromChunks(rows: TextRun[][][], lineNo: (y: number) => number): Table {
  const spans = rows.flat().map((c) => ({ x0: Math.min(...c.map((r) => r.x)), x1: Math.max(...c.map((r) => r.x + r.width)) }));
  spans.sort((a, b) => a.x0 - b.x0);
  const columns: { x0: number; x1: number }[] = [];
  for (const s of spans) {
    const last = columns.at(-1);
    if (last && s.x0 <= last.x1) last.x1 = Math.max(last.x1, s.x1);
    else columns.push({ ...s });
  }
  const colOf = (c: TextRun[]) => {
    const x = (Math.min(...c.map((r) => r.x)) + Math.max(...c.map((r) => r.x + r.width))) / 2;
    const i = columns.findIndex((col) => x >= col.x0 && x <= col.x1);
    return i < 0 ? 0 : i;
  };
  const first = rows[0]?.[0]?.[0];
  return {
    kind: 'table',
    top: first ? first.y + first.size * 0.8 : 0,
    columns: columns.map((c) => c.x0),
    rows: rows.map((cells, row) =>
      cells.map((c) => {
        const col = colOf(c);
        return { row, col, x: columns[col]?.x0 ?? 0, text: joinRuns(c), lineNo: lineNo(median(c.map((r) => r.y))) };
      }),
    ),
  };
}

/**
 * Page numbers as printed: -2-, — 2 —, 第2页, 第 2 页 共 5 页, 2/5, Page 2 of 5 (squeezed: without
 * spaces); the groups hold the number and, where printed, the page count (four digits at most, so the
 * pages a count implies stay few). A bare 2 is judged apart.
 */
const PAGE_NUMBER = /^(?:[-—–－~～]+(\d{1,4})[-—–－~～]+|第(\d{1,4})页(?:[，,]?共(\d{1,4})页)?|(\d{1,4})\/(\d{1,4})|page(\d{1,4})(?:of(\d{1,4}))?)$/i;

/** Whether a line is in the top or bottom `share` of its page. */
const inMargin = (line: TextLine, height: number, share: number) => line.y < height * share || line.y > height * (1 - share);

/** The page's first and last lines, in its top or bottom sixth: where a page number or running header stands. */
function marginLines(blocks: Block[], height: number): TextLine[] {
  const lines = blocks.filter((b): b is TextLine => b.kind === 'line');
  return [...new Set([lines[0], lines.at(-1)])].filter((l): l is TextLine => l !== undefined && inMargin(l, height, 0.15));
}

const squeezed = (line: TextLine) => line.text.replace(/\s+/g, '');

/** A page's printed number: the lines it is printed on (a head and a foot may both print it), its value and the page count printed with it. */
export interface PageNumberLine {
  lines: TextLine[];
  value: number;
  total?: number;
}

/**
 * Each page's printed number, where it has one: its first or last line written as a page number
 * (— 2 —, 第2页 …), or a bare number there where the pages are numbered so — half the pages or more
 * (two at least) begin or end with a bare number from 1 to about twice the page count, not all the
 * same — since a line of a table's cells may stand there too.
 */
export function printedNumbers(pages: { height: number; blocks: Block[] }[]): (PageNumberLine | undefined)[] {
  // A page number is 1 or more, at most the count printed with it, and not far past the file's pages (2023/12 is a date).
  const plausible = (value: number, total = 2 * pages.length + 10) => value >= 1 && value <= total;
  const styled = pages.map((page) => {
    const found = marginLines(page.blocks, page.height).flatMap((line) => {
      const m = PAGE_NUMBER.exec(squeezed(line));
      const [value, total] = [Number(m?.[1] ?? m?.[2] ?? m?.[4] ?? m?.[6]), m?.[3] ?? m?.[5] ?? m?.[7]];
      return m && plausible(value, total === undefined ? undefined : Number(total)) ? [{ line, value, total }] : [];
    });
    const [first] = found;
    if (!first) return undefined;
    return { lines: found.map((f) => f.line), value: first.value, ...(first.total === undefined ? {} : { total: Number(first.total) }) };
  });
  const bare = pages.map((page) => marginLines(page.blocks, page.height).find((l) => /^\d{1,4}$/.test(squeezed(l)) && plausible(Number(squeezed(l)))));
  const numbers = bare.filter((l): l is TextLine => l !== undefined).map((l) => Number(squeezed(l)));
  const numbered = numbers.length >= Math.max(2, pages.length / 2) && new Set(numbers).size >= 2;
  return pages.map((_, p) => {
    const line = bare[p];
    return styled[p] ?? (numbered && line ? { lines: [line], value: Number(squeezed(line)) } : undefined);
  });
}

/**
 * The pages' blocks without their printed page numbers (`numbers`, printedNumbers's) and without the
 * running header or footer: a line in a page's top or bottom tenth whose text (digits aside) is on at
 * least half the pages, three or more.
 */
export function dropFurniture(pages: { height: number; blocks: Block[] }[], numbers = printedNumbers(pages)): Block[][] {
  const key = (line: TextLine) => squeezed(line).replace(/\d+/g, '#');
  const counts = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set(page.blocks.filter((b): b is TextLine => b.kind === 'line' && inMargin(b, page.height, 0.1)).map(key));
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  // Text, not a bare number: a table's cells repeat too.
  const repeated = (k: string) => /[^#\p{P}\p{S}]/u.test(k) && pages.length >= 3 && (counts.get(k) ?? 0) >= Math.max(3, pages.length / 2);
  return pages.map((page, p) =>
    page.blocks.filter((b) => b.kind !== 'line' || !(numbers[p]?.lines.includes(b) || (inMargin(b, page.height, 0.1) && repeated(key(b))))),
  );
}

/** A page's text, to tell a page printed twice: its lines and its tables' cells in order. */
export function pageText(blocks: Block[]): string {
  return blocks.map((b) => (b.kind === 'line' ? b.text : b.rows.map((row) => row.map((c) => c.text).join('|')).join('\n'))).join('\n');
}

/** Headings never continue the line before them: 一、… （一）… 1. … */
const HEADING_START = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])/;

/** The body's measures: its left margin (where most lines start), right edge and text size. */
interface Body {
  left: number;
  right: number;
  centre: number;
  size: number;
}

function bodyOf(pages: Block[][]): Body {
  const lines = pages.flat().filter((b): b is TextLine => b.kind === 'line');
  const mode = (values: number[]) => {
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  };
  const size = mode(lines.map((l) => Math.round(l.size)));
  const body = lines.filter((l) => Math.abs(l.size - size) <= 1);
  // The margin: the leftmost start that several lines share (a report of one-line paragraphs has more indented lines than not).
  const starts = new Map<number, number>();
  for (const l of body) starts.set(Math.round(l.x0), (starts.get(Math.round(l.x0)) ?? 0) + 1);
  const shared = [...starts.entries()].filter(([, n]) => n >= Math.max(2, body.length * 0.05)).map(([x]) => x);
  const left = shared.length > 0 ? Math.min(...shared) : mode(body.map((l) => Math.round(l.x0)));
  const ends = body.map((l) => l.x1).sort((a, b) => a - b);
  const right = ends[Math.floor(ends.length * 0.9)] ?? left;
  return { left, right, centre: (left + right) / 2, size };
}

/** How many first rows of `next` repeat the first rows of `previous` (a header repeated on a continuation page). */
function repeatedHeader(previous: Table, next: Table): number {
  const texts = (row: TableCell[] | undefined) => (row ?? []).map((c) => c.text.replace(/\s+/g, '')).join('|');
  let n = 0;
  while (n < next.rows.length - 1 && n < previous.rows.length && texts(next.rows[n]) !== '' && texts(next.rows[n]) === texts(previous.rows[n])) n++;
  return n;
}

const sameColumns = (a: Table, b: Table) =>
  a.columns.length === b.columns.length && a.columns.every((x, i) => Math.abs(x - (b.columns[i] as number)) <= SNAP * 2);

/** A cell holding a number (a count, a fee): never the rest of a label. */
const NUMERIC = /^[\d.,，]+$/;
/** Where a row label begins: 一、 （一） 1. 1、 ① (1) — the start of a row, not the rest of one. */
const ROW_START = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[①-⑳])/;

/**
 * Whether `row`, the first row of a table's part on a new page, is the rest of `previous`'s last
 * row, broken over the page (a wrapped label goes on, its numbers stay above): it holds no number,
 * the numbers of the row above it are in columns it leaves empty, and its text does not begin a
 * row. Its text is then appended to the cells above it (a merged cell's at the row it began in).
 */
function rejoinSplitRow(previous: TableCell[][], row: TableCell[]): boolean {
  const plain = (c: TableCell) => c.text.replace(/\s+/g, '');
  const last = previous.at(-1);
  const texts = row.filter((c) => plain(c) !== '');
  if (!last || texts.length === 0 || texts.some((c) => NUMERIC.test(plain(c)) || ROW_START.test(plain(c)))) return false;
  const at = (cells: TableCell[], x: number) => cells.find((c) => Math.abs(c.x - x) <= SNAP * 2);
  const numbers = last.filter((c) => NUMERIC.test(plain(c)));
  if (numbers.length === 0 || numbers.some((c) => at(texts, c.x))) return false;
  const above = texts.map((c) =>
    [...previous]
      .reverse()
      .map((cells) => at(cells, c.x))
      .find((cell) => cell !== undefined),
  );
  if (above.some((cell) => cell === undefined)) return false;
  texts.forEach((c, i) => {
    const cell = above[i] as TableCell;
    cell.text = cell.text === '' ? c.text : `${cell.text}\n${c.text}`;
  });
  return true;
}

/**
 * What a line break inside a paragraph stood for: a space between two words of Latin text (GB/T|9704,
 * the annual|report); nothing in CJK text, in a number broken (邮编：1000|00), or in a URL or address
 * broken anywhere (www.exa|mple.gov.cn, …list.shtml?|organId=…).
 */
export function lineBreakJoiner(before: string, after: string): string {
  // The Latin word the line ends with (after CJK text: 按GB/T → GB/T).
  const word = /[A-Za-z0-9][\x21-\x7e]*$/.exec(before)?.[0];
  if (word === undefined || !/^[A-Za-z0-9]/.test(after)) return '';
  if (/:\/\/|^www\.|@|\.[A-Za-z]{2,}|[/.@:?&=_\-]$/i.test(word)) return '';
  return /\d$/.test(word) && /^\d/.test(after) ? '' : ' ';
}

/** The narrowest a Latin character is set, in font sizes: a word of n characters is at least n × this wide. */
const LATIN_WIDTH = 0.4;

/**
 * Whether `line` begins with a Latin word (a URL) too wide for the room left at the end of `previous`:
 * the word was pushed over, so `previous` ends short without ending its paragraph.
 */
function pushedOver(previous: TextLine, line: TextLine, body: Body): boolean {
  const word = /^[A-Za-z0-9][\x21-\x7e]*/.exec(line.text)?.[0] ?? '';
  return word.length * LATIN_WIDTH * line.size > body.right - previous.x1;
}

/** A table of the source: its parts on successive pages (the page of each), read as one. */
interface JoinedTable {
  kind: 'table';
  parts: { page: number; rows: TableCell[][] }[];
  columns: number[];
}

/**
 * The pages' blocks (furniture dropped), in reading order, → source lines; `order` gives each page's
 * number in the file (for `at`) and whether it is printed right after the page before it (only then
 * does a paragraph or table run on over the break). A paragraph's lines are joined into one line,
 * a title's centred lines into one with '\n', each table row by row, one line per cell. A table that
 * a page begins with continues the table the previous page ended with when its first rows repeat
 * that table's header rows (they are left out) or it has the same columns; the columns of the
 * parts are merged, so a cell's column is counted in the whole table's grid.
 */
export function sourceLines(
  pages: Block[][],
  order: readonly { page: number; follows: boolean }[] = pages.map((_, p) => ({ page: p + 1, follows: true })),
): SourceLine[] {
  const body = bodyOf(pages);
  const items: (SourceLine | JoinedTable)[] = [];
  let paragraph: { line: TextLine; page: number; out: SourceLine } | undefined;
  let open: { table: Table; joined: JoinedTable } | undefined;

  const continues = (prev: TextLine, line: TextLine, samePage: boolean) => {
    if (Math.abs(prev.size - line.size) > 0.15 * line.size) return undefined;
    if (samePage && prev.y - line.y > 2.2 * line.size) return undefined;
    // A heading's start, also as a text layer that spaces its characters gives it (（ 一 ） 主 动 …).
    if (HEADING_START.test(line.text.slice(0, 24).replace(/\s+/g, ''))) return undefined;
    const centred = (l: TextLine) => l.x0 > body.left + l.size && Math.abs((l.x0 + l.x1) / 2 - body.centre) <= l.size;
    if (samePage && centred(prev) && centred(line) && line.size > body.size * 1.1) return '\n';
    const full = prev.x1 >= body.right - 2 * line.size;
    const atMargin = Math.abs(line.x0 - body.left) <= 0.6 * line.size;
    if (!atMargin || !(full || pushedOver(prev, line, body))) return undefined;
    return lineBreakJoiner(prev.text, line.text);
  };

  pages.forEach((blocks, p) => {
    const { page, follows } = order[p] as { page: number; follows: boolean };
    // Nothing runs on from a page that is not printed right before this one (a page missing or out of order between).
    if (!follows) [paragraph, open] = [undefined, undefined];
    blocks.forEach((block, b) => {
      if (block.kind === 'line') {
        open = undefined;
        const joiner = paragraph && (paragraph.page === page || b === 0) ? continues(paragraph.line, block, paragraph.page === page) : undefined;
        if (paragraph && joiner !== undefined) {
          paragraph.out.text += joiner + block.text;
          paragraph.line = block;
          paragraph.page = page;
          return;
        }
        const line = { text: block.text, at: `第 ${page} 页第 ${block.lineNo} 行` };
        items.push(line);
        paragraph = { line: block, page, out: line };
        return;
      }
      paragraph = undefined;
      const repeated = open && b === 0 ? repeatedHeader(open.table, block) : 0;
      if (open && b === 0 && (repeated > 0 || sameColumns(open.table, block))) {
        // The table goes on from the previous page: its repeated header rows are left out, a row broken over the page is one row.
        const rows = block.rows.slice(repeated);
        if (
          rows[0] &&
          rejoinSplitRow(
            open.joined.parts.flatMap((part) => part.rows),
            rows[0],
          )
        )
          rows.shift();
        open.joined.parts.push({ page, rows });
        open.joined.columns = cluster([...open.joined.columns, ...block.columns], SNAP * 2);
        return;
      }
      const joined: JoinedTable = { kind: 'table', parts: [{ page, rows: block.rows }], columns: block.columns };
      items.push(joined);
      open = { table: block, joined };
    });
    // A table continues only onto the very next page, from the last block of its page.
    if (blocks.at(-1)?.kind !== 'table') open = undefined;
  });

  const out: SourceLine[] = [];
  let tableCount = 0;
  for (const item of items) {
    if (!('parts' in item)) {
      out.push(item);
      continue;
    }
    const table = tableCount++;
    // -1: a cell on no column border of the table (table-grid.ts never places it).
    const colOf = (x: number) => item.columns.findIndex((c) => Math.abs(c - x) <= SNAP * 2);
    let row = 0;
    for (const part of item.parts) {
      for (const cells of part.rows) {
        for (const cell of cells) out.push({ text: cell.text, at: `第 ${part.page} 页第 ${cell.lineNo} 行`, cell: { table, row, col: colOf(cell.x) } });
        row++;
      }
    }
  }
  return out;
}
