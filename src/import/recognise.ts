/**
 * The recogniser: the neutral stream of lines any reader gives (reader.ts) → report data, the plain
 * object the YAML holds, with every departure from the format as a finding (findings.ts). Parts are
 * found by their headings (part-headings.ts), tables by their labels (table-reader.ts and a reader
 * per table), and a row's numbers are the cells after its label. A cell that cannot be read is null,
 * never a guess. A table in the 2019 试行 format is told by its labels (read-table2-2019.ts): what maps
 * onto the 2021 rows is read. The format — its headings and labels — is a parameter.
 */
import type { Format } from '../format/format';
import { blankFindings } from './blank-regions';
import { finding, type Finding } from './findings';
import { norm } from './line-text';
import { findParts, partTitles, splitInlineHeadings, titleOf } from './part-headings';
import { readContact } from './read-contact';
import { readOtherMatters } from './read-part-six';
import { readTable2 } from './read-table2';
import { readTable3 } from './read-table3';
import { readTable4 } from './read-table4';
import { findTitle, paragraphs, readOverview, titleLike } from './read-title-text';
import type { SourceLine } from './reader';
import { splitNumberLines } from './segment';
import type { Region, TableSink } from './table-reader';

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

export interface RecogniseOptions {
  /** Read blank number cells as 0 (`report import --blank-as-zero`): the clerk confirms the report meant 0 by them. */
  blankAsZero?: boolean;
}

const DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/** Recognises a report in `format` (its part headings and table labels) in the reader's lines. */
export function recognise(input: readonly SourceLine[], format: Format, options: RecogniseOptions = {}): Recognised {
  const labels = format.labels;
  const lines = splitNumberLines(splitInlineHeadings(labels, input));
  const findings: Finding[] = [];
  // A “title” after a part heading of the format's exact words is a line of the body: no title then.
  const firstExact = lines.findIndex((line) => !line.cell && partTitles(labels).includes(titleOf(line.text)));
  const titleCandidate = findTitle(lines);
  const titleFound = titleCandidate && (firstExact < 0 || titleCandidate.first < firstExact) ? titleCandidate : undefined;
  const starts = findParts(labels, lines, titleFound ? titleFound.last + 1 : 0, findings);
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
  const data: ReportData = { format: format.id, organ: organ ?? (organOfTitle || null), year };
  if (title) data.title = title.text;
  data.date = date ? `${date[1]}-${date[2]?.padStart(2, '0')}-${date[3]?.padStart(2, '0')}` : null;
  if (preamble) Object.assign(data, { preamble }, readContact(preamble));
  data.overview = readOverview(region(0).lines);
  const sink: TableSink = { findings, origins: {}, lostCells: {}, blanks: [], blankAsZero: options.blankAsZero === true };
  const table2 = readTable2(labels, region(1), sink);
  data.proactive = table2.data;
  data.applications = readTable3(labels, region(2), sink);
  data.review_litigation = readTable4(labels, region(3), sink);
  findings.push(...blankFindings(labels, sink.blanks, sink.origins, sink.blankAsZero));
  data.problems = paragraphs(region(4).lines);
  Object.assign(data, readOtherMatters(region(5).lines));
  return { data, findings, asWritten: table2.written, origins: sink.origins, lostCells: sink.lostCells };
}
