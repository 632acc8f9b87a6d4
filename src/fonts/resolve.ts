/**
 * Finding a font file for each typographic role (仿宋 body, 黑体, 楷体, 小标宋 title, 宋体 page numbers):
 * (1) files named in the report or on the command line; (2) the official faces installed on the
 * machine (Windows, macOS, fontconfig folders); (3) the open-licensed fonts nianbao ships as npm
 * dependencies, so a fresh machine with only `npm ci` still gets a good PDF. Files only: nothing
 * here opens a font (the shipped 楷体 comes as a web font and is converted to a file, shipped-kai.ts).
 */
import * as path from 'node:path';
import type { Host } from '../host';
import { PACKAGE_ROOT } from '../package-root';
import { FONT_ROLES, type FontRole } from '../format/font-roles';
import { KAI_WOFF, shippedKai } from './shipped-kai';

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
  /** For a shipped face: its name, and a note on where it came from or why it stands in. */
  shipped?: { face: string; note?: { zh: string; en: string } };
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

const expo = (family: string, weight: string) =>
  path.join(PACKAGE_ROOT, 'node_modules', '@expo-google-fonts', family, weight, `${family === 'noto-serif-sc' ? 'NotoSerifSC' : 'NotoSansSC'}_${weight}.ttf`);

/**
 * The shipped TrueType fonts (SIL OFL 1.1): Noto Serif SC for the serif roles, Noto Sans SC Bold for
 * 黑体. No open 仿宋 or 小标宋 is on the npm registry; the serif faces stand in (see README). 楷体 is
 * LXGW WenKai (shipped-kai.ts); Noto Serif SC Regular, listed here, stands in only when that cannot
 * be had. These are also the tail of every fallback chain (fallback.ts).
 */
export const BUNDLED: Record<FontRole, FontFile> = {
  fangsong: { file: expo('noto-serif-sc', '400Regular') },
  heiti: { file: expo('noto-sans-sc', '700Bold') },
  kaiti: { file: expo('noto-serif-sc', '400Regular') },
  xiaobiaosong: { file: expo('noto-serif-sc', '700Bold') },
  songti: { file: expo('noto-serif-sc', '400Regular') },
};

const BUNDLED_FACES: Record<FontRole, string> = {
  fangsong: 'Noto Serif SC Regular',
  heiti: 'Noto Sans SC Bold',
  kaiti: 'Noto Serif SC Regular',
  xiaobiaosong: 'Noto Serif SC Bold',
  songti: 'Noto Serif SC Regular',
};

/** The shipped face of a role; for 楷体 LXGW WenKai (converted on first use), else its stand-in. */
function shipped(host: Host, role: FontRole, tried: ResolvedRole['tried']): Omit<ResolvedRole, 'tried'> {
  let note: { zh: string; en: string } | undefined;
  if (role === 'kaiti') {
    const kai = shippedKai(host);
    tried.push({ label: path.relative(PACKAGE_ROOT, KAI_WOFF), found: kai.kind === 'ready' });
    if (kai.kind === 'ready') {
      note = {
        zh: '开源楷体，由 npm 包 @fontsource/lxgw-wenkai 的 WOFF 转换为 TrueType 并缓存',
        en: 'an open Kai face, converted from the WOFF of @fontsource/lxgw-wenkai to TrueType and cached',
      };
      return { role, font: { file: kai.file }, source: 'bundled', shipped: { face: 'LXGW WenKai Regular（霞鹜文楷）', note } };
    }
    note = {
      zh: `霞鹜文楷不可用（${kai.reason}），以 ${BUNDLED_FACES[role]} 代替`,
      en: `LXGW WenKai unavailable (${kai.reason}); ${BUNDLED_FACES[role]} stands in`,
    };
  }
  tried.push({ label: path.relative(PACKAGE_ROOT, BUNDLED[role].file), found: host.exists(BUNDLED[role].file) });
  return { role, font: BUNDLED[role], source: 'bundled', shipped: { face: BUNDLED_FACES[role], ...(note ? { note } : {}) } };
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
