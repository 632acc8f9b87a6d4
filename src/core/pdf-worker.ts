/**
 * Entry of the PDF render worker (bundled on its own with pdfkit and fontkit, dist/pdf-worker.js):
 * renders a model to PDF for the main thread, which meanwhile checks the report and writes the
 * DOCX. It starts loading pdfkit and the fonts as soon as it boots, before the model arrives.
 * Bundling pdfkit and fontkit (without fontkit's WOFF2 decoder) halves their load time, ~90 → ~45 ms.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { preloadFonts } from '../fonts/font-set-cache';
import { nodeHost } from '../host';
import type { ReportDoc } from '../model/types';
import { pdfRenderer } from '../render/pdf/renderer';
import type { RenderResult, RenderSettings } from '../render/renderer';
import type { FontRole } from '../format/font-roles';
import { afterTask } from '../worker-thread';

/** A request: the model and its render settings. */
export type PdfRequest = RenderSettings & { doc: ReportDoc };

const host = nodeHost();

/** Renders one request (exported for the build-time warm-up that writes this bundle's code cache). */
export function renderRequest({ doc, ...settings }: PdfRequest): Promise<RenderResult> {
  return pdfRenderer.render(doc, { ...settings, host });
}

const port = parentPort;
if (port) {
  const preload = (workerData as { preloadFonts?: Partial<Record<FontRole, string>> } | undefined)?.preloadFonts ?? {};
  // A font that fails to open fails the render that uses it, where it is reported: not here.
  preloadFonts(host, preload).catch(() => undefined);
  port.on('message', async ({ id, request }: { id: number; request: PdfRequest }) => {
    try {
      const result = await renderRequest(request);
      // The code cache this worker had none of, once it holds what a render compiles (boot.ts).
      afterTask();
      port.postMessage({ id, result });
    } catch (error) {
      port.postMessage({ id, error: (error as Error).stack ?? String(error) });
    }
  });
}
