/**
 * Stage 2c (check): the report as far as it is usable. The rules must run even when some values
 * failed the structural checks, so that a clerk sees every problem in one run; but a rule must
 * never judge a value that was rejected (a blank cell, text in a count, a row of the wrong length).
 * This builds a Report of the full shape from whatever data loaded, puts a placeholder where a value
 * is missing or was rejected, and records those places as unusable so the rules can skip exactly
 * the checks that touch them.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { DocumentRowKey, Format } from '../format/format';
import type { Report, Text } from '../report/types';
import { ancestorPointers, formatPointer } from '../source/pointer';

/** The places whose values a rule may not use, by JSON Pointer; a place covers everything below it. */
export class Unusable {
  private readonly places = new Set<string>();

  add(pointer: string): void {
    this.places.add(pointer);
  }

  /** The unusable place at or above a pointer, if any. */
  covering(pointer: string): string | undefined {
    // Asked for every cell a rule reads: in a report with nothing unusable, no pointer is taken apart.
    if (this.places.size === 0) return undefined;
    if (this.places.has(pointer)) return pointer;
    return ancestorPointers(pointer).find((place) => this.places.has(place));
  }

  /** Every unusable place at, above or below a pointer (for a whole text or row). */
  touching(pointer: string): string[] {
    const above = this.covering(pointer);
    if (above !== undefined) return [above];
    return [...this.places].filter((place) => place.startsWith(pointer + '/')).sort();
  }

  get size(): number {
    return this.places.size;
  }
}

export interface Salvaged {
  report: Report;
  unusable: Unusable;
}

/**
 * Diagnostics that make a value unusable: errors at the value or above it. A missing key (RPT2001)
 * is reported at its parent, which stays usable: the absent value itself is what gets marked. An
 * unknown key (RPT2003) is ignored data, not a broken value.
 */
const NOT_BREAKING: ReadonlySet<string> = new Set(['RPT2001', 'RPT2003']);

/** Builds the usable report in `format` from loaded data and the structural diagnostics found on it. */
export function salvageReport(format: Format, data: unknown, structural: readonly Diagnostic[]): Salvaged {
  const { APPLICANT_COLUMNS, APPLICATION_ROWS, CASE_COLUMNS, CASE_ROWS, DOCUMENT_COUNT_COLUMNS, SINGLE_VALUE_BLOCKS } = format.labels;
  const unusable = new Unusable();
  for (const d of structural) if (d.severity === 'error' && d.pointer !== null && !NOT_BREAKING.has(d.code)) unusable.add(d.pointer);
  const take = new Taker(data, unusable);

  const documents = (key: DocumentRowKey) =>
    Object.fromEntries(
      DOCUMENT_COUNT_COLUMNS.map((column) => [column.key, take.number(['proactive', key, column.key])]),
    ) as unknown as Report['proactive']['rules'];
  const single = Object.fromEntries(SINGLE_VALUE_BLOCKS.flatMap((block) => block.rows).map((row) => [row.key, take.number(['proactive', row.key])]));

  const report = {
    format: format.id,
    organ: take.string(['organ']),
    year: take.number(['year']),
    date: take.string(['date']),
    overview: take.text(['overview']) ?? [],
    problems: take.text(['problems']) ?? [],
    proactive: { rules: documents('rules'), normative_documents: documents('normative_documents'), ...single },
    applications: { results: { withheld: {}, unavailable: {}, not_processed: {}, other: {} } },
    review_litigation: {},
  } as unknown as Report;
  for (const row of APPLICATION_ROWS) {
    const values = take.row(row.path, APPLICANT_COLUMNS.length, row.kind === 'total');
    if (values) setPath(report, row.path, values);
  }
  for (const row of CASE_ROWS) setPath(report, ['review_litigation', row.key], take.row(['review_litigation', row.key], CASE_COLUMNS.length, false) ?? []);

  const title = take.optionalString(['title']);
  if (title !== undefined) report.title = title;
  const preamble = take.text(['preamble']);
  if (preamble !== undefined) report.preamble = preamble;
  const otherMatters = take.text(['other_matters']);
  if (otherMatters !== undefined) report.other_matters = otherMatters;
  if (take.present(['processing_fees'])) {
    report.processing_fees = {
      notices: take.number(['processing_fees', 'notices']),
      amount_yuan: take.number(['processing_fees', 'amount_yuan']),
      collected_yuan: take.number(['processing_fees', 'collected_yuan']),
    };
  }
  const fonts = take.fonts();
  if (fonts) report.fonts = fonts;
  return { report, unusable };
}

/** Reads values out of loaded data, marking each one that is absent, rejected or of the wrong kind. */
class Taker {
  constructor(
    private readonly data: unknown,
    private readonly unusable: Unusable,
  ) {}

  private raw(path: readonly string[]): unknown {
    let node: unknown = this.data;
    for (const key of path) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[key];
    }
    return node;
  }

  present(path: readonly string[]): boolean {
    return this.raw(path) !== undefined;
  }

  /** The value if it is usable and passes `ok`; otherwise marks the place and returns undefined. */
  private usable<T>(path: readonly string[], ok: (value: unknown) => value is T): T | undefined {
    const pointer = formatPointer(path);
    const value = this.raw(path);
    if (this.unusable.covering(pointer) === undefined && ok(value)) return value;
    this.unusable.add(pointer);
    return undefined;
  }

  number(path: readonly string[]): number {
    return this.usable(path, isNumber) ?? 0;
  }

  string(path: readonly string[]): string {
    return this.usable(path, isString) ?? '';
  }

  optionalString(path: readonly string[]): string | undefined {
    return this.present(path) ? this.usable(path, isString) : undefined;
  }

  /** A text is usable only when nothing inside it was rejected. */
  text(path: readonly string[]): Text | undefined {
    if (!this.present(path)) return undefined;
    const pointer = formatPointer(path);
    if (this.unusable.touching(pointer).length > 0) {
      this.unusable.add(pointer);
      return undefined;
    }
    return this.usable(path, isText);
  }

  /** The font files named by role, each on its own (one bad entry spares the others). */
  fonts(): Report['fonts'] {
    const raw = this.raw(['fonts']);
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
    const entries = Object.keys(raw).flatMap((role) => {
      const file = this.usable(['fonts', role], isString);
      return file === undefined ? [] : [[role, file] as const];
    });
    return Object.fromEntries(entries);
  }

  /**
   * A table row: each cell on its own, so one bad cell spares the others. A row given without its
   * total keeps its length (the total is computed); an optional row that is absent stays absent.
   */
  row(path: readonly string[], columns: number, optional: boolean): number[] | undefined {
    const pointer = formatPointer(path);
    const value = this.raw(path);
    if (value === undefined && optional) return undefined;
    const length = Array.isArray(value) && value.length === columns - 1 ? columns - 1 : columns;
    if (!Array.isArray(value) || (value.length !== columns && value.length !== columns - 1)) this.unusable.add(pointer);
    return Array.from({ length }, (_, column) => this.number([...path, String(column)]));
  }
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isText = (value: unknown): value is Text =>
  typeof value === 'string' ||
  (Array.isArray(value) &&
    value.every((item) => typeof item === 'string' || (item !== null && typeof item === 'object' && typeof item.heading === 'string' && isText(item.body))));

function setPath(target: object, path: readonly string[], value: unknown): void {
  let node = target as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1] as string] = value;
}
