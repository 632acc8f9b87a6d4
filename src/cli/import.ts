/**
 * `report import FILE… [-o out.yaml | --out DIR] [--json]`: each published report (text now) becomes
 * a YAML report, written atomically; its findings (departures from the national format) are printed
 * with where they were found, then the checker's diagnostics of the YAML written, at its lines.
 * Without -o or --out the YAML goes to standard output. Exit 1 when a file cannot be read or the
 * imported report has errors.
 */
import * as path from 'node:path';
import { checkReport, type Checked } from '../check';
import { withSource } from '../core/source-host';
import { diagnosticJson } from '../diagnostics/print-json';
import type { Host } from '../host';
import { importReport } from '../import/import';
import { ImportError } from '../import/reader';
import { writeYaml } from '../import/write-yaml';
import { yearForward } from '../import/year-forward';
import { parse } from 'yaml';
import { findingDiagnostic, type Finding } from '../import/findings';
import { SCHEMA_PATH } from '../package-root';
import { EXIT } from './exit-codes';
import type { Io } from './io';
import { fails, reportDiagnostics, type OutputOptions } from './report-diagnostics';
import { writeOutputs } from './write-outputs';

export interface ImportOptions extends OutputOptions {
  /** -o: the one output file. */
  output?: string;
  /** --out: the folder for <name>.yaml of each input. */
  out?: string;
  /** --year-forward: write next year's report, started from the input (a YAML report or a published one). */
  yearForward?: boolean;
}

/** What became of one input. */
interface Result {
  file: string;
  /** Why the file could not be imported, in both languages. */
  failure?: { zh: string; en: string };
  format?: string;
  output?: string;
  yaml?: string;
  findings: Finding[];
  checked?: Checked;
}

/** The YAML file an input is written to; undefined for standard output. */
function outputOf(file: string, options: ImportOptions): string | undefined {
  if (options.output !== undefined) return options.output;
  if (options.out !== undefined) return path.join(options.out, `${path.basename(file).replace(/\.[^.]*$/, '')}.yaml`);
  return undefined;
}

/** The path from the YAML file's folder to the schema, for its language-server line. */
const schemaPathFrom = (output: string) =>
  path
    .relative(path.dirname(path.resolve(output)), SCHEMA_PATH)
    .split(path.sep)
    .join('/');

async function importFile(host: Host, file: string, options: ImportOptions): Promise<Result> {
  const bytes = host.readBytes(file);
  if (!(bytes instanceof Uint8Array)) {
    const why =
      bytes.kind === 'missing' ? ['文件不存在', 'no such file'] : bytes.kind === 'directory' ? ['这是文件夹', 'is a folder'] : ['无法读取', bytes.reason];
    return { file, failure: { zh: why[0] as string, en: why[1] as string }, findings: [] };
  }
  const output = outputOf(file, options);
  // Standard output's YAML is named (in diagnostics) as the file it would be.
  const label = output ?? `${path.basename(file).replace(/\.[^.]*$/, '')}.yaml`;
  try {
    const imported = options.yearForward
      ? await forwardReport(bytes, path.basename(file), schemaPathFrom(label))
      : await importReport(bytes, path.basename(file), { schemaPath: schemaPathFrom(label) });
    const text = Buffer.from(imported.yaml, 'utf8');
    const checked = checkReport(withSource(host, label, text), label);
    return { file, format: imported.format, yaml: imported.yaml, findings: imported.findings, checked, ...(output ? { output } : {}) };
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return { file, failure: { zh: error.zh, en: error.en }, findings: [] };
  }
}

/** Last year's report (YAML, or any file a reader reads) → next year's YAML; the findings are last year's. */
async function forwardReport(bytes: Uint8Array, name: string, schemaPath: string) {
  let data: unknown;
  let format = 'yaml';
  let findings: Finding[] = [];
  if (/\.ya?ml$/i.test(name)) {
    try {
      data = parse(Buffer.from(bytes).toString('utf8'));
    } catch {
      throw new ImportError('YAML 无法解析', 'the YAML cannot be parsed');
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ImportError('不是 YAML 报告', 'not a YAML report');
  } else {
    const imported = await importReport(bytes, name, { schemaPath });
    ({ data, format, findings } = imported);
  }
  const forwarded = yearForward(data as Record<string, unknown>);
  const header = ['下一年度报告草稿（report import --year-forward）：填写成文日期，改写各部分文字，填写各表数字'];
  const yaml = writeYaml(forwarded.data, [], { schemaPath, source: name, header, notes: forwarded.notes });
  return { format, yaml, findings };
}

export async function runImport(host: Host, io: Io, files: readonly string[], options: ImportOptions): Promise<number> {
  if (options.output !== undefined && options.out !== undefined) {
    io.stderr('-o 与 --out 只能选一个 / give either -o or --out, not both\n');
    return EXIT.usage;
  }
  if (files.length > 1 && options.out === undefined) {
    io.stderr('导入多个文件时请用 --out 指定输出文件夹 / importing several files needs --out FOLDER\n');
    return EXIT.usage;
  }
  const results: Result[] = [];
  for (const file of files) results.push(await importFile(host, file, options));
  let code: number = EXIT.ok;
  for (const result of results) {
    if (result.failure) code = Math.max(code, EXIT.errors);
    else if (result.checked && fails(result.checked, options.strict)) code = Math.max(code, EXIT.errors);
    if (result.output && result.yaml !== undefined) {
      const written = writeOutputs(host, [{ path: result.output, bytes: Buffer.from(result.yaml, 'utf8') }]);
      if (written.failure) {
        io.stderr(`无法写出 ${written.failure.path}（${written.failure.reason}）/ cannot write ${written.failure.path} (${written.failure.reason})\n`);
        code = EXIT.io;
      }
    }
  }
  if (options.json) {
    io.stdout(JSON.stringify(results.map(resultJson), null, 2) + '\n');
    return code;
  }
  for (const result of results) {
    if (result.failure) io.stderr(`${result.file}: 无法导入：${result.failure.zh} / cannot import: ${result.failure.en}\n`);
    for (const f of result.findings) {
      const { code, message } = findingDiagnostic(f);
      io.stderr(`${result.file}: ${code} ${options.lang === 'zh' ? message.zh : message.en}${f.pointer ? ` (${f.pointer})` : ''}\n`);
    }
    if (result.yaml !== undefined && !result.output) io.stdout(result.yaml);
  }
  const checked = results.flatMap((r) => (r.checked ? [r.checked] : []));
  if (checked.length > 0)
    reportDiagnostics(io, checked, options, new Map(results.flatMap((r) => (r.output && r.checked ? [[r.checked.file, [r.output]]] : []))));
  return code;
}

function resultJson(result: Result): object {
  return {
    file: result.file,
    format: result.format ?? null,
    output: result.output ?? null,
    failure: result.failure ?? null,
    findings: result.findings,
    diagnostics: (result.checked?.diagnostics ?? []).map(diagnosticJson),
    ...(result.output ? {} : { yaml: result.yaml ?? null }),
  };
}
