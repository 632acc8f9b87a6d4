/**
 * The recogniser: the neutral stream of lines any reader gives (reader.ts) → report data, the plain
 * object the YAML holds, with every departure from the national format as a finding (findings.ts).
 * Parts are found by their headings, worded as the format words them or close to it (numerals may be
 * missing or misprinted, parts out of order), tables by their labels, and a row's numbers are the
 * cells after its label. A cell that cannot be read is null, never a guess. A table in the 2019 试行
 * format is told by its labels (src/format/national-2019.ts): what maps onto the 2021 rows is read.
 */
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  CASE_COLUMNS,
  CASE_ROWS,
  CONTENT_LABEL,
  DOCUMENT_BLOCK_ITEM,
  DOCUMENT_COUNT_COLUMNS,
  DOCUMENT_ROWS,
  LITIGATION_LABEL,
  PART_HEADINGS,
  PART_KEYWORDS,
  RESULT_GROUPS,
  RESULTS_LABEL,
  SINGLE_VALUE_BLOCKS,
  TABLE3_APPLICANTS,
  TABLE3_CORNER,
  TABLE3_ORGANISATIONS,
} from '../format/national-2021';
import {
  DECISION_COLUMNS_2019,
  DOCUMENT_COLUMNS_2019,
  FEE_COLUMNS_2019,
  ISSUED_COLUMN_2019,
  NORMATIVE_ROW_2019,
  OTHER_SERVICES_ROW_2019,
  PROCUREMENT_COLUMNS_2019,
  PROCUREMENT_ITEM_2019,
  PROCUREMENT_ROW_2019,
  TABLE2_SIGNS_2019,
} from '../format/national-2019';
import { LOST, LOST_CHARS } from './decode';
import { finding, type Finding } from './findings';
import type { SourceLine } from './reader';

export type { Finding } from './findings';

export type ReportData = Record<string, unknown>;

export interface Recognised {
  data: ReportData;
  findings: Finding[];
  /** Numbers with decimals as the source prints them, by JSON Pointer (/proactive/fees → "1.10"), for the YAML to keep. */
  asWritten: Record<string, string>;
  /** Where each table value was read in the source (第 102 行, 表 2 第 4 行第 1 格 …), by JSON Pointer. */
  origins: Record<string, string>;
  /** The text of number cells that lost characters to bad bytes (decode.ts), by JSON Pointer: their value is null. */
  lostCells: Record<string, string>;
}

/** 0 … n-1. */
const indexes = (n: number) => Array.from({ length: n }, (_, i) => i);
/** The pointers of a row's cells held as a list. */
const listCells = (pointer: string, n: number) => indexes(n).map((i) => `${pointer}/${i}`);
const nulls = (n: number) => Array.from({ length: n }, () => null);

/** Text compared with a label: no whitespace (labels wrap over lines), full-width dots as ASCII. */
const norm = (text: string) => text.replace(/\s+/g, '').replace(/．/g, '.');
/** A heading compared with the format's: ASCII brackets and punctuation as full-width. */
const fold = (text: string) => norm(text).replace(/\(/g, '（').replace(/\)/g, '）').replace(/,/g, '，').replace(/:/g, '：').replace(/;/g, '；');

const NUMERALS = '一二三四五六七八九十';
/** A heading: its numeral (一、 一. 一， or （一）) and its title. */
const HEADING = new RegExp(`^(?:([${NUMERALS}]{1,3})[、.，]?|（([${NUMERALS}]{1,3})）)?(.+)$`);
const SUB_HEADING = new RegExp(`^（[${NUMERALS}]+）([^。；]{1,30})$`);
const DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
/** What reports print for “none” in a number cell. */
const NONE_MARK = /^(\/|／|-+|－+|—+|无)$/;
const NUMBER = /^\d+(\.\d+)?$/;
/** Several numbers in one piece of text, separated by spaces or line breaks. */
const NUMBERS = /^(\d+(\.\d+)?|\/|／)(\s+(\d+(\.\d+)?|\/|／))+$/;

/** A part heading's title without its numeral: 一、总体情况 → 总体情况. */
const titleOf = (heading: string) => HEADING.exec(fold(heading))?.[3] ?? heading;
const PART_TITLES = PART_HEADINGS.map(titleOf);
const numeralOf = (part: number) => (PART_HEADINGS[part] as string).slice(0, 1);
/** Where each part's text goes in the report data (a finding about a missing part points there). */
const PART_POINTERS = ['/overview', '/proactive', '/applications', '/review_litigation', '/problems', '/other_matters'];

