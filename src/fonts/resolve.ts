/**
 * Finding a font file for each typographic role (仿宋 body, 黑体, 楷体, 小标宋 title, 宋体 page numbers):
 * (1) files named in the report or on the command line; (2) the official faces installed on the
 * machine (Windows, macOS, fontconfig folders), found by their family names whatever their files are
 * called (system-fonts.ts, official.ts); (3) the open-licensed fonts nianbao ships as npm
 * dependencies, so a fresh machine with only `npm ci` still gets a good PDF. Each chosen face is
 * classified by design, so a role set in a face of another design (仿宋 in a 宋体 face) can be
 * warned about. Nothing here opens a font with fontkit: names come from bounded reads of the name
 * table (the shipped 楷体 comes as a web font and is converted to a file, shipped-kai.ts).
 */
import * as path from 'node:path';
import type { Host } from '../host';
import { PACKAGE_ROOT } from '../package-root';
import { FONT_ROLES, type FontRole } from '../format/font-roles';
import { readFaceNames } from './font-names';
import { designOf, familyKey, OFFICIAL_FAMILIES, ROLE_DESIGN, type Design } from './official';
import { KAI_WOFF, shippedKai } from './shipped-kai';
import { systemFamilies, type FamilyIndex, type SystemFace } from './system-fonts';

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
  /** Candidates in the order they were tried (files, official family names), with whether each was found. */
  tried: { label: string; found: boolean }[];
  /** For a shipped face: its name, and a note on where it came from or why it stands in. */
  shipped?: { face: string; note?: { zh: string; en: string } };
  /** The face's family name: for an installed face the official name it was found by, else the first its name table gives. */
  family?: string;
  /** The face's design, when its family is known (official.ts); undefined for a face nianbao cannot place. */
  design?: Design;
}

/** A role set by nianbao's choice (not the user's) in a face of another design than the format asks for. */
export interface StandIn {
  role: FontRole;
  /** The face used instead, as `report fonts` names it. */
  face: string;
  design: Design;
}

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

/** The family names of a face named by file (the face of a collection by its PostScript name); [] when they cannot be read. */
function familiesOf(host: Host, font: FontFile): string[] {
  const stat = host.statFile(font.file);
  if (stat.kind !== 'file') return [];
  try {
    const faces = readFaceNames(host, font.file, stat.size);
    return (faces.find((face) => face.postscriptName === font.postscriptName) ?? faces[0])?.families ?? [];
  } catch {
    return [];
  }
}

/** The face, among those installed with this family name, closest to Regular weight (a family may have Bold, Light … faces too). */
function installedFace(installed: FamilyIndex, family: string): SystemFace | undefined {
  return (installed.get(familyKey(family)) ?? []).reduce<SystemFace | undefined>(
    (best, face) => (!best || Math.abs(face.weight - 400) < Math.abs(best.weight - 400) ? face : best),
    undefined,
  );
}

/** Resolves every role. `configured` maps roles to files given by the report or --font. */
export function resolveFonts(host: Host, configured: Partial<Record<FontRole, string>> = {}): Record<FontRole, ResolvedRole> {
  let installed: FamilyIndex | undefined;
  const resolved = {} as Record<FontRole, ResolvedRole>;
  const classified = (role: ResolvedRole, families = familiesOf(host, role.font)): ResolvedRole => {
    const design = designOf(families);
    return { ...role, ...(families[0] !== undefined ? { family: families[0] } : {}), ...(design ? { design } : {}) };
  };
  for (const role of FONT_ROLES) {
    const tried: { label: string; found: boolean }[] = [];
    const given = configured[role];
    if (given !== undefined) {
      const found = host.exists(given);
      tried.push({ label: given, found });
      if (found) {
        resolved[role] = classified({ role, font: { file: given }, source: 'configured', tried });
        continue;
      }
    }
    installed ??= systemFamilies(host);
    let official: { family: string; face: SystemFace } | undefined;
    for (const family of OFFICIAL_FAMILIES[role]) {
      const face = installedFace(installed, family);
      tried.push({ label: family, found: face !== undefined });
      if (face) {
        official = { family, face };
        break;
      }
    }
    if (official) {
      const { file, postscriptName } = official.face;
      const font = { file, ...(postscriptName ? { postscriptName } : {}) };
      resolved[role] = { role, font, source: 'system', tried, family: official.family, design: ROLE_DESIGN[role] };
      continue;
    }
    resolved[role] = classified({ ...shipped(host, role, tried), tried });
  }
  return resolved;
}

/** The roles nianbao set in a face of another design than the format asks for; a face the user named is their choice, never a stand-in. */
export function standIns(resolved: Record<FontRole, ResolvedRole>): StandIn[] {
  return FONT_ROLES.flatMap((role): StandIn[] => {
    const { source, design, shipped: face, family, font } = resolved[role];
    if (source === 'configured' || design === undefined || design === ROLE_DESIGN[role]) return [];
    return [{ role, face: face?.face ?? family ?? font.file, design }];
  });
}
