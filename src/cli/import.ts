/**
 * `report import FILE… [-o out.yaml | --out DIR] [--check] [--json]`: each published report becomes a
 * YAML report (core/import.ts), written atomically; its findings and the checker's diagnostics of
 * the YAML are printed. Without -o or --out one report's YAML goes to standard output. --check is
 * the review of many reports: nothing is written (unless --out says where), one line per report
 * (organ, year, errors, warnings) ends the run. Several files import in parallel on workers.
 * Exit 1 when a file cannot be imported or an imported report has errors.
 */
import * as path from 'node:path';
import { nothingOf, yamlNameOf, type ImportJob, type ImportOutcome } from '../core/import';
import type { Host } from '../host';
import { SourceFile } from '../source/source-file';
import { EXIT } from './exit-codes';
import { runBatch, verdictOf } from '../core/batch';
import { reviewAcrossFiles, withFound } from '../core/review';
import type { Io } from './io';
import { progressBar } from './progress';
import { WorkerPool } from '../core/worker-pool';
import { importPool, importSandboxed } from '../core/worker-tasks';
import { reportDiagnostics, type OutputOptions } from './report-diagnostics';
import { addSchemasBeside } from './schema';
import { pairsTable } from './pairs-table';
import { textTable } from './text-table';
import { outputRefusal, writeFailure, writeOutputs } from './write-outputs';

export interface ImportOptions extends OutputOptions {
  /** -o: the one output file. */
  output?: string;
  /** --force: write over an existing YAML (never over an input). */
  force?: boolean;
  /** --out: the folder for <name>.yaml of each input. */
  out?: string;
  /** --year-forward: write next year's report, started from the input (a YAML report or a published one). */
  yearForward?: boolean;
  /** --blank-as-zero: blank number cells read as 0 (the clerk confirms the report meant 0). */
  blankAsZero?: boolean;
  /** --check: review only — print each report's findings and a line per report; write only where --out says. */
  check?: boolean;
  /** --time-limit: seconds each file may take to read (default IMPORT_LIMITS). */
  timeLimit?: number;
  /** Parallel import workers (at most MAX_IMPORT_WORKERS); each file is read in one, even with 1. */
  jobs?: number;
}

/** Where an input's YAML is written; undefined when it is not written (standard output, or a review). */
function outputOf(file: string, options: ImportOptions): string | undefined {
  if (options.output !== undefined) return options.output;
  if (options.out !== undefined) return path.join(options.out, yamlNameOf(file));
  return undefined;
}

/** A usage problem with the options, or undefined. */
function usageProblem(files: readonly string[], options: ImportOptions): string | undefined {
  if (options.timeLimit !== undefined && !(Number.isInteger(options.timeLimit) && options.timeLimit >= 1 && options.timeLimit <= 3600)) {
    return '--time-limit 应为 1 到 3600 之间的整数（秒）/ --time-limit takes whole seconds from 1 to 3600';
  }
  if (options.output !== undefined && options.out !== undefined) return '-o 与 --out 只能选一个 / give either -o or --out, not both';
  if (files.length > 1 && options.output !== undefined) return '导入多个文件时请用 --out 指定输出文件夹 / importing several files needs --out FOLDER, not -o';
  if (files.length > 1 && options.out === undefined && !options.check) {
    return '导入多个文件时请用 --out 指定输出文件夹，或用 --check 只检查 / importing several files needs --out FOLDER, or --check to review them';
  }
  return undefined;
}

const IMPORTING = { zh: '导入', en: 'importing' } as const;

/** The review's closing table: one line per report — file, organ, year, errors, warnings. */
function reviewTable(outcomes: readonly ImportOutcome[], lang: 'zh' | 'en'): string {
  const head = lang === 'zh' ? ['文件', '机关', '年度', '错误', '警告'] : ['file', 'organ', 'year', 'errors', 'warnings'];
  const rows = outcomes.map((o) => {
    const errors = o.diagnostics.filter((d) => d.severity === 'error').length;
    const status = o.failure ? (lang === 'zh' ? '无法导入' : 'not imported') : (o.organ ?? '?');
    return [o.file, status, o.year === undefined || o.year === null ? '?' : String(o.year), String(errors), String(o.diagnostics.length - errors)];
  });
  return textTable(head, rows);
}

