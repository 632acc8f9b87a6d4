/**
 * Stage 2a (check): the data against schemas/report.schema.json. ajv reports every error
 * (allErrors); each is mapped to one RPT2xxx diagnostic at the offending value, in plain words.
 * Given the parsed source too, it also checks how numbers are written (1e3, 012, １２ → RPT2020)
 * and quotes values as written, so every hint can give the exact text to write.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Document } from 'yaml';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import { closest } from '../diagnostics/did-you-mean';
import { ancestorPointers as ancestors, formatPointer, parsePointer } from '../source/pointer';
import type { SourceFile } from '../source/source-file';
import type { Format, FormatLabels } from '../format/format';
import { isBuiltIn } from '../format/registry';
import { buildReportSchema, NON_BLANK_PATTERN } from '../schema/build-schema';
import { isBlankCell } from './collapse';
import { rewriteNumber, SEPARATOR_TEXT, SPELLING_NAMES, splitRow, type NumberKind } from './number-spelling';
import { WrittenValues, type WrittenValue } from './written-values';

type SchemaNode = {
  title?: string;
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  type?: string | string[];
  minimum?: number;
  maximum?: number;
  [key: string]: unknown;
};

const compiled = new WeakMap<Format, { validate: ValidateFunction; schema: SchemaNode }>();

/**
 * The built-in format's validator is compiled from schemas/report.schema.json at build time
 * (scripts/gen-validator.js, with allErrors, verbose and strict) into dist/validate; compiling it per
 * run cost ~90 ms. A format registered at run time brings its own (format/format.ts). Titles for
 * messages come from the same generator that wrote the schema (a test keeps them equal).
 */
function compile(format: Format): { validate: ValidateFunction; schema: SchemaNode } {
  let found = compiled.get(format);
  if (!found) {
    // A static path, so the bundler inlines it; jest maps it to dist (jest.config.js).
    const validate = (isBuiltIn(format) ? require('./report-validator.js') : format.validator) as ValidateFunction;
    found = { validate, schema: buildReportSchema(format) as SchemaNode };
    compiled.set(format, found);
  }
  return found;
}

/** The parsed source of the data, when there is one (the result of loadYaml fits). */
export interface SchemaSource {
  doc?: Document;
  source?: SourceFile;
}

/** Validates report data against `format`'s schema; returns diagnostics (empty when the data matches the schema and is written plainly). */
export function validateSchema(format: Format, data: unknown, from: SchemaSource = {}): Diagnostic[] {
  const { validate, schema } = compile(format);
  const L = format.labels;
  const written = from.doc && from.source ? new WrittenValues(from.doc, from.source) : undefined;
  const spelling = written ? checkNumberSpelling(written, schema, L) : [];
  if (validate(data)) return spelling;
  return [...spelling, ...mapErrors(validate.errors ?? [], schema, data, written, L)];
}

/** Numbers YAML read correctly but that are not written as plain decimals: 1e3, 0x10, 012, +5, -0, 5.0 as a count. */
function checkNumberSpelling(written: WrittenValues, schema: SchemaNode, L: FormatLabels): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const number of written.numbers()) {
    const kind = numberKind(nodeAt(schema, number.pointer));
    // A negative value is reported as negative (RPT2008), whatever its spelling.
    if (kind === undefined || number.value < 0) continue;
    const rewrite = rewriteNumber(number.text, kind);
    if (rewrite?.reason === undefined) continue;
    const names = { title: titleOf(schema, number.pointer, L), titleEn: englishTitle(number.pointer, L) };
    out.push(spellingDiagnostic(number.pointer, names, number.text, { plain: rewrite.plain, reason: rewrite.reason }));
  }
  return out;
}

function numberKind(node: SchemaNode | undefined): NumberKind | undefined {
  return node?.type === 'integer' ? 'integer' : node?.type === 'number' ? 'decimal' : undefined;
}

function spellingDiagnostic(
  pointer: string,
  names: { title: string; titleEn: string },
  text: string,
  rewrite: { plain: string; reason: keyof typeof SPELLING_NAMES },
): Diagnostic {
  const reason = SPELLING_NAMES[rewrite.reason];
  return makeDiagnostic('RPT2020', pointer, { ...names, written: text, reasonZh: reason.zh, reasonEn: reason.en, plain: rewrite.plain });
}

