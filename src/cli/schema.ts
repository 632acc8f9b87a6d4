/**
 * `report schema [FOLDER|FILE]`: writes the report schema as nianbao.schema.json into a folder (a
 * report file's folder, or the current one), where the `$schema=./nianbao.schema.json` line of the
 * YAML reports finds it (schema/schema-file.ts). init, import and sum call writeSchemaBeside for the
 * folder of each YAML they write. Written atomically; a current copy is left alone, a copy from a
 * newer nianbao too, and a file of that name that nianbao did not write is never overwritten (RPT5013).
 */
import * as path from 'node:path';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import { printHuman } from '../diagnostics/print-human';
import type { Host } from '../host';
import { reportSchemaText } from '../schema/build-schema';
import { SCHEMA_FILE, schemaFileState, type SchemaFileState } from '../schema/schema-file';
import { EXIT } from './exit-codes';
import type { Io } from './io';
import { writeFailure, writeOutputs } from './write-outputs';

export interface SchemaOutcome {
  /** The schema file's path. */
  path: string;
  /** What was found there; `absent` and `outdated` were replaced by this nianbao's schema, unless `diagnostic` says the write failed. */
  state: SchemaFileState;
  /** RPT5013 for a file nianbao did not write; RPT5001 when the write failed. */
  diagnostic?: Diagnostic;
}

/** Our schema is about 100 KB: a file by its name much larger than this is not one nianbao wrote. */
const SCHEMA_READ_LIMIT_BYTES = 4 * 1024 * 1024;

/** Makes `folder`/nianbao.schema.json this nianbao's schema when it is missing or an older one. */
export function writeSchemaBeside(host: Host, folder: string): SchemaOutcome {
  const file = path.join(folder, SCHEMA_FILE);
  const ours = reportSchemaText();
  const found = host.readBytes(file, SCHEMA_READ_LIMIT_BYTES);
  const state =
    found instanceof Uint8Array
      ? schemaFileState(Buffer.from(found).toString('utf8'), ours)
      : found.kind === 'missing'
        ? 'absent'
        : // A folder or an unreadable file by that name is not ours to replace.
          'foreign';
  if (state === 'foreign') return { path: file, state, diagnostic: { ...makeDiagnostic('RPT5013', null, { path: file }), file } };
  if (state === 'current' || state === 'newer') return { path: file, state };
  const { failure } = writeOutputs(host, [{ path: file, bytes: Buffer.from(ours, 'utf8') }]);
  return failure ? { path: file, state, diagnostic: writeFailure(failure, file) } : { path: file, state };
}

/**
 * Puts the schema beside each YAML just written (`written`: input → files written for it, the YAML
 * first), once per folder: a schema written joins its YAML's files, a problem with it joins that
 * input's diagnostics. True when a write failed.
 */
export function addSchemasBeside(host: Host, written: ReadonlyMap<string, string[]>, diagnosticsOf: (input: string) => Diagnostic[]): boolean {
  const folders = new Set<string>();
  let failed = false;
  for (const [input, files] of written) {
    const folder = path.dirname(files[0] ?? '');
    if (files.length === 0 || folders.has(path.resolve(folder))) continue;
    folders.add(path.resolve(folder));
    const outcome = writeSchemaBeside(host, folder);
    if (outcome.diagnostic) {
      diagnosticsOf(input).push(outcome.diagnostic);
      failed ||= outcome.diagnostic.severity === 'error';
    } else if (outcome.state === 'absent' || outcome.state === 'outdated') files.push(outcome.path);
  }
  return failed;
}

/** The folder `report schema` writes into: the one given, a report file's own (named .yaml even before it exists), or the current one. */
function folderOf(host: Host, target: string | undefined): string {
  if (target === undefined) return '.';
  const kind = host.statFile(target).kind;
  if (kind === 'directory') return target;
  return kind === 'file' || /\.ya?ml$/i.test(target) ? path.dirname(target) : target;
}

export function runSchema(host: Host, io: Io, target: string | undefined, lang: 'zh' | 'en'): number {
  const outcome = writeSchemaBeside(host, folderOf(host, target));
  if (outcome.diagnostic) {
    io.stderr(printHuman([outcome.diagnostic], new Map(), lang));
    return EXIT.io;
  }
  const zh = lang === 'zh';
  const said: Record<Exclude<SchemaFileState, 'foreign'>, string> = {
    absent: zh ? `已生成 ${outcome.path}` : `wrote ${outcome.path}`,
    outdated: zh ? `已更新 ${outcome.path}` : `updated ${outcome.path}`,
    current: zh ? `${outcome.path} 已是最新` : `${outcome.path} is up to date`,
    newer: zh ? `${outcome.path} 来自更新版本的 nianbao，未改动` : `${outcome.path} is from a newer nianbao and was left as it is`,
  };
  // Without a diagnostic the file was not foreign.
  io.stderr(`${said[outcome.state as Exclude<SchemaFileState, 'foreign'>]}\n`);
  return EXIT.ok;
}
