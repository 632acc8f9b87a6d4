/**
 * The one writer of report YAML (`report init`, import, `--year-forward`, sum): report data → YAML
 * text in the layout of a hand-written report (fixtures/yichun-2023.yaml): the schema line, part
 * headings and row labels as comments (from the format's labels), table rows on one line, and each
 * note (an import finding, a hint of the template) as a comment at the value it concerns.
 */
import { Document, isCollection, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Format } from '../format/format';
import { formatOf } from '../format/registry';
import { schemaHeader } from '../schema/schema-file';
import { parsePointer } from '../source/pointer';
import { cellIndexIn, sourcePlaceComment } from '../source/source-place';

/** The top-level key each part of the report is written under. */
const PART_KEYS = ['overview', 'proactive', 'applications', 'review_litigation', 'problems', ['other_matters', 'processing_fees']] as const;

/** The key's pair in the map at `path`, if both are there. */
function pairAt(doc: Document, path: readonly string[]): Pair | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  return parent.items.find((pair) => isScalar(pair.key) && pair.key.value === path.at(-1));
}

/** A comment line above the key at `path`; `gap` leaves a blank line before it. */
function above(doc: Document, path: readonly string[], comment: string, gap = false): void {
  const pair = pairAt(doc, path);
  if (!pair || !isScalar(pair.key)) return;
  pair.key.commentBefore = pair.key.commentBefore ? `${pair.key.commentBefore}\n ${comment}` : ` ${comment}`;
  if (gap) pair.key.spaceBefore = true;
}

/** A comment after the value at `path`, on its line. */
function after(doc: Document, path: readonly string[], comment: string): void {
  const node = doc.getIn(path, true) as Node | undefined;
  if (node && (isScalar(node) || isCollection(node))) node.comment = node.comment ? `${node.comment}；${comment}` : ` ${comment}`;
}

/** A number cell (null: one that could not be read). */
const isCell = (node: unknown) => isScalar(node) && (typeof node.value === 'number' || node.value === null);

/** Table rows (number lists, the 规章 counts, the 信息处理费 figures) on one line each. */
function flowRows(node: unknown): void {
  if (isSeq(node) && node.items.every(isCell)) node.flow = true;
  else if (isMap(node)) {
    if (node.items.every((pair) => isCell(pair.value))) node.flow = true;
    for (const pair of node.items) flowRows(pair.value);
  }
}

function labelRows(doc: Document, format: Format): void {
  const { APPLICANT_COLUMNS, APPLICATION_ROWS, CASE_COLUMNS, CASE_ROWS, DOCUMENT_BLOCK_ITEM, DOCUMENT_COUNT_COLUMNS, DOCUMENT_ROWS, LITIGATION_LABEL } =
    format.labels;
  const { RESULT_GROUPS, RESULTS_LABEL, SINGLE_VALUE_BLOCKS } = format.labels;
  const labels = (list: readonly { label: string }[]) => list.map((c) => c.label).join(', ');
  above(doc, ['proactive', DOCUMENT_ROWS[0].key], `${DOCUMENT_BLOCK_ITEM}：${DOCUMENT_COUNT_COLUMNS.map((c) => c.label).join(' / ')}`);
  for (const row of DOCUMENT_ROWS) after(doc, ['proactive', row.key], row.label);
  for (const block of SINGLE_VALUE_BLOCKS) {
    above(doc, ['proactive', (block.rows[0] as { key: string }).key], `${block.item}：${block.valueLabel}`);
    for (const row of block.rows) after(doc, ['proactive', row.key], row.label);
  }
  above(doc, ['applications', 'new'], `列：[${labels(APPLICANT_COLUMNS)}]`);
  above(doc, ['applications', 'results'], RESULTS_LABEL);
  for (const group of RESULT_GROUPS) above(doc, ['applications', 'results', group.key], group.label);
  for (const row of APPLICATION_ROWS) above(doc, row.path, row.label);
  above(doc, ['review_litigation', 'review'], `列：[${labels(CASE_COLUMNS)}]`);
  CASE_ROWS.forEach((row, i) => above(doc, ['review_litigation', row.key], i === 0 ? row.label : `${LITIGATION_LABEL} — ${row.label}`));
}

