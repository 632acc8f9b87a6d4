/**
 * Editor completion that travels: a YAML report names its schema as `./nianbao.schema.json`, a file
 * beside it, not a path into wherever nianbao is installed. init, import and sum write that file
 * with the YAML; when the YAML moves or is e-mailed alone, its second line says to run
 * `report schema`, which writes the file again in the YAML's folder. Pure: what the file is called,
 * what the YAML says about it, and what a file found at its place is.
 */
import { SCHEMA_VERSION } from './build-schema';

/** One name for every folder: each report in it, old or new, finds the schema `report schema` last refreshed. */
export const SCHEMA_FILE = 'nianbao.schema.json';

/** The reference a written YAML carries: relative to the YAML, so it holds wherever the pair goes. */
export const SCHEMA_REFERENCE = `./${SCHEMA_FILE}`;

/** The comment lines (without `# `) that open a written YAML: the language server's reference, and what to do when it breaks. */
export const schemaHeader = (reference: string): string[] => [
  `yaml-language-server: $schema=${reference}`,
  `编辑器补全要用本文件旁的 ${SCHEMA_FILE}，缺少时在本文件所在文件夹运行 report schema / editor completion needs ${SCHEMA_FILE} beside this file: run report schema in its folder`,
];

/** What is at the schema's place: nothing, this very schema, another version of nianbao's, a newer one, or a file nianbao did not write. */
export type SchemaFileState = 'absent' | 'current' | 'outdated' | 'newer' | 'foreign';

/** nianbao's ids, this one's and the one before it (https://nianbao.invalid/schemas/report-2021-v1.schema.json). */
const NIANBAO_ID = /^urn:nianbao:report-schema:\d+:v(\d+)$|^https:\/\/nianbao\.invalid\/schemas\/report-\d+-v(\d+)\.schema\.json$/;

/** Classifies the text found at the schema's place against `ours` (reportSchemaText()). */
export function schemaFileState(found: string | undefined, ours: string): SchemaFileState {
  if (found === undefined) return 'absent';
  if (found === ours) return 'current';
  let id: unknown;
  try {
    id = (JSON.parse(found) as { $id?: unknown }).$id;
  } catch {
    return 'foreign';
  }
  const match = typeof id === 'string' ? NIANBAO_ID.exec(id) : null;
  if (!match) return 'foreign';
  // A newer nianbao wrote it (on this machine or the sender's): keep it, it knows more.
  return Number(match[1] ?? match[2]) > SCHEMA_VERSION ? 'newer' : 'outdated';
}
