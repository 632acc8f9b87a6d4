/**
 * The official faces of each role by family name, and the designs (仿宋, 黑, 楷, 宋) faces are
 * drawn in, so a role set in a face of another design can be told apart from a renamed copy of the
 * right one. Pure data and comparisons: nothing here reads a file.
 */
import type { FontRole } from '../format/font-roles';

/** A typeface design, as the format's roles ask for them. */
export type Design = 'fangsong' | 'hei' | 'kai' | 'song';

export const DESIGN_NAMES: Record<Design, { zh: string; en: string }> = {
  fangsong: { zh: '仿宋', en: 'FangSong' },
  hei: { zh: '黑体', en: 'Hei (sans-serif)' },
  kai: { zh: '楷体', en: 'Kai (brush)' },
  song: { zh: '宋体', en: 'Song (serif)' },
};

/**
 * The design each role asks for. 小标宋 is a heavy 宋体 cut, and the title is meant to look like one:
 * set in a bold 宋体 face (Noto Serif SC Bold) it keeps its design, so that is not a stand-in.
 */
export const ROLE_DESIGN: Record<FontRole, Design> = {
  fangsong: 'fangsong',
  heiti: 'hei',
  kaiti: 'kai',
  xiaobiaosong: 'song',
  songti: 'song',
};

/**
 * Family names of the official faces per role, most wanted first, in the languages fonts carry
 * them: the GB2312 faces GB/T 9704 names, the Windows faces, the 方正 (Founder) packages and the
 * 华文 (SinoType) faces of macOS and Office. Each is a face of the role's design.
 */
export const OFFICIAL_FAMILIES: Record<FontRole, readonly string[]> = {
  fangsong: [
    '仿宋_GB2312',
    'FangSong_GB2312',
    '仿宋',
    'FangSong',
    '方正仿宋_GBK',
    '方正仿宋_GB2312',
    '方正仿宋简体',
    'FZFangSong-Z02',
    'FZFangSong-Z02S',
    '华文仿宋',
    'STFangsong',
  ],
  heiti: ['黑体', 'SimHei', '方正黑体_GBK', '方正黑体_GB2312', '方正黑体简体', 'FZHei-B01', 'FZHei-B01S', '华文黑体', 'STHeiti', 'Heiti SC'],
  kaiti: [
    '楷体_GB2312',
    'KaiTi_GB2312',
    '楷体',
    'KaiTi',
    '方正楷体_GBK',
    '方正楷体_GB2312',
    '方正楷体简体',
    'FZKai-Z03',
    'FZKai-Z03S',
    '华文楷体',
    'STKaiti',
    'Kaiti SC',
  ],
  xiaobiaosong: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05', '华文中宋', 'STZhongsong'],
  songti: ['宋体', 'SimSun', '华文宋体', 'STSong', 'Songti SC'],
};

/** Faces that are not official but whose design is known: the open faces nianbao ships. */
const KNOWN_FAMILIES: Readonly<Record<string, Design>> = {
  'Noto Serif SC': 'song',
  'Noto Sans SC': 'hei',
  'LXGW WenKai': 'kai',
};

/** Family names compare without case, spaces, hyphens or underscores: "FangSong GB2312" is "FangSong_GB2312". */
export const familyKey = (family: string) => family.toLowerCase().replace(/[\s_-]+/g, '');

const DESIGN_BY_FAMILY = new Map<string, Design>([
  ...Object.entries(OFFICIAL_FAMILIES).flatMap(([role, families]) => families.map((f): [string, Design] => [familyKey(f), ROLE_DESIGN[role as FontRole]])),
  ...Object.entries(KNOWN_FAMILIES).map(([family, design]): [string, Design] => [familyKey(family), design]),
]);

/** The design of a face with these family names, when one of them is known. */
export function designOf(families: readonly string[]): Design | undefined {
  for (const family of families) {
    const design = DESIGN_BY_FAMILY.get(familyKey(family));
    if (design) return design;
  }
  return undefined;
}
