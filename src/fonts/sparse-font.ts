/**
 * Opening a TrueType face without reading its outlines. A CJK face is 10–16 MB, nearly all of it the
 * glyf table, of which a report's PDF embeds a few hundred glyphs: reading the four shipped faces
 * whole cost ~58 ms of CPU and 56 MB in every thread that renders a PDF, and that much external
 * memory brings V8's full collections forward. Here every other table (~0.5 MB a face) is read into
 * a font of one face for fontkit and the metrics, and the glyf bytes of the glyphs a subset needs are
 * read from the file when it is written (truetype.ts). A face without glyf outlines (CFF) is not
 * opened here: the caller reads it whole.
 */
import type { Host } from '../host';
import { FontDataError } from './font-data-error';
import { faceDirectory, FontBytes } from './sfnt';
import { writeSfnt, type OutlineSource } from './truetype';

export interface SparseFace {
  /**
   * The face's tables but glyf, as a font file of its own. Its glyf is empty and comes last, so a
   * read of an outline from these bytes fails at their end instead of finding another table's bytes.
   */
  bytes: Uint8Array;
  /** The glyf bytes, read from the file. */
  outlines: OutlineSource;
}

/** The face `font` names, without its outlines; undefined when it has no glyf outlines. Throws FontDataError for a damaged file. */
export function openSparse(host: Host, font: { file: string; postscriptName?: string }): SparseFace | undefined {
  const stat = host.statFile(font.file);
  if (stat.kind !== 'file') throw new FontDataError(`not a regular file (${stat.kind})`);
  const file = new FontBytes(host, font.file, stat.size);
  const tables = faceDirectory(file, font);
  const glyf = tables.get('glyf');
  if (!glyf || !tables.has('loca')) return undefined;
  const kept = [...tables].filter(([tag]) => tag !== 'glyf').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const bytes = writeSfnt([
    // The tables' checksums as the file gives them: summing half a megabyte a face is not needed to copy it.
    ...kept.map(([tag, { offset, length, checksum }]) => [tag, file.read(offset, length).bytes, checksum] as const),
    ['glyf', new Uint8Array(0)],
  ]);
  const outlines: OutlineSource = {
    length: glyf.length,
    read(ranges) {
      // The file was read in parts: one changed since (a font being replaced) would mix two fonts' glyphs.
      const now = host.statFile(font.file);
      if (now.kind !== 'file' || now.size !== stat.size || now.mtimeMs !== stat.mtimeMs) throw new FontDataError('the font file changed while it was in use');
      const requests = ranges.map(([start, end]) => ({ offset: glyf.offset + start, length: end - start }));
      const parts = host.readRanges(font.file, requests);
      if (parts.some((part, i) => part.length !== requests[i]?.length)) throw new FontDataError('file ends inside the glyf table');
      return parts;
    },
  };
  return { bytes, outlines };
}
