/**
 * The cache of opened font sets (font-set.ts), one per configuration and thread: resolved once,
 * the role fonts read asynchronously (the reads overlap with loading fontkit and pdfkit) and
 * opened on first use.
 */
import { FONT_ROLES, type FontRole } from '../format/font-roles';
import type { Host, ReadFailure } from '../host';
import { FONT_FILE_LIMIT_BYTES } from './font-file';
import type { FontSet } from './font-set';
import { resolveFonts } from './resolve';

const fontSets = new Map<string, Promise<FontSet>>();

/** A font file's bytes; resolveFonts checked the file, so one that fails now was changed in between (a bug to report, not a user's mistake). */
function fontBytes(file: string, bytes: Uint8Array | ReadFailure): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  throw new Error(`font file ${file} changed after it was checked: ${bytes.kind}`);
}

export function fontSetFor(host: Host, configured: Partial<Record<FontRole, string>>): Promise<FontSet> {
  const key = JSON.stringify(Object.entries(configured).sort());
  let set = fontSets.get(key);
  if (!set) {
    const resolved = resolveFonts(host, configured);
    const files = [...new Set(Object.values(resolved).map((r) => r.font.file))];
    const reads = Promise.all(files.map(async (file) => [file, fontBytes(file, await host.readBytesAsync(file, FONT_FILE_LIMIT_BYTES))] as const));
    set = Promise.all([import('./font-set'), reads]).then(([{ FontSet }, contents]) => new FontSet(resolved, new Map(contents)));
    fontSets.set(key, set);
  }
  return set;
}

/** Opens every role's face ahead of the first render (a worker does this while it waits). */
export async function preloadFonts(host: Host, configured: Partial<Record<FontRole, string>>): Promise<void> {
  const set = await fontSetFor(host, configured);
  for (const role of FONT_ROLES) set.primary(role);
}