function mapErrors(errors: ErrorObject[], schema: SchemaNode, data: unknown, written: WrittenValues | undefined, L: FormatLabels): Diagnostic[] {
  // anyOf (text fields) reports one error per branch: keep a single "wrong type" at the value, or
  // nothing there when a branch got further and reported something deeper.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  // Every path with an error below it, gathered in one pass: asking each error of each other one
  // took minutes on a list of 100,000 wrong items.
  const withDeeper = new Set<string>();
  for (const e of errors) for (const ancestor of ancestors(e.instancePath)) withDeeper.add(ancestor);
  // A row YAML read as text gets one diagnostic with the row rewritten, instead of a length error
  // and a type error per cell.
  const rows = textRows(errors, schema, data, L);
  const inRow = (p: string) => rows.has(p) || ancestors(p).some((row) => rows.has(row));
  const out: Diagnostic[] = [...rows.values()];
  const seen = new Set<string>();
  for (const error of errors) {
    if (anyOfPaths.has(error.instancePath) && error.keyword !== 'anyOf') continue;
    if (error.keyword === 'anyOf' && withDeeper.has(error.instancePath)) continue;
    if (inRow(error.instancePath)) continue;
    const diagnostic = mapError(error, schema, written, L);
    // The same problem can come from several schema keywords; several missing keys of one mapping
    // share its pointer but are each a problem of their own.
    const key = `${diagnostic.code} ${diagnostic.pointer} ${diagnostic.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic);
  }
  return out;
}

/** The rows (table 三/四) among the failing values that were written as one text, each as an RPT2021. */
function textRows(errors: ErrorObject[], schema: SchemaNode, data: unknown, L: FormatLabels): Map<string, Diagnostic> {
  const rows = new Map<string, Diagnostic>();
  for (const { instancePath } of errors) {
    const parent = formatPointer(parsePointer(instancePath).slice(0, -1));
    const pointer = isCountRow(nodeAt(schema, instancePath)) ? instancePath : instancePath !== '' && isCountRow(nodeAt(schema, parent)) ? parent : undefined;
    if (pointer === undefined || rows.has(pointer)) continue;
    const split = splitRow(valueAt(data, pointer));
    if (!split) continue;
    const columns = rowColumns(pointer, L);
    const [min, max, count] = [columns.length - 1, columns.length, split.values.length];
    const wrongLength = count < min || count > max;
    const text = SEPARATOR_TEXT[split.separator];
    rows.set(
      pointer,
      makeDiagnostic('RPT2021', pointer, {
        title: titleOf(schema, pointer, L),
        titleEn: englishTitle(pointer, L),
        separatorZh: text.zh,
        separatorEn: text.en,
        fixZh: text.fixZh,
        fixEn: text.fixEn,
        row: `[${split.values.join(', ')}]`,
        countZh: wrongLength ? `；这一行应有 ${min} 个或 ${max} 个数，现有 ${count} 个` : '',
        countEn: wrongLength ? `; a row has ${min} or ${max} numbers, this one ${count}` : '',
      }),
    );
  }
  return rows;
}

function isCountRow(node: SchemaNode | undefined): boolean {
  return node?.type === 'array' && node.items?.$ref === '#/$defs/count';
}

function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const segment of parsePointer(pointer)) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  return value;
}

function mapError(error: ErrorObject, schema: SchemaNode, written: WrittenValues | undefined, L: FormatLabels): Diagnostic {
  const pointer = error.instancePath;
  const title = titleOf(schema, pointer, L);
  const titleEn = englishTitle(pointer, L);
  const data: unknown = error.data;
  const asWritten = written?.get(pointer)?.text ?? String(data);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const key = String(p.missingProperty);
      const child = (error.parentSchema as SchemaNode | undefined)?.properties?.[key];
      return makeDiagnostic('RPT2001', pointer, { key, title: child?.title ?? key, titleEn: englishTitle(`${pointer}/${key}`, L) });
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const properties = (error.parentSchema as SchemaNode | undefined)?.properties ?? {};
      const allowed = Object.keys(properties);
      return makeDiagnostic('RPT2003', formatPointer([...parsePointer(pointer), key]), {
        key,
        suggestion: suggestKey(key, properties),
        allowed: allowed.join(', '),
      });
    }
    case 'const':
      return makeDiagnostic('RPT2004', pointer, { actual: JSON.stringify(data) });
    case 'type':
    case 'anyOf':
      return typeError(pointer, { title, titleEn }, data, error.keyword === 'anyOf' ? 'text' : String(p.type), written?.get(pointer));
    case 'minimum': {
      const node = nodeAt(schema, pointer);
      if (Number(p.limit) === 0) return makeDiagnostic('RPT2008', pointer, { title, titleEn, actual: asWritten });
      return makeDiagnostic('RPT2014', pointer, { title, titleEn, actual: asWritten, min: String(node?.minimum), max: String(node?.maximum) });
    }
    case 'maximum': {
      const node = nodeAt(schema, pointer);
      if (node?.minimum === 0) return makeDiagnostic('RPT2009', pointer, { title, titleEn, actual: asWritten, max: String(p.limit) });
      return makeDiagnostic('RPT2014', pointer, { title, titleEn, actual: asWritten, min: String(node?.minimum), max: String(node?.maximum) });
    }
    case 'minItems':
    case 'maxItems': {
      const columns = rowColumns(pointer, L);
      // In a flow list `[1,234]` is two numbers: name the thousands separator that split one.
      const split = /\d,\d{3}(?!\d)/.exec(written?.get(pointer)?.text ?? '')?.[0];
      return makeDiagnostic('RPT2010', pointer, {
        ...(split ? { split } : {}),
        title,
        titleEn,
        actual: Array.isArray(data) ? data.length : 0,
        columns: columns.map((c) => c.label).join('、'),
        columnsEn: columns.map((c) => c.en).join(', '),
        min: columns.length - 1,
        max: columns.length,
      });
    }
    case 'pattern':
      if (error.schema === NON_BLANK_PATTERN) return makeDiagnostic('RPT2012', pointer, { title, titleEn });
      return makeDiagnostic('RPT2011', pointer, { actual: String(data) });
    default:
      // A keyword this mapping does not know is a bug in the schema or here, not the clerk's.
      throw new Error(`unmapped schema keyword ${error.keyword} at ${pointer}`);
  }
}

const kindNames: Record<string, [string, string]> = {
  integer: ['整数', 'a whole number'],
  number: ['数字', 'a number'],
  string: ['文字', 'text'],
  array: ['列表', 'a list'],
  object: ['键值表（下一层的各项）', 'a mapping of keys'],
  text: ['文字或段落列表', 'text or a list of paragraphs'],
  null: ['空白', 'blank'],
  boolean: ['是/否（true/false）', 'true/false'],
};

function kindOf(data: unknown): string {
  if (data === null || data === undefined) return 'null';
  if (Array.isArray(data)) return 'array';
  if (typeof data === 'number') return Number.isInteger(data) ? 'integer' : 'number';
  return typeof data;
}

/** Null, empty or only spaces (ASCII or full-width): no text at all. */
function isBlank(data: unknown): boolean {
  return data === null || data === undefined || (typeof data === 'string' && data.trim() === '') || (Array.isArray(data) && data.length === 0);
}

function typeError(pointer: string, names: { title: string; titleEn: string }, data: unknown, expected: string, written: WrittenValue | undefined): Diagnostic {
  const { title, titleEn } = names;
  const numeric = expected === 'integer' || expected === 'number';
  const rewrite =
    numeric && typeof data === 'string' ? (rewriteNumber(data, expected === 'integer' ? 'integer' : 'decimal') ?? rewriteNumber(data, 'decimal')) : undefined;
  if (rewrite) {
    // Unquoted, YAML read it as text because of how it is spelled (1_000, １２, 1,234); quoted, it is text on purpose.
    if (written?.plain && rewrite.reason) return spellingDiagnostic(pointer, names, written.text, { plain: rewrite.plain, reason: rewrite.reason });
    return makeDiagnostic('RPT2005', pointer, { title, titleEn, text: String(data), plain: rewrite.plain });
  }
  if ((numeric || expected === 'array') && isBlankCell(data)) {
    return makeDiagnostic('RPT2006', pointer, { title, titleEn });
  }
  // What the clerk typed: 012345, not the 12345 YAML read from it.
  const asWritten = written?.text ?? String(data);
  if (expected === 'integer' && typeof data === 'number') return makeDiagnostic('RPT2007', pointer, { title, titleEn, actual: asWritten });
  if ((expected === 'string' || expected === 'text') && isBlank(data)) return makeDiagnostic('RPT2012', pointer, { title, titleEn });
  const [expectedZh, expectedEn] = kindNames[expected] ?? [expected, expected];
  const actualKind = kindOf(data);
  const [actualZh, actualEn] = kindNames[actualKind] ?? [actualKind, actualKind];
  const quote = typeof data === 'number' ? ` ${asWritten}` : typeof data === 'string' ? ` ${JSON.stringify(data)}` : '';
  const hintZh =
    expected === 'string' && typeof data === 'number'
      ? `加上引号，写成 "${asWritten}"`
      : expected === 'object'
        ? '在下一行缩进两个空格，逐项写出各个键'
        : `改为${expectedZh}`;
  const hintEn =
    expected === 'string' && typeof data === 'number'
      ? `put it in quotes: "${asWritten}"`
      : expected === 'object'
        ? 'write its keys on the following lines, indented two spaces'
        : `write ${expectedEn}`;
  return makeDiagnostic('RPT2002', pointer, {
    title,
    titleEn,
    expected: expectedZh,
    expectedEn,
    actual: actualZh + quote,
    actualEn: actualEn + quote,
    hintZh,
    hintEn,
  });
}

function resolveRef(schema: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let guard = 0; current?.$ref && guard < 8; guard++) {
    const name = current.$ref.replace('#/$defs/', '');
    current = (schema.$defs as Record<string, SchemaNode>)[name];
  }
  return current;
}

/** The schema node that describes the value at a pointer (following $refs), if any. */
function nodeAt(schema: SchemaNode, pointer: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema;
  for (const segment of parsePointer(pointer)) {
    node = resolveRef(schema, node);
    node = /^\d+$/.test(segment) && node?.items ? node.items : node?.properties?.[segment];
  }
  return resolveRef(schema, node);
}

/** The column labels of the table row at or above a pointer (table 三 or 四). */
function rowColumns(pointer: string, L: FormatLabels): readonly { label: string; en: string }[] {
  return pointer.startsWith('/review_litigation') ? L.CASE_COLUMNS : L.APPLICANT_COLUMNS;
}

/**
 * A printable name for the value at a pointer: the schema titles along the path, with the column
 * label for a table cell (e.g. “（三）不予公开 1.属于国家秘密”·自然人).
 */
export function titleOf(schema: SchemaNode, pointer: string, L: FormatLabels): string {
  let node: SchemaNode | undefined = schema;
  let title = '报告';
  let inRow: readonly { label: string }[] | undefined;
  for (const segment of parsePointer(pointer)) {
    if (inRow && /^\d+$/.test(segment)) {
      title = `${title}·${inRow[Number(segment)]?.label ?? `第${Number(segment) + 1}个数`}`;
      node = undefined;
      continue;
    }
    const raw: SchemaNode | undefined = resolveRef(schema, node)?.properties?.[segment];
    if (!raw) {
      title = `${title}/${segment}`;
      node = undefined;
      continue;
    }
    title = raw.title ?? segment;
    inRow = raw.$ref === '#/$defs/applicantRow' ? L.APPLICANT_COLUMNS : raw.$ref === '#/$defs/caseRow' ? L.CASE_COLUMNS : undefined;
    node = raw;
  }
  return title;
}

/** The English name of a value is its key path, with the column name for a table cell: applications.new[other]. */
function englishTitle(pointer: string, L: FormatLabels): string {
  const columns = rowColumns(pointer, L);
  const segments = parsePointer(pointer);
  const last = segments[segments.length - 1];
  const inRow = segments[0] === 'applications' || segments[0] === 'review_litigation';
  if (inRow && last !== undefined && /^\d+$/.test(last)) {
    return `${segments.slice(0, -1).join('.')}[${columns[Number(last)]?.en ?? last}]`;
  }
  return segments.join('.') || 'report';
}

/** Did-you-mean: the closest allowed key by edit distance, or the key whose Chinese title was typed. */
function suggestKey(key: string, properties: Record<string, SchemaNode>): string | undefined {
  const lower = key.toLowerCase().replace(/[-\s]/g, '_');
  for (const [candidate, node] of Object.entries(properties)) {
    if (candidate === lower) return candidate;
    if (node.title && (node.title === key || node.title.replace(/^[一二三四五六]、/, '') === key)) return candidate;
  }
  const near = closest(lower, Object.keys(properties));
  if (near !== undefined) return near;
  // Abbreviations (carry_fwd → carry_forward): the typed letters appear in order in one candidate.
  const expansions = Object.keys(properties).filter((candidate) => candidate[0] === lower[0] && isSubsequence(lower, candidate));
  return expansions.length === 1 ? expansions[0] : undefined;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const char of long) if (char === short[i]) i++;
  return i === short.length;
}
