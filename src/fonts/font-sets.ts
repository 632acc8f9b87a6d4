/**
 * Font sets per configuration, one per thread: resolved once, the role fonts read asynchronously
 * (the reads overlap with loading fontkit and pdfkit) and opened on first use.
 */
import { FONT_ROLES, type FontRole } from '../format/font-roles';
import type { Host } from '../host';
import type { FontSet } from './font-set';
import { resolveFonts } from './resolve';

const fontSets = new Map<string, Promise<FontSet>>();

export function fontSetFor(host: Host, configured: Partial<Record<FontRole, string>>): Promise<FontSet> {
  const key = JSON.stringify(Object.entries(configured).sort());
  let set = fontSets.get(key);
  if (!set) {
    const resolved = resolveFonts(host, configured);
    const files = [...new Set(Object.values(resolved).map((r) => r.font.file))];
    const reads = Promise.all(files.map(async (file) => [file, await host.readBytesAsync(file)] as const));
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
