/**
 * `report watch 2023.yaml`: builds, then rebuilds on every save and prints the diagnostics, while
 * the clerk keeps the PDF open beside the editor. One process the whole time, so pdfkit, docx and
 * the opened fonts stay loaded and a rebuild costs the checking and rendering alone. A save that
 * leaves the file as it was (an editor touching it) is not rebuilt; saves during a rebuild are
 * taken together once it ends. A report with errors writes nothing: the last good outputs stay.
 */
import { performance } from 'node:perf_hooks';
import { runBatch } from '../core/batch';
import { buildFile, failedBuild, type FileJob, type FileOutcome } from '../core/build';
import { sha256 } from '../core/manifest';
import { printHuman } from '../diagnostics/print-human';
import type { Host } from '../host';
import { MAX_SOURCE_BYTES } from '../source/load-yaml';
import { SourceFile } from '../source/source-file';
import { writeOutcome, type BuildOptions } from './build';
import { EXIT } from './exit-codes';
import type { Io } from './io';
import { isRunLevel, runLevelKey } from './report-diagnostics';
import { outputName } from '../core/output-names';

export interface WatchOptions extends Omit<BuildOptions, 'jobs' | 'manifest'> {
  /** Ends the watch (Ctrl+C in the CLI; a test's AbortController). */
  signal: AbortSignal;
  /** Called after each build with how long it took (tests and the benchmark wait on it). */
  onBuilt?: (ms: number) => void;
}

/** Saves arriving within this many milliseconds are one save (editors write a file in several steps). */
const SETTLE_MS = 30;

/** Unwritten builds after the first, to warm the JIT. */
const WARM_UPS = 2;

const clock = (date: Date) => date.toTimeString().slice(0, 8);

export async function runWatch(host: Host, io: Io, file: string, options: WatchOptions): Promise<number> {
  const zh = options.lang === 'zh';
  // Listened to from the start, so a stop during the first build or the warm-up is not missed.
  const stopped = new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    else options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  const job: FileJob = {
    file,
    formats: options.formats,
    fonts: options.fonts,
    ...(options.conformance ? { conformance: options.conformance } : {}),
    ...(options.strict ? { strict: true } : {}),
  };
  let built: string | undefined;
  const said = new Set<string>();

  /** One build, if the file changed since the last: its diagnostics, then one line of what came of it. */
  const buildOnce = async () => {
    const bytes = host.readBytes(file, MAX_SOURCE_BYTES);
    const key = bytes instanceof Uint8Array ? sha256(bytes) : bytes.kind;
    if (key === built) return;
    built = key;
    const started = performance.now();
    // The bytes just hashed (or the refusal) are the ones built: a save landing in between is the next build's.
    const source = { ...job, source: bytes };
    const [outcome] = (await runBatch([source], { where: { here: (one) => buildFile(host, one) }, failed: failedBuild })) as [FileOutcome];
    const { artifacts, outcome: written } = writeOutcome(host, outcome, options.out, outputName(file));
    const ms = performance.now() - started;
    const sources = new Map(outcome.source ? [[file, new SourceFile(file, outcome.source.text, outcome.source.encoding)]] : []);
    // A fact about the machine (RPT5012: no 仿宋 here) is said once per session, not at every save.
    const shown = written.diagnostics.filter((d) => !isRunLevel(d) || !said.has(runLevelKey(d)));
    for (const d of shown) if (isRunLevel(d)) said.add(runLevelKey(d));
    if (shown.length > 0) io.stderr(printHuman(shown, sources, options.lang));
    const paths = artifacts.map((a) => a.path).join(' ');
    const errors = written.diagnostics.filter((d) => d.severity === 'error').length;
    // Without errors, nothing was written because --strict stops at warnings.
    const count =
      errors > 0
        ? zh
          ? `${errors} 个错误`
          : `${errors} errors`
        : zh
          ? `${written.diagnostics.length} 个警告（--strict）`
          : `${written.diagnostics.length} warnings (--strict)`;
    const line =
      artifacts.length > 0
        ? zh
          ? `已生成 ${paths}（${ms.toFixed(0)} ms）`
          : `wrote ${paths} (${ms.toFixed(0)} ms)`
        : zh
          ? `有 ${count}，未生成；上次生成的文件保持不变`
          : `${count}, nothing written; the last outputs stay as they were`;
    io.stderr(`[${clock(host.today())}] ${line}\n`);
    options.onBuilt?.(ms);
  };

  // One task at a time; saves during it are taken together by one build after it.
  let running: Promise<void> | undefined;
  let pending = false;
  const exclusive = async (task: () => Promise<void>): Promise<void> => {
    if (running) {
      pending = true;
      return;
    }
    running = task();
    await running;
    running = undefined;
    if (pending) {
      pending = false;
      await exclusive(buildOnce);
    }
  };
  /** While the clerk reads the first PDF, two more builds, unwritten: the JIT's optimised code is then ready for the first save. */
  const warmUp = async () => {
    // A stop (Ctrl+C) waits for at most the build under way, not the rest of the warm-up.
    for (let i = 0; i < WARM_UPS && !options.signal.aborted; i++) await buildFile(host, job).catch(() => undefined);
  };

  // Watching starts before the first build, so a save during it is not missed.
  let timer: NodeJS.Timeout | undefined;
  const watcher = host.watch(file, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void exclusive(buildOnce), SETTLE_MS);
  });
  io.stderr(zh ? `正在监视 ${file} 的改动，保存后自动重新生成；按 Ctrl+C 结束\n` : `watching ${file}: saving rebuilds it; Ctrl+C ends\n`);
  await exclusive(buildOnce);
  if (!options.signal.aborted) await exclusive(warmUp);
  await stopped;
  clearTimeout(timer);
  watcher.close();
  await running;
  return EXIT.ok;
}
