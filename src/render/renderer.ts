/**
 * The contract every output format meets (Pandoc's writers): a renderer reads the document model
 * and a render context, and returns bytes plus the diagnostics it raised. Renderers are listed once,
 * in registry.ts; nothing else names them.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Host } from '../host';
import type { ReportDoc } from '../model/types';
import type { PdfConformance } from './pdf';
import type { FontRole } from '../format/font-roles';

/** What rendering needs besides the model, as plain data (it crosses to worker threads). */
export interface RenderSettings {
  /** Milliseconds since the epoch: SOURCE_DATE_EPOCH, else the report's date. */
  timestamp: number;
  /** Font files by role, resolved by the core (the report's fonts key under those given by the caller). */
  fonts: Partial<Record<FontRole, string>>;
  conformance?: PdfConformance;
  /** HTML: only the article and its scoped style (for pasting into a CMS), not a whole page. */
  fragment?: boolean;
}

/** The settings plus the Host that font files are read through. */
export interface RenderContext extends RenderSettings {
  host: Host;
}

export interface RenderResult {
  bytes: Uint8Array;
  /** Render problems, positioned by pointer only (the core places them in the source). */
  diagnostics: Diagnostic[];
  /** Pages laid out, for a format that lays out its own pages (PDF); Word and browsers lay out the others. */
  pages?: number;
}

export interface Renderer {
  /** The name `--format` and the API take. */
  format: string;
  /** Appended to the output's base name (2023 → 2023.pdf). */
  extension: string;
  /** Selected by `--emit` (a by-product for debugging and tests) rather than by `--format`. */
  emit: boolean;
  /** Whether it draws with the report's fonts: the core then checks the font files and glyph coverage first. */
  usesFonts: boolean;
  /** Loads its library on demand, so that `validate` and other formats do not pay for it. */
  render(model: ReportDoc, context: RenderContext): Promise<RenderResult>;
}
