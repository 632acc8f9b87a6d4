/** `report fonts`: for each role, the file chosen, why (the family name an installed face was found by), its design, and everything that was looked for. */
import { printHuman } from '../diagnostics/print-human';
import { checkFontFiles } from '../fonts/checks';
import { DESIGN_NAMES, ROLE_DESIGN } from '../fonts/official';
import { FONT_ROLES, ROLE_NAMES, resolveFonts, type ResolvedRole } from '../fonts/resolve';
import type { Host } from '../host';
import type { FontRole } from '../format/font-roles';
import { EXIT } from './exit-codes';
import type { Io } from './io';

const WHY = {
  configured: { zh: '由 --font 或报告的 fonts 指定', en: 'named by --font or the report' },
  system: { zh: '本机已安装的公文字体，字族名', en: 'official face installed on this machine, family name' },
  bundled: { zh: '未找到公文字体，使用 nianbao 自带的开源字体（SIL OFL 1.1）', en: 'no official face found; the open font shipped with nianbao (SIL OFL 1.1)' },
} as const;

/** The face's design, and whether the format asks for another one (a stand-in, RPT5012 unless the user chose the face). */
function designLine(r: ResolvedRole, lang: 'zh' | 'en'): string {
  const family = r.family !== undefined && r.source !== 'system' ? (lang === 'zh' ? `（字族名“${r.family}”）` : ` (family name "${r.family}")`) : '';
  if (r.design === undefined) return (lang === 'zh' ? '未知' : 'unknown') + family;
  const wanted = ROLE_DESIGN[r.role];
  if (r.design === wanted) return DESIGN_NAMES[r.design][lang] + family;
  return lang === 'zh'
    ? `${DESIGN_NAMES[r.design].zh}${family}，格式要求${DESIGN_NAMES[wanted].zh}：代用字体`
    : `${DESIGN_NAMES[r.design].en}${family}; the format asks for ${DESIGN_NAMES[wanted].en}: a stand-in`;
}

/** `folders`: the system font folders that were searched. */
export function describeFonts(resolved: Record<FontRole, ResolvedRole>, folders: readonly string[], lang: 'zh' | 'en'): string {
  const lines: string[] = [`${lang === 'zh' ? '查找的字体目录' : 'font folders searched'}: ${folders.join(', ')}`];
  for (const role of FONT_ROLES) {
    const r = resolved[role];
    lines.push(`${ROLE_NAMES[role][lang]}: ${r.font.file}${r.font.postscriptName ? ` (${r.font.postscriptName})` : ''}`);
    const face = r.shipped ? `: ${r.shipped.face}` : '';
    const family = r.source === 'system' ? (lang === 'zh' ? `“${r.family}”` : ` "${r.family}"`) : '';
    lines.push(`  ${lang === 'zh' ? '原因' : 'why'}: ${WHY[r.source][lang]}${family}${face}`);
    lines.push(`  ${lang === 'zh' ? '字形' : 'design'}: ${designLine(r, lang)}`);
    const looked = r.tried.map((t) => `${t.label}${t.found ? ' ✔' : ''}`).join(', ');
    lines.push(`  ${lang === 'zh' ? '查找' : 'looked for'}: ${looked}`);
  }
  return lines.join('\n') + '\n';
}

/** Lists the fonts; a --font file that cannot be used is an error (exit 1) and the role is listed as if it were not given. */
export function runFonts(host: Host, io: Io, configured: Partial<Record<FontRole, string>>, lang: 'zh' | 'en'): number {
  const checked = Object.entries(configured).map(([role, file]) => ({ role, file, problems: checkFontFiles(host, { [role]: file }, () => null) }));
  const usable = Object.fromEntries(checked.filter((c) => c.problems.length === 0).map((c) => [c.role, c.file]));
  const problems = checked.flatMap((c) => c.problems).map((d) => ({ ...d, file: '--font' }));
  io.stdout(describeFonts(resolveFonts(host, usable), host.fontDirs(), lang));
  if (problems.length === 0) return EXIT.ok;
  io.stderr(printHuman(problems, new Map(), lang));
  return EXIT.errors;
}