/** Similarity of two texts: Dice's coefficient over their character pairs (1 = the same pairs). */
function similarity(a: string, b: string): number {
  const pairs = (s: string) => indexes(Math.max(0, s.length - 1)).map((i) => s.slice(i, i + 2));
  const left = pairs(a);
  const right = pairs(b);
  if (left.length === 0 || right.length === 0) return a === b ? 1 : 0;
  let common = 0;
  for (const pair of left) {
    const i = right.indexOf(pair);
    if (i >= 0) {
      common += 1;
      right.splice(i, 1);
    }
  }
  return (2 * common) / (left.length + pairs(b).length);
}

/** A line read as a part heading. */
interface HeadingMatch {
  part: number;
  index: number;
  /** The numeral as printed, with its punctuation ('' when there is none): 二、 （二） 三、. */
  prefix: string;
  numeral: string | undefined;
  paren: boolean;
  title: string;
  score: number;
}

/**
 * The part whose heading `line` is, if any: a short line (no sentence punctuation) whose title has all
 * the part's key words and is close to the format's title. A title numbered （一） is held to a closer
 * match, since part 一's sub-headings are numbered so (（一）主动公开 is not part 二).
 */
function headingOf(line: SourceLine, index: number): HeadingMatch | undefined {
  if (line.cell) return undefined;
  const text = fold(line.text);
  if (text.length > 40 || /[。；：！？，]/.test(text)) return undefined;
  const match = HEADING.exec(text);
  if (!match) return undefined;
  const numeral = match[1] ?? match[2];
  const paren = match[2] !== undefined;
  const title = match[3] as string;
  let best: HeadingMatch | undefined;
  PART_TITLES.forEach((official, part) => {
    const score = title === official ? 1 : similarity(title, official);
    const keywords = (PART_KEYWORDS[part] ?? []).every((group) => group.some((word) => title.includes(word)));
    const threshold = paren ? 0.75 : numeral === numeralOf(part) ? 0.3 : 0.45;
    if (score < 1 && !(keywords && score >= threshold)) return;
    if (!best || score > best.score) best = { part, index, prefix: text.slice(0, text.length - title.length), numeral, paren, title, score };
  });
  return best;
}

/** The six part headings: the line index of each (-1 when missing), with a finding for each departure. */
function findParts(lines: readonly SourceLine[], from: number, findings: Finding[]): number[] {
  const matches = lines.flatMap((line, i) => (i >= from ? [headingOf(line, i)] : [])).filter((m): m is HeadingMatch => m !== undefined);
  const starts: number[] = [];
  let last: HeadingMatch | undefined;
  PART_HEADINGS.forEach((heading, part) => {
    const candidates = matches.filter((m) => m.part === part && !starts.includes(m.index));
    const found = candidates.find((m) => m.index > (last?.index ?? -1)) ?? candidates[0];
    if (!found) {
      starts.push(-1);
      findings.push(finding('RPT4005', lines[(last?.index ?? from - 1) + 1]?.at ?? '', PART_POINTERS[part] as string, { heading, part: part + 1 }));
      return;
    }
    starts.push(found.index);
    const line = lines[found.index] as SourceLine;
    const numeral = numeralOf(part);
    if (last && found.index < last.index) {
      findings.push(finding('RPT4009', line.at, '', { heading, after: PART_HEADINGS[last.part] as string }));
    }
    if (found.numeral === undefined) findings.push(finding('RPT4006', line.at, '', { numeral, part: part + 1 }));
    else if (found.numeral !== numeral || found.paren)
      findings.push(finding('RPT4007', line.at, '', { written: found.prefix, numeral: `${numeral}、`, part: part + 1 }));
    if (found.title !== PART_TITLES[part]) findings.push(finding('RPT4008', line.at, '', { written: line.text.trim(), heading }));
    if (!last || found.index > last.index) last = found;
  });
  return starts;
}

/**
 * A long line holding part headings inside it (a web page's text run together: …联系。 一、总体情况 2022年，…)
 * cut before and after each: at each 一、…六、, the span after it that is most like a part heading —
 * not one listed in a sentence (包括：一、总体情况；二、…), which punctuation around it gives away.
 */
