/** Renders a model to PDF from plain render settings: shared by the main thread and the PDF worker. */
import { fontSetFor } from '../fonts/font-sets';
import type { Host } from '../host';
import type { ReportDoc } from '../model/types';
import { renderPdf } from '../render/pdf';
import type { RenderSettings } from './build-file';

export function renderPdfWith(host: Host, doc: ReportDoc, settings: RenderSettings): ReturnType<typeof renderPdf> {
  return fontSetFor(host, settings.fonts).then((fonts) =>
    renderPdf(doc, { timestamp: new Date(settings.timestamp), fonts, ...(settings.conformance ? { conformance: settings.conformance } : {}) }),
  );
}