/** The fields a script needs besides the diagnostics: what was read, what it is, where it went. */
const importFields = (o: ImportOutcome, output: string | undefined, toStdout: boolean) => ({
  format: o.format ?? null,
  organ: o.organ ?? null,
  year: o.year ?? null,
  output: output ?? null,
  ...(toStdout ? { yaml: o.yaml ?? null } : {}),
});

export async function runImport(host: Host, io: Io, files: readonly string[], options: ImportOptions): Promise<number> {
  const problem = usageProblem(files, options);
  if (problem) {
    io.stderr(`${problem}\n`);
    return EXIT.usage;
  }
  const jobs: ImportJob[] = files.map((file) => {
    const output = outputOf(file, options);
    // In a review nothing is written: the YAML is named beside its source, so two folders' report.pdf stay apart.
    const label = options.check && !output ? path.join(path.dirname(file), yamlNameOf(file)) : undefined;
    return {
      file,
      ...(output ? { output } : {}),
      ...(label ? { label } : {}),
      ...(options.yearForward ? { yearForward: true } : {}),
      ...(options.blankAsZero ? { blankAsZero: true } : {}),
    };
  });
  // Every file, even one alone, is read in a sandboxed worker: a hostile file stops there, the batch goes on.
  const outcomes = await runBatch(jobs, {
    where: {
      pool: () => {
        const pool = importPool(WorkerPool.size(jobs.length, options.jobs), options.timeLimit === undefined ? undefined : options.timeLimit * 1000);
        return { run: (job) => importSandboxed(pool, job), close: () => pool.close() };
      },
    },
    failed: (job, diagnostic): ImportOutcome => ({ ...nothingOf(job), diagnostics: [diagnostic] }),
    ...progressBar(io, options, jobs.length, IMPORTING),
  });

  let ioFailed = false;
  const written = new Map<string, string[]>();
  for (const [i, outcome] of outcomes.entries()) {
    const output = (jobs[i] as ImportJob).output;
    if (output === undefined || outcome.yaml === undefined) continue;
    const refusal = outputRefusal(host, output, files, options.force === true);
    if (refusal) {
      outcome.diagnostics.push({ ...refusal, file: outcome.yamlFile });
      continue;
    }
    const result = writeOutputs(host, [{ path: output, bytes: Buffer.from(outcome.yaml, 'utf8') }]);
    if (result.failure) {
      outcome.diagnostics.push(writeFailure(result.failure, outcome.yamlFile));
      ioFailed = true;
    } else written.set(outcome.file, result.written);
  }
  ioFailed ||= addSchemasBeside(host, written, (file) => (outcomes.find((o) => o.file === file) as ImportOutcome).diagnostics);

  // One report without -o/--out goes to standard output (not in a review).
  const toStdout = !options.check && jobs.length === 1 && jobs[0]?.output === undefined;
  // Many reports: those of one organ in consecutive years are checked against each other (core/review.ts).
  const review = await reviewAcrossFiles(
    host,
    outcomes.map((o) => ({ file: o.yamlFile, name: o.file, ...(o.yaml !== undefined ? { text: o.yaml } : {}) })),
  );
  const reviewed = withFound(outcomes, review);
  const reported = reviewed.map((o, i) => ({
    file: o.file,
    diagnostics: o.diagnostics,
    skipped: o.skipped,
    ...(o.yaml !== undefined ? { source: new SourceFile(o.yamlFile, o.yaml) } : {}),
    fields: importFields(o, written.has(o.file) ? (jobs[i] as ImportJob).output : undefined, toStdout),
  }));
  if (!options.json && toStdout && outcomes[0]?.yaml !== undefined) io.stdout(outcomes[0].yaml);
  const tables = [options.check ? reviewTable(reviewed, options.lang) : '', review.pairs.length > 0 ? pairsTable(review.pairs, options.lang) : ''];
  reportDiagnostics(io, reported, options, written, tables.join('') || undefined, { pairs: review.pairs });
  return EXIT[verdictOf(reported, { ...options, ioFailed })];
}