function splitInlineHeadings(lines: readonly SourceLine[]): SourceLine[] {
  return lines.flatMap((line) => {
    if (line.cell || norm(line.text).length <= 40) return [line];
    const text = line.text.trim();
    const pieces: string[] = [];
    let from = 0;
    for (const match of text.matchAll(new RegExp(`[${NUMERALS}]、`, 'g'))) {
      const start = match.index;
      // A heading starts a stretch of text: not inside an enumeration (包括：一、总体情况；二、…).
      if (start < from || /[：:；;，,、（(“]/.test(text[start - 1] ?? '')) continue;
      let best: { end: number; score: number } | undefined;
      for (let end = start + 4; end <= Math.min(text.length, start + 32); end++) {
        const heading = headingOf({ text: text.slice(start, end), at: line.at }, 0);
        if (heading && heading.score >= 0.6 && (!best || heading.score > best.score)) best = { end, score: heading.score };
      }
      if (!best || /^\s*[：:；;，,、。）)”]/.test(text.slice(best.end))) continue;
      pieces.push(text.slice(from, start), text.slice(start, best.end));
      from = best.end;
    }
    if (pieces.length === 0) return [line];
    pieces.push(text.slice(from));
    return pieces
      .map((piece) => piece.trim())
      .filter((piece) => piece !== '')
      .map((piece) => ({ text: piece, at: line.at }));
  });
}

/** Splits lines of several numbers (a table row copied as “0 1 1 0 2”) into one line per number. */
function splitNumberLines(lines: readonly SourceLine[]): SourceLine[] {
  return lines.flatMap((line) =>
    !line.cell && NUMBERS.test(line.text.trim())
      ? line.text
          .trim()
          .split(/\s+/)
          .map((text) => ({ text, at: line.at }))
      : [line],
  );
}

/** A piece of a source line; `run`: digits printed with no separator between the cells (规章000). */
type Piece = SourceLine & { run?: true };

/**
 * A table flattened into running text (a web page's text, cells with no separator) cut at its labels:
 * 规章000行政规范性文件8855698 → 规章 | 000 | 行政规范性文件 | 8855698, numbers between labels split at
 * spaces, and a number of several digits standing alone marked a run (which cells it holds is known
 * only when each is one digit). `labels` normalised; a line that is a label, or a table cell, stays.
 */
function segment(lines: readonly SourceLine[], labels: readonly string[]): Piece[] {
  const longestFirst = [...labels].filter((label) => label.length > 1).sort((a, b) => b.length - a.length);
  const set = new Set(labels);
  return lines.flatMap((line): Piece[] => {
    const text = line.text.trim().replace(/．/g, '.');
    if (line.cell || set.has(norm(text))) return [line];
    const pieces: string[] = [];
    // The text between labels is cut out of the line, never built a character at a time: a string
    // grown so is a chain of one node per character (32 bytes each), and a 15 MB line in a table's
    // part took the import worker past its 256 MB heap.
    let rest = 0;
    for (let i = 0; i < text.length;) {
      const label = longestFirst.find((l) => text.startsWith(l, i));
      if (label) {
        pieces.push(text.slice(rest, i), label);
        i += label.length;
        rest = i;
      } else i += 1;
    }
    pieces.push(text.slice(rest));
    const found = pieces.filter((piece) => piece.trim() !== '');
    if (found.length <= 1 || !found.some((piece) => set.has(piece))) return [line];
    return found.flatMap((piece): Piece[] => {
      if (set.has(piece) || !NUMBERS.test(piece.trim())) {
        const number = NUMBER.test(piece.trim()) && /^\d{2,}$/.test(piece.trim());
        return [{ text: piece.trim(), at: line.at, ...(number ? { run: true as const } : {}) }];
      }
      return piece
        .trim()
        .split(/\s+/)
        .map((token) => ({ text: token, at: line.at, ...(/^\d{2,}$/.test(token) ? { run: true as const } : {}) }));
    });
  });
}

/** A stretch of the source lines: one part of the report. */
interface Region {
  lines: SourceLine[];
  /** Where the part starts, for findings about something missing in it. */
  at: string;
}

/** Reads the rows of one table by their labels; `labels` are every label the table prints (where a row's cells end). */
class TableReader {
  private cursor = 0;
  private readonly labels: Set<string>;
  /** Numbers with decimals as printed, by pointer. */
  readonly written: Record<string, string> = {};

  private readonly region: Region;

  constructor(
    region: Region,
    labels: readonly string[],
    private readonly findings: Finding[],
    /** Where each value was read in the source, by pointer. */
    private readonly origins: Record<string, string> = {},
    /** The text of cells that lost characters to bad bytes, by pointer. */
    private readonly lostCells: Record<string, string> = {},
  ) {
    this.labels = new Set(labels.map(norm));
    this.region = { ...region, lines: segment(region.lines, [...this.labels]) };
  }

  /** The table's lines, a line of labels and numbers run together cut into pieces. */
  get lines(): readonly Piece[] {
    return this.region.lines;
  }

