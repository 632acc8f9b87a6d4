/** The pipeline in-process: a fixture → checked report → model (and its DOCX or PDF). */
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { checkReport } from '../../src/check';
import { nodeHost } from '../../src/host';
import { buildModel } from '../../src/model/build';
import type { ReportDoc } from '../../src/model/types';
import { FontSet } from '../../src/fonts/font-set';
import { resolveFonts } from '../../src/fonts/resolve';
import { renderDocx } from '../../src/render/docx';
import { renderPdf } from '../../src/render/pdf';
import { FIXTURES } from './fixtures';

export function modelOf(fixture: string): ReportDoc {
  const checked = checkReport(nodeHost(), path.join(FIXTURES, fixture));
  if (!checked.report) throw new Error(`${fixture} has errors: ${checked.diagnostics.map((d) => d.code).join(', ')}`);
  return buildModel(checked.report);
}

export const TIMESTAMP = new Date('2024-01-25T00:00:00Z');

export async function docxOf(fixture: string): Promise<{ bytes: Uint8Array; parts: Record<string, string> }> {
  const bytes = await renderDocx(modelOf(fixture), { timestamp: TIMESTAMP });
  const parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, Buffer.from(data).toString('utf8')]));
  return { bytes, parts };
}

let pdfFonts: FontSet | undefined;

/** The PDF of a fixture (or of a model made from one), as `report build` writes it. */
export async function pdfOf(fixture: string | ReportDoc): Promise<Uint8Array> {
  pdfFonts ??= new FontSet(resolveFonts(nodeHost({})));
  const model = typeof fixture === 'string' ? modelOf(fixture) : fixture;
  const { bytes, diagnostics } = await renderPdf(model, { timestamp: TIMESTAMP, fonts: pdfFonts });
  if (diagnostics.length > 0) throw new Error(`PDF of ${model.meta.title}: ${diagnostics.map((d) => d.code).join(', ')}`);
  return bytes;
}
