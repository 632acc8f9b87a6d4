/** Report data as parsed from YAML or JSON, before the schema: what is a mapping in it. */

/** A mapping (a YAML map, a JSON object): not null, not a list. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
