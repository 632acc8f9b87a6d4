/**
 * The PDF renderer as a plugin (renderer.ts). It opens the context's fonts (font-set-cache.ts keeps them
 * open for the next report of a batch) and loads pdfkit only when first asked. A font that fontkit
 * cannot open is the font's problem (RPT5009), not a bug: the PDF is not made.
 */
import { FontDataError } from '../../fonts/cmap';
import { fontFileDiagnostic } from '../../fonts/checks';
import { fontSetFor } from '../../fonts/font-set-cache';
import { FONT_ROLES } from '../../fonts/resolve';
import type { Renderer } from '../renderer';

export const pdfRenderer = {
  format: 'pdf',
  extension: '.pdf',
  emit: false,
  usesFonts: true,
  async render(model, context) {
    const { renderPdf } = await import('./index');
    try {
      const fonts = await fontSetFor(context.host, context.fonts);
      return await renderPdf(model, { timestamp: new Date(context.timestamp), fonts, ...(context.conformance ? { conformance: context.conformance } : {}) });
    } catch (error) {
      if (!(error instanceof FontDataError) || error.file === undefined) throw error;
      const role = FONT_ROLES.find((r) => context.fonts[r] === error.file) ?? 'fangsong';
      return { bytes: new Uint8Array(0), diagnostics: [fontFileDiagnostic({ kind: 'damaged', reason: error.message }, role, error.file, null)] };
    }
  },
} as const satisfies Renderer;
