/**
 * The font checks a PDF build needs, run by `validate` and by `build` alike so a file that validates
 * builds: each font file the report or --font names must be a readable font (font-file.ts, cmap.ts),
 * and every character of the document must be in some font along its fallback chain (coverage.ts);
 * a role nianbao had to set in a face of another design is a warning (RPT5012). Diagnostics point at
 * the report's `fonts` key when the file came from there.
 */
import * as path from 'node:path';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import { FontDataError, readCharacterMap, type CharacterMap } from './cmap';
import { checkGlyphCoverage } from './coverage';
import { faceKey } from './fallback';
import { FONT_FILE_LIMIT_BYTES, inspectFontFile, type FontFileProblem } from './font-file';
import { DESIGN_NAMES, OFFICIAL_FAMILIES } from './official';
import { BUNDLED, FONT_ROLES, ROLE_NAMES, resolveFonts, standIns, type FontFile, type ResolvedRole } from './resolve';
import type { Host } from '../host';
import type { ReportDoc } from '../model/types';
import type { FontRole } from '../format/font-roles';
import type { Report } from '../report/types';

/** Font files the report names (relative to the report) under those given with --font. */
export function configuredFonts(file: string, report: Report, cli: Partial<Record<FontRole, string>>): Partial<Record<FontRole, string>> {
  const fromReport = Object.entries(report.fonts ?? {}).map(([role, font]) => [role, path.resolve(path.dirname(file), font)]);
  return { ...Object.fromEntries(fromReport), ...cli };
}

const MIB = 1024 * 1024;

/** The diagnostic for a font file problem of a role. */
export function fontFileDiagnostic(problem: FontFileProblem, role: FontRole, file: string, pointer: string | null): Diagnostic {
  const names = ROLE_NAMES[role];
  const font = { path: file, role: names.zh, roleEn: names.en };
  switch (problem.kind) {
    case 'missing':
      return makeDiagnostic('RPT5004', pointer, font);
    case 'directory':
    case 'special':
      return makeDiagnostic('RPT5005', pointer, { ...font, what: problem.kind });
    case 'too-large':
      return makeDiagnostic('RPT5006', pointer, { ...font, sizeMiB: Math.ceil(problem.size / MIB), limitMiB: FONT_FILE_LIMIT_BYTES / MIB });
    case 'not-a-font':
      return makeDiagnostic('RPT5007', pointer, font);
    case 'web-font':
      return makeDiagnostic('RPT5008', pointer, font);
    case 'damaged':
      return makeDiagnostic('RPT5009', pointer, { ...font, reason: problem.reason });
    case 'unreadable':
      return makeDiagnostic('RPT5010', pointer, { ...font, reason: problem.reason });
  }
}

/** The official faces to install for a role, as the hint names them: the GB2312 face and the 方正 package. */
function toInstall(role: FontRole, or: string): string {
  const families = OFFICIAL_FAMILIES[role];
  return [families[0], families.find((family) => family.startsWith('方正'))].filter(Boolean).join(or);
}

/** RPT5012 when nianbao set a role in a face of another design (仿宋 in a 宋体 face), naming every such role; else nothing. */
function standInDiagnostics(resolved: Record<FontRole, ResolvedRole>): Diagnostic[] {
  const found = standIns(resolved);
  const [first] = found;
  if (!first) return [];
  return [
    makeDiagnostic('RPT5012', null, {
      standIns: found.map((s) => `${ROLE_NAMES[s.role].zh}以${DESIGN_NAMES[s.design].zh}字形的 ${s.face} 代替`).join('，'),
      standInsEn: found.map((s) => `${ROLE_NAMES[s.role].en} is set in ${s.face}, a ${DESIGN_NAMES[s.design].en} face`).join('; '),
      install: found.map((s) => toInstall(s.role, ' 或 ')).join('、'),
      installEn: found.map((s) => toInstall(s.role, ' or ')).join(', '),
      role: first.role,
    }),
  ];
}

/** Character maps read in this process, by face (a batch validates many files against the same fonts). */
const characterMaps = new Map<string, CharacterMap | FontDataError>();

function characterMap(host: Host, font: FontFile): CharacterMap | FontDataError {
  const key = faceKey(font);
  let map = characterMaps.get(key);
  if (!map) {
    try {
      map = readCharacterMap(host, font);
    } catch (error) {
      if (!(error instanceof FontDataError)) throw error;
      map = error;
    }
    characterMaps.set(key, map);
  }
  return map;
}

/** The role a face is named for (for messages): the first role it was resolved for, else the role it ships for. */
function roleOf(resolved: Record<FontRole, ResolvedRole>, font: FontFile): FontRole {
  const key = faceKey(font);
  return FONT_ROLES.find((role) => faceKey(resolved[role].font) === key) ?? FONT_ROLES.find((role) => faceKey(BUNDLED[role]) === key) ?? 'fangsong';
}

/**
 * Problems of the font files given for roles: stat and signature first (nothing else is read from
 * a file that fails them), then its table directory and character map. `pointerOf` says where each
 * role's file was named.
 */
export function checkFontFiles(host: Host, fonts: Partial<Record<FontRole, string>>, pointerOf: (role: FontRole) => string | null): Diagnostic[] {
  return FONT_ROLES.flatMap((role) => {
    const file = fonts[role];
    if (file === undefined) return [];
    const problem = inspectFontFile(host, file);
    const map = problem ? undefined : characterMap(host, { file });
    const found: FontFileProblem | undefined = problem ?? (map instanceof FontDataError ? { kind: 'damaged', reason: map.message } : undefined);
    return found ? [fontFileDiagnostic(found, role, file, pointerOf(role))] : [];
  });
}

/**
 * Every font check for one report: the configured files, then (only when they are all usable) the
 * faces the PDF would use and the document's glyph coverage. A damaged installed or shipped face
 * is reported too (without a position: the report did not name it).
 */
export function checkFonts(
  host: Host,
  file: string,
  report: Report,
  doc: ReportDoc,
  cli: Partial<Record<FontRole, string>>,
): { fonts: Partial<Record<FontRole, string>>; diagnostics: Diagnostic[] } {
  const fonts = configuredFonts(file, report, cli);
  const fileProblems = checkFontFiles(host, fonts, (role) => (cli[role] === undefined ? `/fonts/${role}` : null));
  if (fileProblems.length > 0) return { fonts, diagnostics: fileProblems };
  const resolved = resolveFonts(host, fonts);
  const damaged = new Map<string, Diagnostic>();
  // Each face's map by its FontFile (the chains share them), so a lookup does not name the face again.
  const maps = new Map<FontFile, CharacterMap | FontDataError>();
  const has = (font: FontFile, codePoint: number): boolean => {
    const map = maps.get(font) ?? maps.set(font, characterMap(host, font)).get(font)!;
    if (!(map instanceof FontDataError)) return map.has(codePoint);
    damaged.set(faceKey(font), fontFileDiagnostic({ kind: 'damaged', reason: map.message }, roleOf(resolved, font), font.file, null));
    return false;
  };
  // Every role's own face is opened by the renderer, used or not: read each one's map first.
  for (const role of FONT_ROLES) has(resolved[role].font, 0x20);
  const coverage = damaged.size > 0 ? [] : checkGlyphCoverage(doc, resolved, has);
  // A damaged face explains the characters it would have drawn: report only the damage.
  return { fonts, diagnostics: [...(damaged.size > 0 ? damaged.values() : coverage), ...standInDiagnostics(resolved)] };
}
