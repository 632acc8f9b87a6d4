/**
 * Importing one published report, the core of `report import` (the CLI and the workers of a batch
 * call it): read the file, recognise the report in it (src/import/), write its YAML — or, with
 * yearForward, next year's draft — and check that YAML as `validate` would, at its lines. The result
 * is plain data, so it crosses from a worker thread unchanged; nothing is written here.
 */
import * as path from 'node:path';
import { parse } from 'yaml';
import { collectChecks } from '../check';
import { DiagnosticSink } from '../diagnostics/sink';
import { findingDiagnostic, mergeFindings } from '../import/findings';
import type { ImportCause } from '../diagnostics/catalog';
import { makeDiagnostic, type Bilingual, type Diagnostic } from '../diagnostics/diagnostic';
import type { Skip } from '../diagnostics/skip';
import type { Host, ReadFailure } from '../host';
import { importReport, type Imported } from '../import/import';
import { ImportError } from '../import/reader';
import type { LostPlace } from '../import/lost-text';
import { fieldTitle } from '../import/lost-text';
import type { Finding, ReportData } from '../import/recognise';
import { writeYaml } from '../report/write-yaml';
import { yearForward } from '../import/year-forward';
import { SCHEMA_REFERENCE } from '../schema/schema-file';
import { withSource } from './source-host';
import { readFailureReason } from '../source/read-failure';

/** The largest file import reads: published reports with scanned pages run to tens of MB, never hundreds. */
export const IMPORT_LIMIT_BYTES = 64 * 1024 * 1024;

export interface ImportJob {
  file: string;
  /** The YAML file the report is written to, and that its diagnostics name. */
  output?: string;
  /** The name the YAML goes by when it is not written (a review): default <name>.yaml in the current folder. */
  label?: string;
  /** Write next year's draft started from this report (a YAML report or a published one). */
  yearForward?: boolean;
  /** Read blank number cells as 0 (`--blank-as-zero`: the clerk confirms the report meant 0 by them). */
  blankAsZero?: boolean;
}

export interface ImportOutcome {
  file: string;
  /** The YAML file the diagnostics point into (written or not). */
  yamlFile: string;
  /** Why the file could not be imported (also the RPT1019 among `diagnostics`); no YAML then. */
  failure?: ImportFailure;
  /** The reader that read it: text, docx, html, pdf, or yaml for --year-forward from a YAML report. */
  format?: string;
  yaml?: string;
  /** Who and which year, as recognised (for the review's one line per report). */
  organ?: string | null;
  year?: number | null;
  /** The departures from the national format found (also among `diagnostics`, placed at the YAML's lines). */
  findings: Finding[];
  /** The findings and the checker's diagnostics of the YAML written; or RPT1019, why the file could not be imported. */
  diagnostics: Diagnostic[];
  skipped: Skip[];
}

/** The YAML file named for an input: its base name with .yaml. */
export const yamlNameOf = (file: string) => `${path.basename(file).replace(/\.[^.]*$/, '')}.yaml`;

const TOO_COMPLEX: ImportFailure = { zh: '文件结构过于复杂，无法读取', en: 'the file is too complex to read', cause: 'too-complex' };

/** Why a file could not be imported: the words of RPT1019 and the cause that picks its hint. */
export interface ImportFailure extends Bilingual {
  cause: ImportCause;
}

/** Which cause (and so which RPT1019 hint) a refused read has. */
const READ_CAUSES: Record<ReadFailure['kind'], ImportCause> = {
  missing: 'missing',
  directory: 'not-a-file',
  special: 'not-a-file',
  'too-large': 'too-big',
  unreadable: 'unreadable',
};

/** The file's bytes, or why they are not read: missing, a folder, a FIFO or device, too large. */
function readInput(host: Host, file: string): Uint8Array | ImportFailure {
  const bytes = host.readBytes(file, IMPORT_LIMIT_BYTES);
  return bytes instanceof Uint8Array ? bytes : { ...readFailureReason(bytes), cause: READ_CAUSES[bytes.kind] };
}

