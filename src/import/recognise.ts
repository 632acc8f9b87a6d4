/**
 * The recogniser: the neutral stream of lines any reader gives (reader.ts) → report data, the plain
 * object the YAML holds, with every departure from the national format as a finding. Parts are found
 * by their headings (numerals may be missing or misprinted), tables by their labels, and a row's
 * numbers are the cells after its label. A cell that cannot be read is null, never a guess.
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
  RESULT_GROUPS,
  RESULTS_LABEL,
  SINGLE_VALUE_BLOCKS,
  TABLE3_APPLICANTS,
  TABLE3_CORNER,
  TABLE3_ORGANISATIONS,
} from '../format/national-2021';
import { processingFeeSentence } from '../model/build';
import type { Report } from '../report/types';
import type { SourceLine } from './reader';

/** A departure from the national format found while importing: where in the source, and at which value. */
export interface Finding {
  /** Where in the source (第 12 行 …). */
  at: string;
  /** JSON Pointer of the value it concerns in the report data ('' for the report as a whole). */
  pointer: string;
  zh: string;
  en: string;
}

export type ReportData = Record<string, unknown>;

export interface Recognised {
  data: ReportData;
  findings: Finding[];
}

/** 0 … n-1. */
const indexes = (n: number) => Array.from({ length: n }, (_, i) => i);
/** The pointers of a row's cells held as a list. */
const listCells = (pointer: string, n: number) => indexes(n).map((i) => `${pointer}/${i}`);

/** Text compared with a label: no whitespace (labels wrap over lines), full-width dots as ASCII. */
const norm = (text: string) => text.replace(/\s+/g, '').replace(/．/g, '.');

const NUMERALS = '一二三四五六七八九十';
const HEADING = new RegExp(`^([${NUMERALS}]+)?[、.]?(.+)$`);
const SUB_HEADING = new RegExp(`^（[${NUMERALS}]+）([^。；]{1,30})$`);
const DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
/** What reports print for “none” in a number cell. */
const NONE_MARK = /^(\/|／|-+|－+|—+|无)$/;
const NUMBER = /^\d+(\.\d+)?$/;

/** A part heading's title without its numeral: 一、总体情况 → 总体情况. */
const titleOf = (heading: string) => heading.replace(HEADING, '$2');

/** One cell as a number: null when it cannot be read, 0 for a “none” mark (with a finding either way). */
function readCell(line: SourceLine, pointer: string, findings: Finding[]): number | null {
  const text = norm(line.text).replace(/[,，]/g, '');
  if (NUMBER.test(text)) return Number(text);
  if (NONE_MARK.test(text)) {
    findings.push({ at: line.at, pointer, zh: `原文为“${line.text.trim()}”，按 0 读入`, en: `written as "${line.text.trim()}", read as 0` });
    return 0;
  }
  findings.push({ at: line.at, pointer, zh: `原文为“${line.text.trim()}”，无法读出数值`, en: `written as "${line.text.trim()}": not a number` });
  return null;
}

