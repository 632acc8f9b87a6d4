/**
 * The fonts the DOCX names, per role: the 公文 face as Word and WPS know it, with the common Windows
 * face as the alternative name (w:altName), so a PC without the GB2312 faces still shows 仿宋/楷体.
 */
import type { FontRole } from '../../format/font-roles';

export const WORD_FONTS: Record<FontRole, { name: string; altName: string; family: 'roman' | 'modern' | 'script' }> = {
  fangsong: { name: '仿宋_GB2312', altName: '仿宋', family: 'modern' },
  heiti: { name: '黑体', altName: 'SimHei', family: 'modern' },
  kaiti: { name: '楷体_GB2312', altName: '楷体', family: 'script' },
  xiaobiaosong: { name: '方正小标宋简体', altName: '华文中宋', family: 'roman' },
  songti: { name: '宋体', altName: 'SimSun', family: 'roman' },
};

/** word/fontTable.xml declaring each face with its alternative name and the GB2312 character set. */
export function fontTableXml(): string {
  const fonts = Object.values(WORD_FONTS)
    .map(
      (f) =>
        `<w:font w:name="${f.name}"><w:altName w:val="${f.altName}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="fixed"/></w:font>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '</w:fonts>'
  );
}