  /**
   * The numbers after the row label `label`, one per cell pointer in `cellPointers` (where each value
   * goes in the report data); null for each that is missing or unreadable. `pointer` is the row's.
   */
  row(label: string, pointer: string, cellPointers: readonly string[] = [pointer]): (number | null)[] {
    const count = cellPointers.length;
    const { lines } = this.region;
    const found = this.find(norm(label));
    if (found === undefined) {
      this.findings.push(finding('RPT4003', this.region.at, pointer, { row: label }));
      return nulls(count);
    }
    this.cursor = found.index + 1;
    const cells = [...found.inline];
    while (cells.length < count && this.cursor < lines.length) {
      const line = lines[this.cursor] as SourceLine;
      if (this.labels.has(norm(line.text))) break;
      cells.push(line);
      this.cursor += 1;
    }
    if (count > 1 && cells.length < count && cells.some((cell) => (cell as Piece).run)) {
      // The row's numbers printed without separators: which digits make which cell is certain only when each is one digit.
      const digits = cells.map((cell) => norm(cell.text)).join('');
      if (/^\d+$/.test(digits) && digits.length === count) {
        for (const cell of cellPointers) this.origins[cell] = (cells[0] as SourceLine).at;
        return [...digits].map(Number);
      }
      this.findings.push(finding('RPT4015', (cells[0] as SourceLine).at, pointer, { row: label, count: digits.length }));
      return nulls(count);
    }
    const values = cells.map((cell, i) => this.readCell(cell, cellPointers[i] as string, label));
    if (values.length < count) {
      const at = (lines[found.index] as SourceLine).at;
      this.findings.push(finding('RPT4004', at, pointer, { row: label, found: values.length, expected: count }));
    }
    return [...values, ...nulls(count - values.length)];
  }

  /** Whether the line after the label `label` is a number (a table laid out row by row). */
  hasNumbersAfter(label: string): boolean {
    const found = this.find(norm(label), 0);
    if (!found) return false;
    const next = this.region.lines[found.index + 1];
    return found.inline.length > 0 || (next !== undefined && isNumberLike(next));
  }

  /** One cell as a number: null when it cannot be read, 0 for a “none” mark (with a finding either way). */
  readCell(line: SourceLine, pointer: string, row: string): number | null {
    this.origins[pointer] = line.at;
    const raw = line.text.trim();
    if (LOST.test(raw)) this.lostCells[pointer] = raw;
    const text = norm(raw).replace(/[,，]/g, '');
    if (raw === '') {
      this.findings.push(finding('RPT4018', line.at, pointer, {}));
      return null;
    }
    if (NUMBERS.test(raw)) {
      // One cell printing several numbers: a merged cell over rows the format keeps apart.
      this.findings.push(finding('RPT4017', line.at, pointer, { row, rows: raw.split(/\s+/).length }));
      return null;
    }
    if (NUMBER.test(text)) {
      if (text.includes('.')) this.written[pointer] = text;
      return Number(text);
    }
    if (NONE_MARK.test(text)) {
      this.findings.push(finding('RPT4001', line.at, pointer, { written: raw }));
      return 0;
    }
    this.findings.push(finding('RPT4002', line.at, pointer, { written: raw }));
    return null;
  }

  /** The label's line from the cursor on (else anywhere), and the cells printed on the same line after it. */
  private find(label: string, from = this.cursor): { index: number; inline: SourceLine[] } | undefined {
    const { lines } = this.region;
    const search = (start: number) => {
      for (let i = start; i < lines.length; i++) {
        const line = lines[i] as SourceLine;
        if (norm(line.text) === label) return { index: i, inline: [] };
        const [first, ...rest] = line.text.trim().split(/\s+/);
        if (rest.length > 0 && norm(first ?? '') === label) return { index: i, inline: rest.map((text) => ({ text, at: line.at })) };
      }
      return undefined;
    };
    return search(from) ?? search(0);
  }
}

const isNumberLike = (line: SourceLine) => {
  const text = norm(line.text).replace(/[,，]/g, '');
  return NUMBER.test(text) || NONE_MARK.test(text) || NUMBERS.test(line.text.trim());
};

/** Paragraphs as one text: one per source line, separated by blank lines. */
const paragraphs = (lines: readonly SourceLine[]) => lines.map((line) => line.text.trim()).join('\n\n');

/** Part 一: the opening paragraphs, then （一）… sub-headings with their paragraphs. */
function readOverview(lines: readonly SourceLine[]): unknown {
  const items: unknown[] = [];
  let intro: SourceLine[] = [];
  let section: { heading: string; body: SourceLine[] } | undefined;
  const close = () => {
    if (section) items.push({ heading: section.heading, body: paragraphs(section.body) });
    else if (intro.length > 0) items.push(paragraphs(intro));
  };
  for (const line of lines) {
    const sub = SUB_HEADING.exec(norm(line.text));
    if (sub) {
      close();
      intro = [];
      section = { heading: sub[1] as string, body: [] };
    } else if (section) section.body.push(line);
    else intro.push(line);
  }
  close();
  return items.length === 1 && typeof items[0] === 'string' ? items[0] : items;
}

