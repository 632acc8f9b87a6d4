/**
 * `report init`: write a complete zero-filled report that passes validate, and the schema beside it
 * for editor completion (schema.ts); never overwrite the report without --force.
 */
import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { printHuman } from '../diagnostics/print-human';
import { DEFAULT_FORMAT } from '../format/registry';
import type { Host } from '../host';
import { initTemplate } from '../report/init-template';
import { SCHEMA_REFERENCE } from '../schema/schema-file';
import { EXIT } from './exit-codes';
import type { Io } from './io';
import { writeSchemaBeside } from './schema';
import { outputRefusal, writeFailure, writeOutputs } from './write-outputs';

export function runInit(host: Host, io: Io, options: { year?: string; organ: string; output?: string; force?: boolean; lang: 'zh' | 'en' }): number {
  const year = options.year === undefined ? host.today().getFullYear() - 1 : Number(options.year);
  const { first, last } = DEFAULT_FORMAT.years;
  if (!Number.isInteger(year) || year < first || year > last) {
    io.stderr(`--year 应为 ${first}–${last} 之间的年份 / --year must be a year from ${first} to ${last}: ${options.year}\n`);
    return EXIT.usage;
  }
  const output = options.output ?? `${year}.yaml`;
  const report = (diagnostic: Diagnostic) => io.stderr(printHuman([diagnostic], new Map(), options.lang));
  const refusal = outputRefusal(host, output, [], options.force === true);
  if (refusal) {
    report(refusal);
    return EXIT.errors;
  }
  const { failure } = writeOutputs(host, [
    { path: output, bytes: Buffer.from(initTemplate({ format: DEFAULT_FORMAT, year, organ: options.organ, schemaPath: SCHEMA_REFERENCE }), 'utf8') },
  ]);
  if (failure) {
    report(writeFailure(failure, output));
    return EXIT.io;
  }
  const wrote = (file: string) => io.stderr(options.lang === 'zh' ? `已生成 ${file}\n` : `wrote ${file}\n`);
  wrote(output);
  const schema = writeSchemaBeside(host, path.dirname(output));
  if (schema.diagnostic) io.stderr(printHuman([schema.diagnostic], new Map(), options.lang));
  else if (schema.state === 'absent' || schema.state === 'outdated') wrote(schema.path);
  return schema.diagnostic?.severity === 'error' ? EXIT.io : EXIT.ok;
}
