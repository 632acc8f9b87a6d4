/**
 * A body paragraph as HTML, set so that it prints without letter-spaced lines. Justified text stretches a
 * line whose next word cannot move up: a URL or an e-mail address is such a word, so each is marked
 * (`.url`) and may break between any two characters on paper; a number or phone number must never be
 * split (one with hyphens is kept on its line, `.nobr`, where a browser would break after a hyphen), so a paragraph with one long enough to leave a line stretched by more than 0.15 em when it goes
 * down whole (`ragged`) is printed flush left instead of justified.
 */
import { estimatedWidth } from '../../model/title-lines';
import { escapeHtml } from './escape';
import { LOOK, styleOf } from './look';

/** URLs (with a scheme or www.) and e-mail addresses: Latin runs that may break anywhere on paper. */
const ADDRESS = /(?:https?:\/\/|www\.)[!-~]+|[\w.%+-]+@[\w-]+(?:\.[\w-]+)+/g;
/**
 * Runs of Latin without a break opportunity (no space) outside the addresses, with the marks 避头尾 keeps
 * on their line: an opening bracket before, closing punctuation after (“49255，” goes down whole).
 */
const UNBREAKABLE = /[（“‘《〈「『【〔]?[!-~]+[，。、；：？！）”’》〉」』】〕…—％]*/g;
/**
 * The widest run, in characters, that justification may push to the next line: it leaves its width
 * spread over the 27 gaps of the 28 characters of a line, 3 characters' gap at most 3 / 26 ≈ 0.12 em.
 */
const WIDEST_RUN_CHARS = 3;

/** Whether a run left over (outside the addresses) is wide enough to stretch a justified line too far. */
const hasWideRun = (text: string) => (text.replace(ADDRESS, ' ').match(UNBREAKABLE) ?? []).some((run) => estimatedWidth(run) > WIDEST_RUN_CHARS);

/** Numbers joined by hyphens (0795-3668066, 400-810-0000): a browser may break after the hyphen, so they are kept on one line. */
const HYPHENATED = /\d+(?:-\d+)+/g;
/** Both kinds of run, addresses first (a URL may hold a hyphenated number). */
const MARKED = new RegExp(`(${ADDRESS.source})|${HYPHENATED.source}`, 'g');

/** The paragraph's element: its addresses marked to break anywhere on paper, its hyphenated numbers never to break. */
export function paragraphHtml(text: string, inline: boolean): string {
  let html = '';
  let at = 0;
  for (const match of text.matchAll(MARKED)) {
    const start = match.index ?? 0;
    const span = match[1] === undefined ? `<span class="nobr"${styleOf(inline, LOOK.nobr)}>` : '<span class="url">';
    html += `${escapeHtml(text.slice(at, start))}${span}${escapeHtml(match[0])}</span>`;
    at = start + match[0].length;
  }
  html += escapeHtml(text.slice(at));
  return `<p${hasWideRun(text) ? ' class="ragged"' : ''}${styleOf(inline, LOOK.p)}>${html}</p>`;
}
