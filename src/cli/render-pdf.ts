/** Renders a model to PDF from plain render settings: shared by the main thread and the PDF worker. */
import { FontDataError } from '../fonts/cmap';
import { fontSetFor } from '../fonts/font-sets';
import { FONT_ROLES } from '../fonts/resolve';
import type { Host } from '../host';
import type { ReportDoc } from '../model/types';
import { renderPdf } from '../render/pdf';
import type { RenderSettings } from './build-file';
import { fontFileDiagnostic } from './font-checks';

/** A font that fontkit cannot open is the font's problem (RPT5009), not a bug: the PDF is not made. */
export function renderPdfWith(host: Host, doc: ReportDoc, settings: RenderSettings): ReturnType<typeof renderPdf> {
  return fontSetFor(host, settings.fonts)
    .then((fonts) => renderPdf(doc, { timestamp: new Date(settings.timestamp), fonts, ...(settings.conformance ? { conformance: settings.conformance } : {}) }))
    .catch((error: unknown) => {
      if (!(error instanceof FontDataError) || error.file === undefined) throw error;
      const role = FONT_ROLES.find((r) => settings.fonts[r] === error.file) ?? 'fangsong';
      return { bytes: new Uint8Array(0), diagnostics: [fontFileDiagnostic({ kind: 'damaged', reason: error.message }, role, error.file, null)] };
    });
}
