/**
 * The formats nianbao knows, and which one a report is in. Every other module receives a Format
 * from here (formatOf, or DEFAULT_FORMAT where there is no report yet: `report init`, the catalogue's
 * wording); none imports a format's folder. A format made elsewhere (a revised template being tried,
 * a test) is added with registerFormat.
 */
import type { Format } from './format';
import { NATIONAL_2021 } from './national-2021';

/** The 2021 format's wording and rows, as the library API has offered them. */
export * as nationalFormat2021 from './national-2021/labels';
/** The 2019 format's labels: the importer tells a table printed in it by them, and maps it onto the 2021 rows. */
export * as national2019 from './national-2019';
export type { Format } from './format';

/** The format `report init` writes, import reads into, and a report without a readable `format` key is checked against. */
export const DEFAULT_FORMAT: Format = NATIONAL_2021;

const formats = new Map<string, Format>([[NATIONAL_2021.id, NATIONAL_2021]]);

/** The format of a report (or of data that may not be one): by its `format` key; the default when it names none nianbao knows (the schema then reports the key). */
export function formatOf(report: unknown): Format {
  const id = report !== null && typeof report === 'object' ? (report as { format?: unknown }).format : undefined;
  return (typeof id === 'string' ? formats.get(id) : undefined) ?? DEFAULT_FORMAT;
}

/** Whether this is the format built in, whose schema validator is compiled at build time. */
export const isBuiltIn = (format: Format): boolean => format === NATIONAL_2021;

/**
 * Adds a format (its `id` is the report's `format` value); it must bring its schema validator. Returns
 * the function that removes it again. A built-in id cannot be replaced.
 */
export function registerFormat(format: Format): () => void {
  if (formats.has(format.id)) throw new Error(`format ${format.id} is already registered`);
  if (!format.validator) throw new Error(`format ${format.id} has no schema validator`);
  formats.set(format.id, format);
  return () => {
    formats.delete(format.id);
  };
}