interface TableRead {
  data: ReportData;
  written: Record<string, string>;
}

function readTable2(region: Region, findings: Finding[], origins: Record<string, string>, lostCells: Record<string, string>): TableRead {
  // A label of the 2019 columns, alone or in a line of running text, marks the 2019 format.
  for (const line of region.lines) {
    const sign = TABLE2_SIGNS_2019.find((label) => norm(line.text).includes(label));
    if (sign) return readTable2Of2019(region, { text: sign, at: line.at }, findings, origins, lostCells);
  }
  const labels = [
    DOCUMENT_BLOCK_ITEM,
    CONTENT_LABEL,
    ...DOCUMENT_COUNT_COLUMNS.map((c) => c.label),
    ...DOCUMENT_ROWS.map((r) => r.label),
    ...SINGLE_VALUE_BLOCKS.flatMap((b) => [b.item, b.valueLabel, ...b.rows.map((r) => r.label)]),
  ];
  const table = new TableReader(region, labels, findings, origins, lostCells);
  const data: ReportData = {};
  for (const row of DOCUMENT_ROWS) {
    const values = table.row(
      row.label,
      `/proactive/${row.key}`,
      DOCUMENT_COUNT_COLUMNS.map((c) => `/proactive/${row.key}/${c.key}`),
    );
    data[row.key] = Object.fromEntries(DOCUMENT_COUNT_COLUMNS.map((column, i) => [column.key, values[i]]));
  }
  for (const block of SINGLE_VALUE_BLOCKS) for (const row of block.rows) data[row.key] = table.row(row.label, `/proactive/${row.key}`)[0];
  return { data, written: table.written };
}

/**
 * Table 二 in the 2019 columns: 本年新制作数量 is the 2021 本年制发件数 and 处理决定数量 the 本年处理决定数量;
 * 本年废止件数, 现行有效件数 and the 收费金额 have no 2019 counterpart and are null, each with a finding.
 */
function readTable2Of2019(
  region: Region,
  sign: SourceLine,
  findings: Finding[],
  origins: Record<string, string>,
  lostCells: Record<string, string>,
): TableRead {
  findings.push(finding('RPT4013', sign.at, '/proactive', { table: '表二', tableEn: 'table 二', sign: sign.text.trim() }));
  const [rules, normative] = DOCUMENT_ROWS;
  const documentRows = [
    { key: rules.key, label: rules.label },
    { key: normative.key, label: NORMATIVE_ROW_2019 },
  ];
  const labels = [
    ...TABLE2_SIGNS_2019,
    ...DOCUMENT_COLUMNS_2019,
    ...DECISION_COLUMNS_2019,
    ...FEE_COLUMNS_2019,
    ...PROCUREMENT_COLUMNS_2019,
    OTHER_SERVICES_ROW_2019,
    PROCUREMENT_ITEM_2019,
    PROCUREMENT_ROW_2019,
    DOCUMENT_BLOCK_ITEM,
    CONTENT_LABEL,
    ...documentRows.map((r) => r.label),
    ...SINGLE_VALUE_BLOCKS.flatMap((b) => [b.item, ...b.rows.map((r) => r.label)]),
  ];
  const table = new TableReader(region, labels, findings, origins, lostCells);
  const data: ReportData = {};
  const unmapped = (pointer: string, label: string) => findings.push(finding('RPT4014', sign.at, pointer, { label }));
  for (const row of documentRows) {
    const pointer = `/proactive/${row.key}`;
    const values = table.row(
      row.label,
      pointer,
      DOCUMENT_COLUMNS_2019.map((_, i) => (i === ISSUED_COLUMN_2019 ? `${pointer}/issued` : pointer)),
    );
    data[row.key] = { issued: values[ISSUED_COLUMN_2019] ?? null, repealed: null, in_force: null };
    for (const column of DOCUMENT_COUNT_COLUMNS.slice(1)) unmapped(`${pointer}/${column.key}`, column.label);
  }
  for (const block of SINGLE_VALUE_BLOCKS) {
    for (const row of block.rows) {
      const pointer = `/proactive/${row.key}`;
      if (row.key === 'fees') {
        data[row.key] = null;
        unmapped(pointer, block.valueLabel);
        continue;
      }
      const values = table.row(
        row.label,
        pointer,
        DECISION_COLUMNS_2019.map(() => pointer),
      );
      data[row.key] = values[DECISION_COLUMNS_2019.length - 1] ?? null;
    }
  }
  return { data, written: {} };
}