/**
 * Each imported value's place in the source as a comment on its line: a table row (one line) gets
 * one place per cell, in the order of its cells, so that each cell's can be read back.
 */
function commentOrigins(doc: Document, origins: Readonly<Record<string, string>>): void {
  const rows = new Map<string, { path: string[]; places: (string | undefined)[] }>();
  for (const [pointer, at] of Object.entries(origins)) {
    const path = parsePointer(pointer);
    if (!doc.hasIn(path)) continue;
    const line = commentPath(doc, path);
    const node = doc.getIn(line, true);
    const row = rows.get(line.join('/')) ?? { path: line, places: isCollection(node) ? node.items.map(() => undefined) : [undefined] };
    rows.set(line.join('/'), row);
    const index = isCollection(node) ? cellIndexIn(node, path.at(-1) ?? '') : 0;
    if (index >= 0 && index < row.places.length) row.places[index] = at;
  }
  for (const { path, places } of rows.values()) {
    const comment = sourcePlaceComment(places);
    if (comment !== undefined) after(doc, path, comment);
  }
}

/** The deepest node on the way to `to` that can carry a line comment: a table row, or a value. */
function commentPath(doc: Document, to: readonly string[]): string[] {
  const path = [...to];
  while (path.length > 0) {
    const parent = doc.getIn(path.slice(0, -1), true);
    if (!(isSeq(parent) && parent.flow) && !(isMap(parent) && parent.flow)) return path;
    path.pop();
  }
  return path;
}

export interface WriteOptions {
  /** The format whose headings and labels comment the YAML: by default the data's own (formatOf). */
  format?: Format;
  /** The schema reference for the YAML language server (schema/schema-file.ts). */
  schemaPath: string;
  /** Where the imported report came from, for the header comment. */
  source?: string;
  /** Header lines after the source line. */
  header?: readonly string[];
  /** Further comments: above a key or after its value (a value that is not there: in the header). */
  notes?: readonly Note[];
  /** Where each value was printed in the published report, by JSON Pointer (import): a 原文… comment on its line (source/source-place.ts). */
  origins?: Readonly<Record<string, string>>;
  /** Numbers written with at least `places` decimals (a fee of 1.10 万元 stays 1.10). */
  decimals?: readonly { path: readonly string[]; places: number }[];
}

/** A comment placed at the key (above) or the value (after) at `path`. */
export interface Note {
  path: readonly string[];
  text: string;
  place: 'above' | 'after';
}

export function writeYaml(data: Record<string, unknown>, options: WriteOptions): string {
  const format = options.format ?? formatOf(data);
  const doc = new Document(data);
  flowRows(doc.contents);
  const header = schemaHeader(options.schemaPath);
  if (options.source !== undefined) header.push(`导入自 imported from ${options.source}（report import）`);
  for (const { path, places } of options.decimals ?? []) {
    const node = doc.getIn(path, true);
    if (isScalar(node) && places > 0) node.minFractionDigits = places;
  }
  PART_KEYS.forEach((keys, part) => {
    const key = (typeof keys === 'string' ? [keys] : keys).find((k) => pairAt(doc, [k]));
    if (key) above(doc, [key], format.labels.PART_HEADINGS[part] as string, true);
  });
  labelRows(doc, format);
  header.push(...(options.header ?? []));
  // A comment after a value inside a table row goes after the row (the row is one line).
  for (const note of options.notes ?? []) {
    if (note.place === 'above') {
      above(doc, note.path, note.text);
      continue;
    }
    const path = commentPath(doc, note.path);
    if (path.length === 0 || !doc.hasIn(path)) header.push(note.text);
    else after(doc, path, note.text);
  }
  // Last on the line: a finding about a value reads first, then where the value was printed.
  if (options.origins) commentOrigins(doc, options.origins);
  doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
