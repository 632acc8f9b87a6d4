/**
 * Every output format, listed once. The CLI's help and `--format`/`--emit` parsing, the render
 * workers, output file names and the library's `render` all read this list: adding a format is a
 * folder with a `renderer.ts` and one line here.
 */
import { docxRenderer } from './docx/renderer';
import { htmlRenderer } from './html/renderer';
import { modelRenderer } from './model-json/renderer';
import { pdfRenderer } from './pdf/renderer';
import type { Renderer } from './renderer';

export const RENDERERS = [pdfRenderer, docxRenderer, htmlRenderer, modelRenderer] as const satisfies readonly Renderer[];

export type OutputFormat = (typeof RENDERERS)[number]['format'];

export const FORMATS: readonly OutputFormat[] = RENDERERS.map((r) => r.format);

/** What `build` writes when --format is not given: the two documents of record (HTML is asked for). */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['pdf', 'docx'];

/** The renderer of a format. */
export function rendererOf(format: OutputFormat): Renderer {
  return RENDERERS.find((r) => r.format === format) as Renderer;
}

/** Whether a name is a known format. */
export const isFormat = (name: string): name is OutputFormat => (FORMATS as readonly string[]).includes(name);
