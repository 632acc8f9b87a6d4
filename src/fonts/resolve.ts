/**
 * Finding a font file for each typographic role (仿宋 body, 黑体, 楷体, 小标宋 title, 宋体 page numbers):
 * (1) files named in the report or on the command line; (2) the official faces installed on the
 * machine (Windows, macOS, fontconfig folders); (3) the open-licensed fonts nianbao ships in its
 * package (shipped-fonts.ts), so a fresh machine still gets a good PDF. Files only: nothing here opens a font.
 */
import * as path from 'node:path';
import type { Host } from '../host';
import { PACKAGE_ROOT } from '../package-root';
import { FONT_ROLES, type FontRole } from '../format/font-roles';
import { SHIPPED_FONTS, shippedFontFile } from './shipped-fonts';

/** The roles and their names are the format's (format/font-roles.ts); the CLI takes them from here. */
export { FONT_ROLES, ROLE_NAMES } from '../format/font-roles';

/** A font file, and for a collection (.ttc) the PostScript name of the face in it. */
export interface FontFile {
  file: string;
  postscriptName?: string;
}

export type FontSource = 'configured' | 'system' | 'bundled';

export interface ResolvedRole {
  role: FontRole;
  font: FontFile;
  source: FontSource;
  /** Candidates in the order they were tried, with whether each was found. */
  tried: { label: string; found: boolean }[];
  /** For a shipped face: its name. */
  shipped?: { face: string };
}

/**
 * File names of the official faces per role, as Windows, the 方正 packages and macOS install them
 * (compared case-insensitively). A collection names its face.
 */
const OFFICIAL: Record<FontRole, { name: string; postscriptName?: string }[]> = {
  fangsong: [{ name: '仿宋_GB2312.ttf' }, { name: 'FangSong_GB2312.ttf' }, { name: 'FZFSK.TTF' }, { name: 'simfang.ttf' }, { name: 'STFANGSO.TTF' }],
  heiti: [{ name: 'simhei.ttf' }, { name: 'FZHTK.TTF' }, { name: 'STHEITI.TTF' }],
  kaiti: [{ name: '楷体_GB2312.ttf' }, { name: 'KaiTi_GB2312.ttf' }, { name: 'FZKTK.TTF' }, { name: 'simkai.ttf' }, { name: 'STKAITI.TTF' }],
  xiaobiaosong: [{ name: 'FZXBSJW.TTF' }, { name: 'FZXBSK.TTF' }, { name: '方正小标宋简体.ttf' }, { name: 'STZHONGS.TTF' }],
  songti: [{ name: 'simsun.ttc', postscriptName: 'SimSun' }, { name: 'STSONG.TTF' }],
};

/** The shipped faces (shipped-fonts.ts): the last resort of each role, and the tail of every fallback chain (fallback.ts). */
export const BUNDLED: Record<FontRole, FontFile> = Object.fromEntries(FONT_ROLES.map((role) => [role, { file: shippedFontFile(role) }])) as Record<
  FontRole,
  FontFile
>;

/** The shipped face of a role. */
function shipped(host: Host, role: FontRole, tried: ResolvedRole['tried']): Omit<ResolvedRole, 'tried'> {
  tried.push({ label: path.relative(PACKAGE_ROOT, BUNDLED[role].file), found: host.exists(BUNDLED[role].file) });
  return { role, font: BUNDLED[role], source: 'bundled', shipped: { face: SHIPPED_FONTS[role].face } };
}

/** Lists the font files in the system font folders (a few levels deep), keyed by lower-case name. */
function systemFontIndex(host: Host): Map<string, string> {
  const index = new Map<string, string>();
  const visit = (dir: string, depth: number) => {
    for (const entry of host.readDir(dir)) {
      const full = path.join(dir, entry.name);
      if (entry.directory) {
        if (depth < 4) visit(full, depth + 1);
      } else if (/\.(ttf|otf|ttc)$/i.test(entry.name) && !index.has(entry.name.toLowerCase())) {
        index.set(entry.name.toLowerCase(), full);
      }
    }
  };
  for (const dir of host.fontDirs()) visit(dir, 0);
  return index;
}

/** Resolves every role. `configured` maps roles to files given by the report or --font. */
export function resolveFonts(host: Host, configured: Partial<Record<FontRole, string>> = {}): Record<FontRole, ResolvedRole> {
  let index: Map<string, string> | undefined;
  const resolved = {} as Record<FontRole, ResolvedRole>;
  for (const role of FONT_ROLES) {
    const tried: { label: string; found: boolean }[] = [];
    const given = configured[role];
    if (given !== undefined) {
      const found = host.exists(given);
      tried.push({ label: given, found });
      if (found) {
        resolved[role] = { role, font: { file: given }, source: 'configured', tried };
        continue;
      }
    }
    index ??= systemFontIndex(host);
    const official = OFFICIAL[role].find((candidate) => {
      const found = index?.has(candidate.name.toLowerCase()) ?? false;
      tried.push({ label: candidate.name, found });
      return found;
    });
    if (official) {
      const file = index.get(official.name.toLowerCase()) as string;
      resolved[role] = { role, font: { file, ...(official.postscriptName ? { postscriptName: official.postscriptName } : {}) }, source: 'system', tried };
      continue;
    }
    resolved[role] = { ...shipped(host, role, tried), tried };
  }
  return resolved;
}