/** Sets `value` at `path` inside `target`, making the objects on the way. */
function setIn(target: ReportData, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as ReportData;
  node[path.at(-1) as string] = value;
}

function readTable3(region: Region, findings: Finding[], origins: Record<string, string>, lostCells: Record<string, string>): ReportData {
  const labels = [TABLE3_CORNER, TABLE3_APPLICANTS, TABLE3_ORGANISATIONS, RESULTS_LABEL, ...APPLICANT_COLUMNS.map((c) => c.label)];
  const table = new TableReader(
    region,
    [...labels, ...RESULT_GROUPS.map((g) => g.label), ...APPLICATION_ROWS.map((r) => r.label)],
    findings,
    origins,
    lostCells,
  );
  const width = APPLICANT_COLUMNS.length;
  const other = RESULT_GROUPS.find((group) => group.key === 'other') as (typeof RESULT_GROUPS)[number];
  // The 2019 format printed （六）其他处理 as one row with numbers; 2021 splits it into three sub-rows.
  const otherAsOneRow = table.hasNumbersAfter(other.label);
  const data: ReportData = {};
  for (const row of APPLICATION_ROWS) {
    const pointer = `/${row.path.join('/')}`;
    if (otherAsOneRow && row.group === other.label) continue;
    if (otherAsOneRow && row.path.at(-1) === 'total' && row.kind === 'total') {
      const otherPointer = `/applications/results/${other.key}`;
      const at = region.lines.find((line) => norm(line.text) === norm(other.label))?.at ?? region.at;
      findings.push(finding('RPT4013', at, otherPointer, { table: '表三', tableEn: 'table 三', sign: other.label }));
      const values = table.row(other.label, otherPointer, listCells(otherPointer, width));
      // All zeros: each of the three sub-rows is zero. Otherwise no split of them is certain.
      const zeros = values.every((value) => value === 0);
      if (!zeros) findings.push(finding('RPT4017', at, otherPointer, { row: other.label, rows: other.rows.length }));
      for (const sub of other.rows) setIn(data, ['applications', 'results', other.key, sub.key], zeros ? values : nulls(width));
    }
    setIn(data, row.path, table.row(row.label, pointer, listCells(pointer, width)));
  }
  return data.applications as ReportData;
}

/**
 * Table 四 is printed with its rows side by side (行政复议 | 行政诉讼: 未经复议直接起诉 | 复议后起诉): copied
 * as text, its 15 numbers come after all the labels, in that order. A table laid out row by row
 * (label, then its numbers) is read by labels.
 */
function readTable4(region: Region, findings: Finding[], origins: Record<string, string>, lostCells: Record<string, string>): ReportData {
  const width = CASE_COLUMNS.length;
  const table = new TableReader(
    region,
    [LITIGATION_LABEL, ...CASE_COLUMNS.map((c) => c.label), ...CASE_ROWS.map((r) => r.label)],
    findings,
    origins,
    lostCells,
  );
  if (CASE_ROWS.some((row) => table.hasNumbersAfter(row.label))) {
    return Object.fromEntries(
      CASE_ROWS.map((row) => [row.key, table.row(row.label, `/review_litigation/${row.key}`, listCells(`/review_litigation/${row.key}`, width))]),
    );
  }
  const lines = table.lines;
  let start = lines.length;
  while (start > 0 && isNumberLike(lines[start - 1] as SourceLine)) start -= 1;
  let cells: readonly SourceLine[] = lines.slice(start);
  const wanted = width * CASE_ROWS.length;
  const [run] = cells;
  if (cells.length === 1 && run && (run as Piece).run) {
    // The 15 numbers run together: certain only when each is one digit.
    const digits = norm(run.text);
    if (digits.length !== wanted) {
      findings.push(finding('RPT4015', run.at, '/review_litigation', { row: LITIGATION_LABEL, count: digits.length }));
      return Object.fromEntries(CASE_ROWS.map((row) => [row.key, nulls(width)]));
    }
    cells = [...digits].map((digit) => ({ text: digit, at: run.at }));
  }
  if (cells.length !== wanted) {
    findings.push(finding('RPT4016', cells[0]?.at ?? region.at, '/review_litigation', { found: cells.length, expected: wanted }));
    return Object.fromEntries(CASE_ROWS.map((row) => [row.key, nulls(width)]));
  }
  const reader = new TableReader({ lines: [], at: region.at }, [], findings, origins, lostCells);
  return Object.fromEntries(
    CASE_ROWS.map((row, r) => [
      row.key,
      indexes(width).map((c) => reader.readCell(cells[r * width + c] as SourceLine, `/review_litigation/${row.key}/${c}`, row.label)),
    ]),
  );
}

