/**
 * Text lost to bad bytes, after recognition: the fields of the report whose text holds a place's mark
 * (decode.ts) are the fields that lost text there, so each place's RPT1035 names them; the marks turn
 * back into U+FFFD, and each such field gets a comment in the YAML as an uncertain value does — the
 * YAML never holds a replaced character without saying where and why.
 */
import type { Format } from '../format/format';
import { DEFAULT_FORMAT } from '../format/registry';
import { buildReportSchema } from '../schema/build-schema';
import { LOST, markIndex, type BadBytes } from './decode';
import type { Finding } from './findings';
import type { SourceLine } from './reader';
import type { ReportData } from './recognise';
import type { Note } from '../report/write-yaml';

/** A place of bad bytes and where its text went. */
export interface LostPlace extends BadBytes {
  /** The JSON Pointers of the fields whose text lost characters here (none: a heading, a label, text not imported). */
  pointers: string[];
  /** The source's text around the place, the lost characters as U+FFFD ('' when the readers dropped it: markup). */
  excerpt: string;
}

const MARKS = /[\ufdd0-\ufde3]/g;
/** Marks as U+FFFD: the text the clerk sees. */
const unmarked = (text: string) => text.replace(MARKS, '\ufffd');
/** The places whose marks `text` holds (at most MAX_BAD_PLACES in a whole source: its U+FFFD past them are not matched one by one). */
const marksIn = (text: string) => [...text.matchAll(MARKS)].map((m) => markIndex(m[0])).filter((i): i is number => i !== undefined);

/** Up to 12 characters either side of the mark of place `index` in `text`. */
function excerptAround(text: string, index: number): string {
  const at = text.indexOf(String.fromCharCode(0xfdd0 + index));
  return unmarked(text.slice(Math.max(0, at - 12), at + 13).replace(/\s+/g, ' ')).trim();
}

type Json = { title?: string; properties?: Record<string, Json> };

/** The Chinese titles of the schema's keys on the way to `pointer`: 联系方式 › 电话 (from the format's JSON Schema). */
export function fieldTitle(pointer: string, format: Format = DEFAULT_FORMAT): string {
  const titles: string[] = [];
  let node: Json | undefined = buildReportSchema(format) as Json;
  for (const key of pointer.split('/').slice(1)) {
    node = node?.properties?.[key];
    if (node?.title) titles.push(node.title);
  }
  return titles.join(' › ') || pointer;
}

export interface LostText {
  /** The report data with every mark as U+FFFD. */
  data: ReportData;
  findings: Finding[];
  places: LostPlace[];
  /** A comment at each field that lost text. */
  notes: Note[];
}

/**
 * Finds the fields that lost text: strings of `data`, and number cells (`lostCells`, left null by the
 * recogniser) whose text did. `lines` are the reader's, for the text around a place no field holds.
 */
export function lostText(
  data: ReportData,
  findings: readonly Finding[],
  lostCells: Readonly<Record<string, string>>,
  places: readonly BadBytes[],
  lines: readonly SourceLine[],
): LostText {
  const fields = new Map<string, number[]>();
  const walk = (value: unknown, pointer: string): unknown => {
    if (typeof value === 'string') {
      if (!LOST.test(value)) return value;
      fields.set(pointer, marksIn(value));
      return unmarked(value);
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${pointer}/${i}`));
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, `${pointer}/${k}`)]));
    return value;
  };
  const cleaned = walk(data, '') as ReportData;
  for (const [pointer, text] of Object.entries(lostCells)) fields.set(pointer, marksIn(text));
  const lostPlaces = places.map((place, index): LostPlace => {
    const pointers = [...fields].filter(([, marks]) => marks.includes(index)).map(([pointer]) => pointer);
    const line = lines.find((l) => marksIn(l.text).includes(index));
    return { ...place, pointers, excerpt: line ? excerptAround(line.text, index) : '' };
  });
  const notes = [...fields].map(([pointer, marks]): Note => {
    const where = marks.map((i) => places[i]).filter((p): p is BadBytes => p !== undefined);
    const at = where.length > 0 ? `（原文${where.map((p) => `第 ${p.line} 行第 ${p.column} 列`).join('、')}的字节不是 ${where[0]?.encoding}）` : '';
    return { path: pointer.split('/').slice(1), text: `导入：有读不出的文字，以 \ufffd 标出${at}，请对照原文补全`, place: 'after' };
  });
  const cleanFindings = findings.map((f) => ({
    ...f,
    params: Object.fromEntries(Object.entries(f.params).map(([k, v]) => [k, typeof v === 'string' ? unmarked(v) : v])),
  }));
  return { data: cleaned, findings: cleanFindings, places: lostPlaces, notes };
}
