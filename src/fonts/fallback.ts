/**
 * The per-character fallback chain of each role: its own face, then the faces of the other roles,
 * then the shipped fonts. The PDF renderer (font-set.ts) and the glyph-coverage check of `validate`
 * (coverage.ts) both walk this one chain, so a file that validates draws every character. Files only:
 * nothing here opens a font.
 */
import { FONT_ROLES, type FontRole } from '../format/font-roles';
import { BUNDLED, type FontFile, type ResolvedRole } from './resolve';

/** Names one face: a file, and the face inside a collection. */
export const faceKey = (file: FontFile) => `${file.file}#${file.postscriptName ?? ''}`;

/** The faces a character of `role` may come from, in order, each once. */
export function fallbackChain(resolved: Record<FontRole, ResolvedRole>, role: FontRole): FontFile[] {
  const files = [resolved[role].font, ...FONT_ROLES.map((other) => resolved[other].font), ...FONT_ROLES.map((other) => BUNDLED[other])];
  const seen = new Set<string>();
  return files.filter((file) => !seen.has(faceKey(file)) && Boolean(seen.add(faceKey(file))));
}
