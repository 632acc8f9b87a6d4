/**
 * `report sum`: the reports of many departments → one report for the level above (a county's
 * 政务公开办 publishes the government-wide one). Every table cell is the sum of the departments'
 * cells — 上年结转 and 现行有效件数 included, as the national format counts them per organ — the fees
 * are added exactly as decimals (report/decimal.ts), and the text parts are drafts for the office to
 * write. Inputs are checked first: one with errors is refused (or left out, with skipInvalid), so
 * the totals never rest on a report whose own numbers do not add up. Nothing is written here.
 */
import * as path from 'node:path';
import { checkReport } from '../check';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { Skip } from '../diagnostics/skip';
import type { Host } from '../host';
import type { ReportData } from '../import/recognise';
import { writeYaml, type Note } from '../report/write-yaml';
import { SCHEMA_REFERENCE } from '../schema/schema-file';
import { isRecord } from '../report/plain-data';
import type { CheckedReport } from '../report/types';
import { SourceFile, type SourceEncoding } from '../source/source-file';
import { addDecimals, decimalPlaces, numeralOf } from '../report/decimal';
import { withSource } from './source-host';

export interface SumOptions {
  /** The organ of the summed report (the level above). */
  organ: string;
  /** Where the YAML is written: its name in diagnostics, and the folder its schema line is relative to. */
  output: string;
  /** Leave out the inputs with errors (each gets a warning) instead of refusing. */
  skipInvalid?: boolean;
}

/** One input as checked. */
export interface SumInput {
  file: string;
  diagnostics: Diagnostic[];
  skipped: Skip[];
  source?: SourceFile;
}

export interface SumOutcome {
  inputs: SumInput[];
  /** The summed report's YAML, unless the sum was refused. */
  yaml?: string;
  /** The checker's diagnostics of that YAML. */
  diagnostics: Diagnostic[];
}

const DRAFT_NOTE = '草稿：由 report sum 汇总生成，请撰写本级内容';

/** Two tables of the same shape added cell by cell (numbers, lists of numbers, objects of them). */
function addCells(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (Array.isArray(a) && Array.isArray(b)) return a.map((cell, i) => addCells(cell, b[i]));
  if (isRecord(a) && isRecord(b)) return Object.fromEntries(Object.entries(a).map(([key, value]) => [key, addCells(value, b[key])]));
  return a;
}

/** The tables of `reports` summed into one report's data, with the notes that mark its drafts. */
function sumReports(reports: readonly CheckedReport[], organ: string): { data: ReportData; notes: Note[] } {
  const [first] = reports;
  if (!first) throw new RangeError('nothing to sum');
  const total = <T>(pick: (r: CheckedReport) => T) => reports.map(pick).reduce((sum, value) => addCells(sum, value) as T);
  const proactive = {
    ...total(({ proactive: p }) => ({
      rules: p.rules,
      normative_documents: p.normative_documents,
      licensing: p.licensing,
      punishment: p.punishment,
      enforcement: p.enforcement,
    })),
    fees: Number(addDecimals(reports.map((r) => r.proactive.fees_text))),
  };
  const fees = reports.map((r) => r.processing_fees ?? { notices: 0, amount_yuan: 0, collected_yuan: 0 });
  const draft = `草稿：本报告由 ${reports.length} 份部门报告汇总，请撰写本级情况。`;
  const data: ReportData = {
    format: '2021',
    organ,
    year: first.year,
    date: reports.map((r) => r.date).reduce((latest, date) => (date > latest ? date : latest)),
    overview: draft,
    proactive,
    applications: total((r) => r.applications),
    review_litigation: total((r) => r.review_litigation),
    problems: draft,
    processing_fees: {
      notices: fees.reduce((sum, f) => sum + f.notices, 0),
      amount_yuan: Number(addDecimals(fees.map((f) => numeralOf(f.amount_yuan)))),
      collected_yuan: Number(addDecimals(fees.map((f) => numeralOf(f.collected_yuan)))),
    },
  };
  const notes: Note[] = [
    { path: ['date'], text: '取各部门报告中最晚的成文日期，请改为本报告的成文日期', place: 'after' },
    { path: ['overview'], text: DRAFT_NOTE, place: 'above' },
    { path: ['problems'], text: DRAFT_NOTE, place: 'above' },
  ];
  return { data, notes };
}

/** One input as checked, as plain data (it comes back from a worker thread in a large sum). */
export interface CheckedInput {
  file: string;
  diagnostics: Diagnostic[];
  skipped: Skip[];
  source?: { text: string; encoding: SourceEncoding };
  /** The report, when it has no errors. */
  report?: CheckedReport;
}

/** Checks one input for the sum. */
export function checkForSum(host: Host, file: string): CheckedInput {
  const checked = checkReport(host, file);
  return {
    file,
    diagnostics: checked.diagnostics,
    skipped: checked.skipped,
    ...(checked.source ? { source: { text: checked.source.text, encoding: checked.source.encoding } } : {}),
    ...(checked.report ? { report: checked.report } : {}),
  };
}

/** Sums the checked inputs without errors (all of them, unless skipInvalid) and checks the sum. */
export function sumChecked(host: Host, checkedInputs: readonly CheckedInput[], options: SumOptions): SumOutcome {
  const inputs: SumInput[] = [];
  const usable: { input: SumInput; report: CheckedReport }[] = [];
  for (const checked of checkedInputs) {
    const { file } = checked;
    const source = checked.source ? new SourceFile(file, checked.source.text, checked.source.encoding) : undefined;
    const input: SumInput = { file, diagnostics: checked.diagnostics, skipped: checked.skipped, ...(source ? { source } : {}) };
    inputs.push(input);
    if (checked.report) usable.push({ input, report: checked.report });
    else {
      const errors = checked.diagnostics.filter((d) => d.severity === 'error').length;
      const left = makeDiagnostic(options.skipInvalid ? 'RPT6003' : 'RPT6002', null, { errors });
      input.diagnostics = [...input.diagnostics, { ...left, file }];
    }
  }
  const years = [...new Set(usable.map((u) => u.report.year))];
  if (years.length > 1) {
    const byYear = years
      .map(
        (year) =>
          `${year}：${usable
            .filter((u) => u.report.year === year)
            .map((u) => path.basename(u.input.file))
            .join('、')}`,
      )
      .join('；');
    for (const { input } of usable) input.diagnostics.push({ ...makeDiagnostic('RPT6001', null, { years: byYear }), file: input.file });
  }
  // Refused: an input with errors (RPT6002, unless skipInvalid), reports of several years (RPT6001), or nothing to sum.
  const refused = (usable.length < inputs.length && !options.skipInvalid) || years.length > 1 || usable.length === 0;
  if (refused) return { inputs, diagnostics: [] };

  const { data, notes } = sumReports(
    usable.map((u) => u.report),
    options.organ,
  );
  const feeDecimals = Math.max(...usable.map((u) => decimalPlaces(u.report.proactive.fees_text)));
  const header = [`汇总自 summed from ${usable.length} 份报告 reports（report sum）：${usable.map((u) => path.basename(u.input.file)).join('、')}`];
  const yaml = writeYaml(data, {
    schemaPath: SCHEMA_REFERENCE,
    header,
    notes,
    decimals: [{ path: ['proactive', 'fees'], places: feeDecimals }],
  });
  const checked = checkReport(withSource(host, options.output, Buffer.from(yaml, 'utf8')), options.output);
  return { inputs, yaml, diagnostics: checked.diagnostics };
}
