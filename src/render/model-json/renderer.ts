/**
 * The document model itself as stable JSON (`--emit model`): what renderer tests start from, and a
 * way to see what the DOCX and PDF are drawn from.
 */
import { stableJson } from '../../model/debug-json';
import type { Renderer } from '../renderer';

export const modelRenderer = {
  format: 'model',
  extension: '.model.json',
  emit: true,
  usesFonts: false,
  render: (model) => Promise.resolve({ bytes: Buffer.from(stableJson(model), 'utf8'), diagnostics: [] }),
} as const satisfies Renderer;
