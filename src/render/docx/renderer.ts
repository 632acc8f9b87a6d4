/** The DOCX renderer as a plugin (renderer.ts); the docx library loads only when first asked. */
import type { Renderer } from '../renderer';

export const docxRenderer = {
  format: 'docx',
  extension: '.docx',
  emit: false,
  usesFonts: false,
  async render(model, context) {
    const { renderDocx } = await import('./index');
    return { bytes: await renderDocx(model, { timestamp: new Date(context.timestamp) }), diagnostics: [] };
  },
} as const satisfies Renderer;
