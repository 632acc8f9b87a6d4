/**
 * The shipped 楷体: LXGW WenKai Regular (霞鹜文楷, SIL OFL 1.1). npm has it only as a web font
 * (@fontsource/lxgw-wenkai: the whole font as WOFF 1 and WOFF 2), and pdfkit subsets WOFF many times
 * slower while cmap.ts and truetype.ts read sfnt tables in place. So the WOFF 1 is converted to a
 * TrueType file once (woff.ts, ~90 ms) and kept in a cache folder; later runs only stat it.
 *
 * Cache folder: node_modules/.cache/nianbao (the usual place for a package's derived files; it goes
 * away with the install it belongs to), else the user's cache folder when node_modules is read-only.
 * The file name carries a fingerprint of the WOFF (its table directory holds every table's checksum),
 * so a new font version gets a new file. Races: processes or threads that convert at the same time
 * each write their own temp file and rename it into place; they all write the same bytes, so whoever
 * renames last is as right as the first, and no reader ever sees half a file.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Host } from '../host';
import { PACKAGE_ROOT } from '../package-root';
import { readWoffDirectory, woffToSfnt } from './woff';

/** The WOFF 1 of LXGW WenKai Regular (fontsource names the whole font's only subset "latin"; weight 500 is the Regular face). */
export const KAI_WOFF = path.join(PACKAGE_ROOT, 'node_modules', '@fontsource', 'lxgw-wenkai', 'files', 'lxgw-wenkai-latin-500-normal.woff');

/** The converted font, or why it cannot be had (English, for `report fonts`). */
export type ShippedKai = { kind: 'ready'; file: string } | { kind: 'unavailable'; reason: string };

/** The folders tried for the converted font, in order. */
export const kaiCacheDirs = (host: Host): string[] => [path.join(PACKAGE_ROOT, 'node_modules', '.cache', 'nianbao'), host.userCacheDir()];

const reasonOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));

/** The TrueType file of the shipped Kai face, converted and cached on first use. */
export function shippedKai(host: Host): ShippedKai {
  const source = host.statFile(KAI_WOFF);
  if (source.kind !== 'file') return { kind: 'unavailable', reason: `${path.relative(PACKAGE_ROOT, KAI_WOFF)}: ${source.kind}` };
  let directory: ReturnType<typeof readWoffDirectory>;
  let name: string;
  try {
    const head = host.readRange(KAI_WOFF, 0, Math.min(source.size, 4096));
    directory = readWoffDirectory(head);
    const fingerprint = createHash('sha256').update(head.subarray(0, directory.directoryBytes)).digest('hex').slice(0, 16);
    name = `LXGWWenKai-Regular-${fingerprint}.ttf`;
  } catch (error) {
    return { kind: 'unavailable', reason: reasonOf(error) };
  }
  // A cached file is whole (it was renamed into place); its size guards against anything else.
  const cached = (file: string) => {
    const stat = host.statFile(file);
    return stat.kind === 'file' && stat.size === directory.sfntSize;
  };
  const files = kaiCacheDirs(host).map((dir) => path.join(dir, name));
  const hit = files.find(cached);
  if (hit) return { kind: 'ready', file: hit };
  let sfnt: Uint8Array;
  try {
    sfnt = woffToSfnt(host.readRange(KAI_WOFF, 0, source.size));
  } catch (error) {
    return { kind: 'unavailable', reason: reasonOf(error) };
  }
  const failures: string[] = [];
  for (const file of files) {
    try {
      host.writeBytesAtomic(file, sfnt);
      return { kind: 'ready', file };
    } catch (error) {
      // Windows refuses to rename over a file another process has open: that process won the race.
      if (cached(file)) return { kind: 'ready', file };
      failures.push(`${path.dirname(file)}: ${reasonOf(error)}`);
    }
  }
  return { kind: 'unavailable', reason: `cannot write the converted font (${failures.join('; ')})` };
}
