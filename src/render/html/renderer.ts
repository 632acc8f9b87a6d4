/** The HTML renderer as a plugin (renderer.ts): one self-contained page, or with `fragment` the article alone. */
import type { Renderer } from '../renderer';

export const htmlRenderer = {
  format: 'html',
  extension: '.html',
  emit: false,
  usesFonts: false,
  async render(model, context) {
    const { renderHtml } = await import('./index');
    return { bytes: Buffer.from(renderHtml(model, { fragment: context.fragment === true }), 'utf8'), diagnostics: [] };
  },
} as const satisfies Renderer;