const isNumberLike = (line: SourceLine) => {
  const text = norm(line.text).replace(/[,，]/g, '');
  return NUMBER.test(text) || NONE_MARK.test(text);
};

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

  constructor(
    private readonly region: Region,
    labels: readonly string[],
    private readonly findings: Finding[],
  ) {
    this.labels = new Set(labels.map(norm));
  }

  /**
   * The numbers after the row label `label`, one per cell pointer in `cells` (where each value goes in
   * the report data); null for each that is missing or unreadable. `pointer` is the row's.
   */
  row(label: string, pointer: string, cellPointers: readonly string[] = [pointer]): (number | null)[] {
    const count = cellPointers.length;
    const { lines } = this.region;
    const found = this.find(norm(label));
    if (found === undefined) {
      this.findings.push({ at: this.region.at, pointer, zh: `缺少“${label}”一行`, en: `the row "${label}" is missing` });
      return Array.from({ length: count }, () => null);
    }
    this.cursor = found.index + 1;
    const cells = [...found.inline];
    while (cells.length < count && this.cursor < lines.length) {
      const line = lines[this.cursor] as SourceLine;
      if (this.labels.has(norm(line.text))) break;
      cells.push(line);
      this.cursor += 1;
    }
    const values = cells.map((cell, i) => readCell(cell, cellPointers[i] as string, this.findings));
    if (values.length < count) {
      const at = (lines[found.index] as SourceLine).at;
      this.findings.push({
        at,
        pointer,
        zh: `“${label}”一行只有 ${values.length} 个数，应为 ${count} 个`,
        en: `the row "${label}" has ${values.length} numbers, not ${count}`,
      });
    }
    return [...values, ...Array.from({ length: count - values.length }, () => null)];
  }

  /** Whether the line after the label `label` is a number (a table laid out row by row). */
  hasNumbersAfter(label: string): boolean {
    const found = this.find(norm(label), 0);
    if (!found) return false;
    const next = this.region.lines[found.index + 1];
    return found.inline.length > 0 || (next !== undefined && isNumberLike(next));
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

function readTable2(region: Region, findings: Finding[]): ReportData {
  const labels = [
    DOCUMENT_BLOCK_ITEM,
    CONTENT_LABEL,
    ...DOCUMENT_COUNT_COLUMNS.map((c) => c.label),
    ...DOCUMENT_ROWS.map((r) => r.label),
    ...SINGLE_VALUE_BLOCKS.flatMap((b) => [b.item, b.valueLabel, ...b.rows.map((r) => r.label)]),
  ];
  const table = new TableReader(region, labels, findings);
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
  return data;
}

/** Sets `value` at `path` inside `target`, making the objects on the way. */
function setIn(target: ReportData, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as ReportData;
  node[path.at(-1) as string] = value;
}

function readTable3(region: Region, findings: Finding[]): ReportData {
  const labels = [TABLE3_CORNER, TABLE3_APPLICANTS, TABLE3_ORGANISATIONS, RESULTS_LABEL, ...APPLICANT_COLUMNS.map((c) => c.label)];
  const table = new TableReader(region, [...labels, ...RESULT_GROUPS.map((g) => g.label), ...APPLICATION_ROWS.map((r) => r.label)], findings);
  const data: ReportData = {};
  for (const row of APPLICATION_ROWS) {
    const pointer = `/${row.path.join('/')}`;
    setIn(data, row.path, table.row(row.label, pointer, listCells(pointer, APPLICANT_COLUMNS.length)));
  }
  return data.applications as ReportData;
}

/**
 * Table 四 is printed with its rows side by side (行政复议 | 行政诉讼: 未经复议直接起诉 | 复议后起诉): copied
 * as text, its 15 numbers come after all the labels, in that order. A table laid out row by row
 * (label, then its numbers) is read by labels.
 */
function readTable4(region: Region, findings: Finding[]): ReportData {
  const width = CASE_COLUMNS.length;
  const table = new TableReader(region, [LITIGATION_LABEL, ...CASE_COLUMNS.map((c) => c.label), ...CASE_ROWS.map((r) => r.label)], findings);
  if (CASE_ROWS.some((row) => table.hasNumbersAfter(row.label))) {
    return Object.fromEntries(
      CASE_ROWS.map((row) => [row.key, table.row(row.label, `/review_litigation/${row.key}`, listCells(`/review_litigation/${row.key}`, width))]),
    );
  }
  let start = region.lines.length;
  while (start > 0 && isNumberLike(region.lines[start - 1] as SourceLine)) start -= 1;
  const cells = region.lines.slice(start);
  const wanted = width * CASE_ROWS.length;
  if (cells.length !== wanted) {
    findings.push({
      at: cells[0]?.at ?? region.at,
      pointer: '/review_litigation',
      zh: `表四有 ${cells.length} 个数，应为 ${wanted} 个`,
      en: `table 四 has ${cells.length} numbers, not ${wanted}`,
    });
  }
  return Object.fromEntries(
    CASE_ROWS.map((row, r) => [
      row.key,
      Array.from({ length: width }, (_, c) => {
        const cell = cells[r * width + c];
        return cell ? readCell(cell, `/review_litigation/${row.key}/${c}`, findings) : null;
      }),
    ]),
  );
}

/** 网址 and 联系方式 as the preamble states them. */
function readContact(preamble: string): ReportData {
  const found: ReportData = {};
  const website = /https?:\/\/[^\s）)，,；;]+/.exec(preamble);
  if (website) found.website = website[0];
  const contact: ReportData = {};
  const patterns = { office: /请与(.+?)联系/, address: /地址[：:]([^，,；;）)]+)/, phone: /电话[：:]([\d\-－—]+)/, postcode: /邮编[：:](\d{6})/ };
  for (const [key, pattern] of Object.entries(patterns)) {
    const match = pattern.exec(preamble);
    if (match) contact[key] = match[1];
  }
  if (Object.keys(contact).length > 0) found.contact = contact;
  return found;
}

