/**
 * The screen look of each part of the article, as CSS declarations: the stylesheet's rules (style.ts)
 * and, in a fragment for a CMS, each element's own `style` attribute as well, so that the article keeps
 * its look where a portal editor (UEditor and its kin) strips the `<style>` block. One source for both.
 */
import { ROLE } from '../../format/page-standard';
import type { FontRole } from '../../format/font-roles';
import { escapeHtml } from './escape';

/** System faces of each role, official Windows/macOS names first, then the open CJK faces most Linux and Android machines have. */
const FACES: Record<FontRole, readonly string[]> = {
  fangsong: [
    '仿宋_GB2312',
    'FangSong_GB2312',
    '仿宋',
    'FangSong',
    'STFangsong',
    '华文仿宋',
    'Noto Serif CJK SC',
    'Noto Serif SC',
    'Source Han Serif SC',
    'Songti SC',
    'serif',
  ],
  heiti: ['黑体', 'SimHei', 'Heiti SC', 'STHeiti', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif'],
  kaiti: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', 'Kaiti SC', 'LXGW WenKai', 'Noto Serif CJK SC', 'Noto Serif SC', 'serif'],
  xiaobiaosong: [
    '方正小标宋简体',
    '方正小标宋_GBK',
    'FZXiaoBiaoSong-B05S',
    '华文中宋',
    'STZhongsong',
    'Noto Serif CJK SC',
    'Noto Serif SC',
    'Source Han Serif SC',
    'serif',
  ],
  songti: ['宋体', 'SimSun', 'Songti SC', 'STSong', 'Noto Serif CJK SC', 'Noto Serif SC', 'serif'],
};

const GENERIC = new Set(['serif', 'sans-serif']);
/** A role's font stack; names quoted with ' so that the declaration also fits in a double-quoted style attribute. */
export const faces = (role: FontRole) => FACES[role].map((face) => (GENERIC.has(face) ? face : `'${face}'`)).join(', ');

/** The parts of the article that carry a look of their own. */
export type Part =
  | 'article'
  | 'h1'
  | 'titleLine'
  | 'titleWord'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'p'
  | 'nobr'
  | 'scroll'
  | 'table'
  | 'caption'
  | 'cell'
  | 'th'
  | 'num'
  | 'signatureP'
  | 'signatureLine';

/**
 * Each part's declarations on screen. The tables' wrapper scrolls sideways on a narrow screen, with a
 * shadow at the edge that has more columns (backgrounds that scroll with the content cover the shadow
 * where the table ends: Lea Verou's scrolling shadows).
 */
export const LOOK: Readonly<Record<Part, string>> = {
  article: `font-family: ${faces(ROLE.body)}; font-size: 1.125rem; line-height: 1.8; color: #1a1a1a; max-width: 40em; margin: 0 auto; overflow-wrap: anywhere;`,
  h1: `font-family: ${faces(ROLE.title)}; line-height: 1.5; text-align: center; margin: 0.5em 0 1em;`,
  titleLine: 'display: block;',
  // A word of the title never breaks; the line breaks between words where the screen is narrower than the line.
  titleWord: 'display: inline-block; white-space: nowrap;',
  h2: `font-family: ${faces(ROLE.heading1)}; font-size: 1em; font-weight: normal; margin: 1.2em 0 0.2em; text-indent: 2em;`,
  h3: `font-family: ${faces(ROLE.heading2)}; font-size: 1em; font-weight: normal; margin: 0.8em 0 0.2em; text-indent: 2em;`,
  h4: `font-family: ${faces(ROLE.heading3)}; font-size: 1em; font-weight: bold; margin: 0.6em 0 0; text-indent: 2em;`,
  // Justified on paper only: on a screen a URL moved whole to the next line would leave wide gaps in the line before.
  p: 'margin: 0 0 0.3em; text-indent: 2em; text-align: start;',
  nobr: 'white-space: nowrap;',
  scroll:
    'overflow-x: auto; margin: 0.6em 0 1.2em; max-width: 100%; ' +
    'background: linear-gradient(to right, #fff 30%, rgba(255, 255, 255, 0)) left / 2.5em 100% no-repeat local, ' +
    'linear-gradient(to left, #fff 30%, rgba(255, 255, 255, 0)) right / 2.5em 100% no-repeat local, ' +
    'radial-gradient(farthest-side at 0 50%, rgba(0, 0, 0, 0.35), rgba(0, 0, 0, 0)) left / 0.9em 100% no-repeat scroll, ' +
    'radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, 0.35), rgba(0, 0, 0, 0)) right / 0.9em 100% no-repeat scroll;',
  table: `font-family: ${faces(ROLE.table)}; font-size: 0.9em; border-collapse: collapse; border: none; width: 100%; overflow-wrap: normal;`,
  caption: 'caption-side: top; text-align: left; font-size: 0.9em; color: #444; padding: 0 0 0.3em;',
  cell: 'border: 1px solid #333; padding: 0.3em 0.4em; text-align: center; vertical-align: middle; font-weight: normal;',
  th: 'background: #f3f3f3; white-space: nowrap;',
  num: 'white-space: nowrap; font-variant-numeric: tabular-nums;',
  signatureP: 'margin: 0; text-indent: 0; text-align: right;',
  signatureLine: 'display: block;',
};

/** The `style` attribute of an element in a fragment (`inline`); nothing on the page, whose stylesheet is never stripped. */
export const styleOf = (inline: boolean, ...declarations: string[]) => (inline ? ` style="${escapeHtml(declarations.filter(Boolean).join(' '))}"` : '');
