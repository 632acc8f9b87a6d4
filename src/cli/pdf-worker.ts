/**
 * Entry of the PDF render worker (bundled on its own with pdfkit and fontkit, dist/pdf-worker.js):
 * renders a model to PDF for the main thread, which meanwhile checks the report and writes the
 * DOCX. It starts loading pdfkit and the fonts as soon as it boots, before the model arrives.
 * Bundling pdfkit and fontkit (without fontkit's WOFF2 decoder) halves their load time, ~90 → ~45 ms.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fontSetFor, preloadFonts } from '../fonts/font-sets';
import { nodeHost } from '../host';
import type { ReportDoc } from '../model/types';
import { renderPdf } from '../render/pdf';
import type { FontRole } from '../render/theme';

/** A request: the model, and the settings of build-file.ts's RenderSettings. */
export interface PdfRequest {
  doc: ReportDoc;
  timestamp: number;
  fonts: Partial<Record<FontRole, string>>;
  conformance?: 'PDF/A-2b' | 'PDF/A-2a' | 'PDF/A-3b';
}

/** Renders one request (exported for the build-time warm-up that writes this bundle's code cache). */
export async function renderRequest(request: PdfRequest): Promise<Awaited<ReturnType<typeof renderPdf>>> {
  const fonts = await fontSetFor(nodeHost(), request.fonts);
  return renderPdf(request.doc, { timestamp: new Date(request.timestamp), fonts, ...(request.conformance ? { conformance: request.conformance } : {}) });
}

const port = parentPort;
if (port) {
  const host = nodeHost();
  const preload = (workerData as { preloadFonts?: Partial<Record<FontRole, string>> } | undefined)?.preloadFonts ?? {};
  void preloadFonts(host, preload);
  port.on('message', async ({ id, request }: { id: number; request: PdfRequest }) => {
    try {
      port.postMessage({ id, result: await renderRequest(request) });
    } catch (error) {
      port.postMessage({ id, error: (error as Error).stack ?? String(error) });
    }
  });
}
