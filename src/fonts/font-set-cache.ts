/**
 * The cache of opened font sets (font-set.ts), one per configuration and thread: resolved once, each
 * face opened on first use (without its outlines, sparse-font.ts: half a megabyte of a CJK face).
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
    set = import('./font-set').then(({ FontSet }) => new FontSet(resolved, host));
    fontSets.set(key, set);
  }
  return set;
}

/** Opens every role's face ahead of the first render (a worker does this while it waits). */
export async function preloadFonts(host: Host, configured: Partial<Record<FontRole, string>>): Promise<void> {
  const set = await fontSetFor(host, configured);
  for (const role of FONT_ROLES) set.primary(role);
}