/** Last year's report (YAML, or any file a reader reads) → next year's YAML; the findings are last year's. */
async function forwardReport(bytes: Uint8Array, name: string, schemaPath: string): Promise<Imported> {
  let data: unknown;
  let format = 'yaml';
  let findings: Finding[] = [];
  let badBytes: LostPlace[] = [];
  if (/\.ya?ml$/i.test(name)) {
    try {
      data = parse(Buffer.from(bytes).toString('utf8'));
    } catch {
      throw new ImportError('YAML 无法解析', 'the YAML cannot be parsed', 'yaml');
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ImportError('不是 YAML 报告', 'not a YAML report', 'yaml');
  } else {
    ({ data, format, findings, badBytes } = await importReport(bytes, name, { schemaPath }));
  }
  const forwarded = yearForward(data as ReportData);
  const header = ['下一年度报告草稿（report import --year-forward）：填写成文日期，改写各部分文字，填写各表数字'];
  const yaml = writeYaml(forwarded.data, { schemaPath, source: name, header, notes: forwarded.notes });
  return { format, yaml, data: forwarded.data, findings, origins: {}, badBytes };
}

export async function importFile(host: Host, job: ImportJob): Promise<ImportOutcome> {
  const bytes = readInput(host, job.file);
  if (!(bytes instanceof Uint8Array)) return failed(job, bytes);
  return importBytes(host, bytes, job);
}

/** An outcome with nothing found yet. */
export const nothingOf = (job: ImportJob): ImportOutcome => ({
  file: job.file,
  yamlFile: job.output ?? job.label ?? yamlNameOf(job.file),
  findings: [],
  diagnostics: [],
  skipped: [],
});

/** The outcome of a file that could not be imported: its reason, and the RPT1019 that says it. */
export function failed(job: ImportJob, failure: ImportFailure): ImportOutcome {
  const diagnostic = makeDiagnostic('RPT1019', null, { path: job.file, reason: failure.zh, reasonEn: failure.en, cause: failure.cause });
  return { ...nothingOf(job), failure, diagnostics: [{ ...diagnostic, file: job.file }] };
}

/** A file whose reading the sandbox stopped (worker-tasks.ts): past its time, in seconds, or its memory, in MB. */
export function stoppedOutcome(job: ImportJob, limit: { time: number } | { memory: number }): ImportOutcome {
  return failed(
    job,
    'time' in limit
      ? { zh: `读取超过 ${limit.time} 秒（时间上限），已中止`, en: `reading took more than ${limit.time} s (the time limit) and was stopped`, cause: 'time' }
      : {
          zh: `读取所需内存超过 ${limit.memory} MB（内存上限），已中止`,
          en: `reading needed more than ${limit.memory} MB (the memory limit) and was stopped`,
          cause: 'memory',
        },
  );
}

/** Imports the bytes of `job.file` (read already, or given to the library API). */
export async function importBytes(host: Host, bytes: Uint8Array, job: ImportJob): Promise<ImportOutcome> {
  const none = nothingOf(job);
  const name = path.basename(job.file);
  let imported: Imported;
  try {
    imported = job.yearForward
      ? await forwardReport(bytes, name, SCHEMA_REFERENCE)
      : await importReport(bytes, name, { schemaPath: SCHEMA_REFERENCE, blankAsZero: job.blankAsZero === true });
  } catch (error) {
    // A RangeError is a limit of the engine met by the input (a call stack, a Set, a string or an array
    // grown past its maximum): the file is too complex to read, not a bug to report as one.
    if (error instanceof RangeError) return failed(job, TOO_COMPLEX);
    if (!(error instanceof ImportError)) throw error;
    return failed(job, { zh: error.zh, en: error.en, cause: error.kind });
  }
  // The findings and the checker's diagnostics go through one sink, so both are placed at the YAML's lines.
  const sink = new DiagnosticSink(none.yamlFile);
  const checked = collectChecks(withSource(host, none.yamlFile, Buffer.from(imported.yaml, 'utf8')), sink);
  sink.add(imported.findings.map(findingDiagnostic));
  // Bytes not in the source's encoding: at their place in the source, naming the fields of the YAML that lost text there.
  const undecoded = imported.badBytes.map((b) => ({
    ...makeDiagnostic('RPT1035', null, {
      path: job.file,
      line: b.line,
      column: b.column,
      encoding: b.encoding,
      fields: b.pointers.map((p) => `“${fieldTitle(p)}”（${p}）`).join('、'),
      fieldsEn: b.pointers.join(', '),
      excerpt: b.excerpt,
    }),
    file: job.file,
  }));
  const { organ, year } = imported.data;
  const diagnostics = mergeFindings(imported.findings, sink.placed());
  return {
    ...none,
    format: imported.format,
    yaml: imported.yaml,
    organ: typeof organ === 'string' ? organ : null,
    year: typeof year === 'number' ? year : null,
    findings: imported.findings,
    // The checker's diagnostics name where each value stands in the published report: the YAML's 原文… comments say
    // (source/source-place.ts); a finding that left a value null and the checker's words about it are one message.
    diagnostics: [...undecoded, ...diagnostics],
    skipped: checked.skipped,
  };
}
