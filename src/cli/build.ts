/**
 * `report build FILE...`: check each file; a file with errors is reported and not built; a clean one
 * becomes the model and then each requested format, written atomically to --out. One bad file does
 * not stop the others.
 */
import * as path from 'node:path';
import { checkReport, type Checked } from '../check';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { Host } from '../host';
import { buildModel } from '../model/build';
import { stableJson } from '../model/debug-json';
import type { ReportDoc } from '../model/types';
import { EXIT } from './exit-codes';
import type { Io } from './main';
import { fails, reportDiagnostics, type OutputOptions } from './report-diagnostics';

export type OutputFormat = 'docx' | 'model';

export interface BuildOptions extends OutputOptions {
  out: string;
  formats: OutputFormat[];
}

/** The timestamp written into outputs: SOURCE_DATE_EPOCH, else the report's own date (midnight UTC). */
function timestampOf(host: Host, doc: ReportDoc): Date {
  return host.sourceDateEpoch() ?? new Date(`${doc.meta.date}T00:00:00Z`);
}

async function render(format: OutputFormat, doc: ReportDoc, timestamp: Date): Promise<Uint8Array> {
  switch (format) {
    case 'model':
      return Buffer.from(stableJson(doc), 'utf8');
    case 'docx': {
      // Loaded on demand so `validate` does not pay for the renderer.
      const { renderDocx } = await import('../render/docx');
      return renderDocx(doc, { timestamp });
    }
  }
}

const EXTENSION: Record<OutputFormat, string> = { docx: '.docx', model: '.model.json' };

/** Builds one checked file; returns the files written and any output diagnostics. */
async function buildOne(host: Host, checked: Checked, options: BuildOptions): Promise<{ written: string[]; diagnostics: Diagnostic[]; io: boolean }> {
  if (!checked.report || checked.feesText === undefined) return { written: [], diagnostics: [], io: false };
  const doc = buildModel(checked.report, checked.feesText);
  const timestamp = timestampOf(host, doc);
  const base = path.basename(checked.file).replace(/\.ya?ml$/i, '');
  // Render everything first, then write: a failure while rendering leaves no new file behind.
  const rendered: [string, Uint8Array][] = [];
  for (const format of options.formats) rendered.push([path.join(options.out, base + EXTENSION[format]), await render(format, doc, timestamp)]);
  const written: string[] = [];
  for (const [file, bytes] of rendered) {
    try {
      host.writeBytesAtomic(file, bytes);
      written.push(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      return { written, diagnostics: [{ ...makeDiagnostic('RPT5001', null, { path: file, reason }), file: checked.file }], io: true };
    }
  }
  return { written, diagnostics: [], io: false };
}

export async function runBuild(host: Host, io: Io, files: string[], options: BuildOptions): Promise<number> {
  const results: Checked[] = [];
  const outputs = new Map<string, string[]>();
  let exit: number = EXIT.ok;
  for (const file of files) {
    const checked = checkReport(host, file);
    if (fails(checked, options.strict)) {
      results.push(checked);
      exit = Math.max(exit, EXIT.errors);
      continue;
    }
    const built = await buildOne(host, checked, options);
    outputs.set(file, built.written);
    results.push({ ...checked, diagnostics: [...checked.diagnostics, ...built.diagnostics] });
    if (built.io) exit = EXIT.io;
  }
  reportDiagnostics(io, results, options, outputs);
  if (!options.json) {
    for (const file of [...outputs.values()].flat()) io.stderr(options.lang === 'zh' ? `已生成 ${file}\n` : `wrote ${file}\n`);
  }
  return exit;
}