/** 网址 and 联系方式 as the preamble states them; a phone keeps the characters lost in it (decode.ts), not cut short there. */
function readContact(preamble: string): ReportData {
  const found: ReportData = {};
  const website = /https?:\/\/[^\s）)，,；;]+/.exec(preamble);
  if (website) found.website = website[0];
  const contact: ReportData = {};
  const patterns = {
    office: /请与(.+?)联系/,
    address: /地址[：:]([^，,；;）)]+)/,
    phone: new RegExp(`电话[：:]([\\d\\-－—${LOST_CHARS}]+)`),
    postcode: /邮编[：:](\d{6})/,
  };
  for (const [key, pattern] of Object.entries(patterns)) {
    const match = pattern.exec(preamble);
    if (match) contact[key] = match[1];
  }
  if (Object.keys(contact).length > 0) found.contact = contact;
  return found;
}

/** “No fee collected”, as reports word it: 2023年，本机关无收取信息处理费情况。 / 2022年，无收取信息处理费情况。 */
const NO_FEES = /^\d{4}年度?[，,]?(本机关|本单位|我[区县市局委办])?(无|未)(收取|发生|产生)?(收取)?信息处理费(收取)?(的)?情况[。.]?$/;
/** The figures of the fee sentence (processingFeeSentence in src/model/build.ts and its variants). */
const FEE_FIGURES = {
  notices: /发出(?:信息处理费)?收费通知书?(\d+)件/,
  amount_yuan: /收费通知(?:书)?(?:的)?总?金额(?:为|共|合计)?(\d+(?:\.\d+)?)元/,
  collected_yuan: /实际收取(?:信息处理费)?(?:金额)?(?:为|共|合计)?(\d+(?:\.\d+)?)元/,
};

/**
 * Part 六: the sentence on 信息处理费 becomes processing_fees (all zero for “none”, else the notices,
 * their amount and the amount collected, when it states all three); the rest stays other_matters.
 */
function readOtherMatters(lines: readonly SourceLine[]): ReportData {
  const kept: string[] = [];
  let fees: ReportData | undefined;
  for (const line of lines) {
    if (fees) {
      kept.push(line.text.trim());
      continue;
    }
    const sentences = line.text.trim().match(/[^。]+。?/g) ?? [];
    const index = sentences.findIndex((sentence) => {
      const text = norm(sentence);
      if (NO_FEES.test(text)) {
        fees = { notices: 0, amount_yuan: 0, collected_yuan: 0 };
        return true;
      }
      const figures = Object.entries(FEE_FIGURES).map(([key, pattern]) => [key, pattern.exec(text)?.[1]] as const);
      if (!text.includes('信息处理费') || figures.some(([, value]) => value === undefined)) return false;
      fees = Object.fromEntries(figures.map(([key, value]) => [key, Number(value)]));
      return true;
    });
    const rest = sentences
      .filter((_, i) => i !== index)
      .join('')
      .trim();
    if (rest) kept.push(rest);
  }
  const data: ReportData = {};
  if (fees) data.processing_fees = fees;
  if (kept.length > 0) data.other_matters = kept.join('\n\n');
  return data;
}

/** Short text with no sentence punctuation: a line a title may be made of. */
const titleLike = (line: SourceLine | undefined) => line !== undefined && !line.cell && norm(line.text).length <= 60 && !/[。，；：:]/.test(line.text);

/**
 * The title: the first line naming a report of a year (a web page's navigation comes before it), or
 * its first line. A title in two lines — the organ, then 2023年…报告 (a <br>, two paragraphs) — is one.
 * Returns the title's first and last line indexes.
 */
