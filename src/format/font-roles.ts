/**
 * The typefaces of the national format (GB/T 9704-2012 as the 2021 format uses it) by role: the
 * face's Chinese name and what it sets, in both languages. The schema's fonts key, --font, messages
 * and the renderers all take the roles from here. Pure data; imports nothing.
 */
export const FONT_ROLE_FACES = {
  fangsong: { face: { zh: '仿宋', en: 'FangSong' }, use: { zh: '正文', en: 'body' } },
  heiti: { face: { zh: '黑体', en: 'HeiTi' }, use: { zh: '一级标题', en: 'level-1 headings' } },
  kaiti: { face: { zh: '楷体', en: 'KaiTi' }, use: { zh: '二级标题', en: 'level-2 headings' } },
  xiaobiaosong: { face: { zh: '小标宋', en: 'XiaoBiaoSong' }, use: { zh: '标题', en: 'title' } },
  songti: { face: { zh: '宋体', en: 'SongTi' }, use: { zh: '页码', en: 'page numbers' } },
} as const;

/** A font role: the key of the report's fonts and of --font role=FILE. */
export type FontRole = keyof typeof FONT_ROLE_FACES;

/** The roles in the format's order, which is also the order fallback chains try the other roles' faces in. */
export const FONT_ROLES = Object.keys(FONT_ROLE_FACES) as readonly FontRole[];

/** What each role is called in messages and listings: face and use, e.g. 仿宋（正文） / FangSong (body). */
export const ROLE_NAMES = Object.fromEntries(
  FONT_ROLES.map((role) => {
    const { face, use } = FONT_ROLE_FACES[role];
    return [role, { zh: `${face.zh}（${use.zh}）`, en: `${face.en} (${use.en})` }];
  }),
) as Record<FontRole, { zh: string; en: string }>;