/** Finds the six part headings in order: their line indexes (-1 when missing). */
function findParts(lines: readonly SourceLine[], findings: Finding[]): number[] {
  const starts: number[] = [];
  let from = 0;
  PART_HEADINGS.forEach((heading, part) => {
    const numeral = heading.slice(0, heading.indexOf('、'));
    const index = lines.findIndex((line, i) => i >= from && titleOf(norm(line.text)) === titleOf(heading));
    starts.push(index);
    if (index < 0) {
      findings.push({ at: lines[from]?.at ?? '', pointer: '', zh: `未找到第${numeral}部分“${heading}”`, en: `part ${part + 1} "${heading}" not found` });
      return;
    }
    from = index + 1;
    const line = lines[index] as SourceLine;
    const written = HEADING.exec(norm(line.text))?.[1];
    if (written !== numeral) {
      findings.push({
        at: line.at,
        pointer: '',
        zh: written ? `标题序号为“${written}”，应为“${numeral}”` : `标题缺少序号“${numeral}、”`,
        en: written ? `the heading is numbered ${written}, not ${numeral}` : `the heading lacks its numeral ${numeral}`,
      });
    }
  });
  return starts;
}

export function recognise(lines: readonly SourceLine[]): Recognised {
  const findings: Finding[] = [];
  const starts = findParts(lines, findings);
  let dateIndex = lines.length - 1;
  while (dateIndex >= 0 && !DATE.test(norm((lines[dateIndex] as SourceLine).text))) dateIndex -= 1;
  const signatureIndex = dateIndex > 0 ? dateIndex - 1 : -1;
  const end = signatureIndex >= 0 ? signatureIndex : lines.length;
  /** Part `part`'s lines: from its heading to the next heading found. */
  const region = (part: number): Region => {
    const start = starts[part] as number;
    if (start < 0) return { lines: [], at: '' };
    const next = starts.slice(part + 1).find((s) => s >= 0) ?? end;
    return { lines: lines.slice(start + 1, next), at: (lines[start] as SourceLine).at };
  };
  const firstPart = starts.find((s) => s >= 0) ?? end;
  // The title: the first line before part 一 that names a report of a year (a web page's navigation comes before it).
  const titleIndex = lines.slice(0, firstPart).findIndex((line, i) => line.text.includes('报告') && (i === 0 || /\d{4}\s*年/.test(line.text)));
  const titleLine = titleIndex >= 0 ? lines[titleIndex] : undefined;
  // A title broken over lines (the DOCX's explicit line breaks) is one title.
  const title = titleLine?.text.replace(/\s*\n\s*/g, '').trim();
  const preamble = paragraphs(lines.slice(titleIndex + 1, firstPart));

  const date = DATE.exec(norm(lines[dateIndex]?.text ?? ''));
  const organ = lines[signatureIndex]?.text.trim();
  const yearWritten = title ? /(\d{4})年/.exec(title)?.[1] : undefined;
  const year = yearWritten ? Number(yearWritten) : date ? Number(date[1]) - 1 : null;
  if (!date) findings.push({ at: lines.at(-1)?.at ?? '', pointer: '/date', zh: '未找到成文日期', en: 'no date found' });
  if (!organ) findings.push({ at: lines.at(-1)?.at ?? '', pointer: '/organ', zh: '未找到落款机关', en: 'no signature found' });
  if (!yearWritten) findings.push({ at: titleLine?.at ?? '', pointer: '/year', zh: '标题中未找到年度', en: 'no year in the title' });

  const data: ReportData = { format: '2021', organ: organ ?? null, year };
  if (title) data.title = title;
  data.date = date ? `${date[1]}-${date[2]?.padStart(2, '0')}-${date[3]?.padStart(2, '0')}` : null;
  if (preamble) Object.assign(data, { preamble }, readContact(preamble));
  data.overview = readOverview(region(0).lines);
  data.proactive = readTable2(region(1), findings);
  data.applications = readTable3(region(2), findings);
  data.review_litigation = readTable4(region(3), findings);
  data.problems = paragraphs(region(4).lines);
  const other = region(5).lines;
  const noFees = { notices: 0, amount_yuan: 0, collected_yuan: 0 };
  if (year !== null && other[0]?.text.trim() === processingFeeSentence({ year, processing_fees: noFees } as Report)) {
    if (other.length > 1) data.other_matters = paragraphs(other.slice(1));
    data.processing_fees = noFees;
  } else if (other.length > 0) data.other_matters = paragraphs(other);
  return { data, findings };
}