function findTitle(lines: readonly SourceLine[]): { first: number; last: number; text: string } | undefined {
  const names = (line: SourceLine | undefined) => titleLike(line) && /\d{4}\s*年/.test((line as SourceLine).text);
  /** A line ending the title begun on the line before: …年度报告 alone. */
  const ends = (line: SourceLine | undefined) => titleLike(line) && /年度报告$/.test(norm((line as SourceLine).text));
  // The first line may be a title without a year; a sentence there is not.
  const first = (line: SourceLine, i: number) => i === 0 && !line.cell && norm(line.text).length <= 60 && !/[。，]/.test(line.text);
  const index = lines.findIndex((line, i) => (line.text.includes('报告') && (first(line, i) || names(line))) || (names(line) && ends(lines[i + 1])));
  if (index < 0) return undefined;
  const line = lines[index] as SourceLine;
  const previous = lines[index - 1];
  // A page's text may label its title field (标题：…).
  const text = (l: SourceLine) =>
    l.text
      .replace(/\s*\n\s*/g, '')
      .trim()
      .replace(/^(标题|题目|名称)\s*[:：]\s*/, '');
  if (!line.text.includes('报告')) return { first: index, last: index + 1, text: text(line) + text(lines[index + 1] as SourceLine) };
  if (index > 0 && titleLike(previous) && !(previous as SourceLine).text.includes('报告') && /^\s*\d{4}\s*年/.test(line.text)) {
    return { first: index - 1, last: index, text: text(previous as SourceLine) + text(line) };
  }
  return { first: index, last: index, text: text(line) };
}

export function recognise(input: readonly SourceLine[]): Recognised {
  const lines = splitNumberLines(splitInlineHeadings(input));
  const findings: Finding[] = [];
  // A “title” after a part heading of the format's exact words is a line of the body: no title then.
  const firstExact = lines.findIndex((line) => !line.cell && PART_TITLES.includes(titleOf(line.text)));
  const titleCandidate = findTitle(lines);
  const titleFound = titleCandidate && (firstExact < 0 || titleCandidate.first < firstExact) ? titleCandidate : undefined;
  const starts = findParts(lines, titleFound ? titleFound.last + 1 : 0, findings);
  let dateIndex = lines.length - 1;
  while (dateIndex >= 0 && !DATE.test(norm((lines[dateIndex] as SourceLine).text))) dateIndex -= 1;
  const lastStart = Math.max(...starts);
  if (dateIndex <= lastStart) dateIndex = -1;
  // The signature: the organ's name on the line before the date (a sentence there is no signature).
  const signature = dateIndex > 0 ? lines[dateIndex - 1] : undefined;
  const organ = signature && titleLike(signature) && norm(signature.text).length <= 40 ? signature.text.trim() : undefined;
  const end = organ ? dateIndex - 1 : dateIndex >= 0 ? dateIndex : lines.length;
  const sorted = starts.filter((s) => s >= 0).sort((a, b) => a - b);
  /** Part `part`'s lines: from its heading to the next heading found (in the source's order). */
  const region = (part: number): Region => {
    const start = starts[part] as number;
    if (start < 0) return { lines: [], at: '' };
    const next = sorted.find((s) => s > start) ?? end;
    return { lines: lines.slice(start + 1, next), at: (lines[start] as SourceLine).at };
  };
  const firstPart = sorted[0] ?? end;
  const title = titleFound && titleFound.first < firstPart ? titleFound : undefined;
  const titleLine = title ? lines[title.first] : undefined;
  const preamble = paragraphs(lines.slice(title ? title.last + 1 : 0, firstPart));

  const date = DATE.exec(norm(lines[dateIndex]?.text ?? ''));
  const yearWritten = title ? /(\d{4})\s*年/.exec(title.text)?.[1] : undefined;
  const year = yearWritten ? Number(yearWritten) : date ? Number(date[1]) - 1 : null;
  const lastAt = lines.at(-1)?.at ?? '';
  if (!date) findings.push(finding('RPT4010', lastAt, '/date', {}));
  if (!organ) findings.push(finding('RPT4011', lastAt, '/organ', {}));
  if (!yearWritten) findings.push(finding('RPT4012', titleLine?.at ?? '', '/year', {}));

  // No signature: the organ as the title names it, before its year.
  const organOfTitle = title && yearWritten ? title.text.slice(0, title.text.indexOf(yearWritten)).trim() : '';
  const data: ReportData = { format: '2021', organ: organ ?? (organOfTitle || null), year };
  if (title) data.title = title.text;
  data.date = date ? `${date[1]}-${date[2]?.padStart(2, '0')}-${date[3]?.padStart(2, '0')}` : null;
  if (preamble) Object.assign(data, { preamble }, readContact(preamble));
  data.overview = readOverview(region(0).lines);
  const origins: Record<string, string> = {};
  const lostCells: Record<string, string> = {};
  const table2 = readTable2(region(1), findings, origins, lostCells);
  data.proactive = table2.data;
  data.applications = readTable3(region(2), findings, origins, lostCells);
  data.review_litigation = readTable4(region(3), findings, origins, lostCells);
  data.problems = paragraphs(region(4).lines);
  Object.assign(data, readOtherMatters(region(5).lines));
  return { data, findings, asWritten: table2.written, origins, lostCells };
}
