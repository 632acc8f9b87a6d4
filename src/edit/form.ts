/**
 * The form the page shows, made from the report file once when the page opens: the parts in the
 * national order, each value an input named as the diagnostics name it. The tables are the model's
 * own grids (src/model/tables.ts), so merged headers, row labels and spans are the format's data as
 * every renderer prints them; a grid cell that came from a number of the report becomes an input.
 */
import { isScalar, type Document } from 'yaml';
import type { CheckedReport } from '../report/types';
import type { Format } from '../format/format';
import { buildModel } from '../model/build';
import type { GridCell, TableBlock } from '../model/types';
import { buildReportSchema } from '../schema/build-schema';
import { formatPointer, locatePointer, parsePointer } from '../source/pointer';
import { titleOf } from '../validate/schema';

/** One value the clerk fills in. */
export interface Field {
  pointer: string;
  /** Its accessible name: the name the diagnostics give it (「一、本年新收政府信息公开申请数量·商业企业」). */
  name: string;
  /** The value as written in the file ('' when the file does not have it: a total left to be computed). */
  value: string;
  kind: 'number' | 'line' | 'text';
}

/** A table of the form: the model's grid, its value cells as fields. */
export interface FormTable {
  id: TableBlock['id'];
  summary: string;
  grid: TableBlock['grid'];
  /** By grid cell: the field a data cell edits. */
  fields: Map<GridCell, Field>;
}

export interface FormPart {
  heading: string;
  items: (Field | FormTable)[];
}

export const isTable = (item: Field | FormTable): item is FormTable => 'grid' in item;

type Schema = ReturnType<typeof buildReportSchema>;
const schemas = new WeakMap<Format, Schema>();
const schemaOf = (format: Format): Schema => {
  const known = schemas.get(format);
  if (known) return known;
  const made = buildReportSchema(format);
  schemas.set(format, made);
  return made;
};

/** The diagnostics' name of the value at a pointer (validate/schema.ts titleOf). */
export const nameOf = (format: Format, pointer: string): string => titleOf(schemaOf(format) as Parameters<typeof titleOf>[0], pointer, format.labels);

/** The data at a pointer. */
function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const segment of parsePointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** A value's text as the clerk wrote it: a plain scalar's own source (1.10, not 1.1), otherwise its value. */
function writtenText(doc: Document, text: string, data: unknown, pointer: string): string {
  const value = valueAt(data, pointer);
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') {
    const at = locatePointer(doc, pointer);
    const node = doc.getIn(parsePointer(pointer), true);
    if (at?.exact && isScalar(node) && node.type === 'PLAIN') return text.slice(at.start, at.end);
  }
  return typeof value === 'string' ? value.replace(/\n+$/, '') : String(value);
}

/** What the form is made from: the file's text, its YAML document and data, and the report as far as it is usable. */
export interface FormSource {
  text: string;
  doc: Document;
  data: unknown;
  report: CheckedReport;
  format: Format;
}

/** The text fields of a text value: one paragraph, or a list of paragraphs and {heading, body} sections. */
function textFields(source: FormSource, pointer: string, name: string): Field[] {
  const value = valueAt(source.data, pointer);
  const field = (at: string, label: string, kind: Field['kind']): Field => ({
    pointer: at,
    name: label,
    value: writtenText(source.doc, source.text, source.data, at),
    kind,
  });
  if (typeof value === 'string') return [field(pointer, name, 'text')];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, i) => {
    const at = `${pointer}/${i}`;
    const label = `${name} 第${i + 1}项`;
    if (typeof item === 'string') return [field(at, label, 'text')];
    if (item && typeof item === 'object' && typeof (item as { heading?: unknown }).heading === 'string')
      return [field(`${at}/heading`, `${label} 小标题`, 'line'), ...textFields(source, `${at}/body`, `${label} 正文`)];
    return [];
  });
}

/** The form's parts: the report's head (organ, year, dates, contact), then the six parts with their texts and tables. */
export function formOf(source: FormSource): FormPart[] {
  const { format, data, report } = source;
  const L = format.labels;
  const name = (pointer: string) => nameOf(format, pointer);
  /** A single value the file has (optional keys it leaves out are not offered: the file's own shape is kept). */
  const single = (pointer: string, kind: Field['kind']): Field[] => {
    const value = valueAt(data, pointer);
    if (value === undefined || (value !== null && typeof value === 'object')) return [];
    return [{ pointer, name: name(pointer), value: writtenText(source.doc, source.text, data, pointer), kind }];
  };
  const tables = new Map(
    buildModel(report)
      .blocks.filter((block): block is TableBlock => block.kind === 'table')
      .map((table) => [table.id, tableOf(source, table)]),
  );
  const table = (id: TableBlock['id']) => {
    const found = tables.get(id);
    return found ? [found] : [];
  };
  const contact = valueAt(data, '/contact');
  const contactKeys = contact && typeof contact === 'object' ? Object.keys(contact) : [];
  const fees = ['notices', 'amount_yuan', 'collected_yuan'].flatMap((key) => single(`/processing_fees/${key}`, 'number'));
  return [
    {
      heading: '报告信息',
      items: [
        ...single('/organ', 'line'),
        ...single('/year', 'number'),
        ...single('/title', 'line'),
        ...single('/date', 'line'),
        ...single('/website', 'line'),
        ...contactKeys.flatMap((key) => single(formatPointer(['contact', key]), 'line')),
        ...textFields(source, '/preamble', name('/preamble')),
      ],
    },
    { heading: L.PART_HEADINGS[0], items: textFields(source, '/overview', L.PART_HEADINGS[0]) },
    { heading: L.PART_HEADINGS[1], items: table('proactive') },
    { heading: L.PART_HEADINGS[2], items: table('applications') },
    { heading: L.PART_HEADINGS[3], items: table('review_litigation') },
    { heading: L.PART_HEADINGS[4], items: textFields(source, '/problems', L.PART_HEADINGS[4]) },
    { heading: L.PART_HEADINGS[5], items: [...textFields(source, '/other_matters', L.PART_HEADINGS[5]), ...fees] },
  ];
}

/** A table's value cells as number fields. */
function tableOf(source: FormSource, table: TableBlock): FormTable {
  const fields = new Map<GridCell, Field>();
  for (const cell of table.grid.cells) {
    if (cell.header || !cell.origin) continue;
    fields.set(cell, {
      pointer: cell.origin,
      name: nameOf(source.format, cell.origin),
      value: writtenText(source.doc, source.text, source.data, cell.origin),
      kind: 'number',
    });
  }
  return { id: table.id, summary: table.summary, grid: table.grid, fields };
}
