/**
 * Finding a font file for each typographic role (仿宋 body, 黑体, 楷体, 小标宋 title, 宋体 page numbers):
 * (1) files named in the report or on the command line; (2) the official faces installed on the
 * machine (Windows, macOS, fontconfig folders), found by their family names whatever their files are
 * called (system-fonts.ts, official.ts); (3) the open-licensed fonts nianbao ships in its package
 * (shipped-fonts.ts), so a fresh machine still gets a good PDF. Each chosen face is classified by
 * design, so a role set in a face of another design (仿宋 in a 宋体 face) can be warned about.
 * Nothing here opens a font: names come from bounded reads of the name table (font-names.ts).
 */
import * as path from 'node:path';
import type { Host } from '../host';
import { PACKAGE_ROOT } from '../package-root';
import { FONT_ROLES, type FontRole } from '../format/font-roles';
import { readFaceNames } from './font-names';
import { designOf, familyKey, OFFICIAL_FAMILIES, ROLE_DESIGN, type Design } from './official';
import { SHIPPED_FONTS, shippedFontFile } from './shipped-fonts';
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
  /** For a shipped face: its name. */
  shipped?: { face: string };
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
    // A shipped face's names are known (shipped-fonts.ts): only whether its file is there is asked.
    const families = host.statFile(BUNDLED[role].file).kind === 'file' ? [...SHIPPED_FONTS[role].families] : [];
    resolved[role] = classified({ ...shipped(host, role, tried), tried }, families);
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
