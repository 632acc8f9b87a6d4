/** The pipeline in-process: a fixture → checked report → model (and its DOCX). */
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { checkReport } from '../../src/check';
import { nodeHost } from '../../src/host';
import { buildModel } from '../../src/model/build';
import type { ReportDoc } from '../../src/model/types';
import { renderDocx } from '../../src/render/docx';
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
