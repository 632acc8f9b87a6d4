/**
 * A body paragraph as HTML, set so that it prints without letter-spaced lines. Justified text stretches a
 * line whose next word cannot move up: a URL or an e-mail address is such a word, so each is marked
 * (`.url`) and may break between any two characters on paper; a number or phone number must never be
 * split (one with hyphens is kept on its line, `.nobr`, where a browser would break after a hyphen), so a paragraph with one long enough to leave a line stretched by more than 0.15 em when it goes
 * down whole (`ragged`) is printed flush left instead of justified.
 */
import { keptRuns, type KeptRun } from '../../model/kept-runs';
import { estimatedWidth } from '../../model/title-lines';
import { escapeHtml } from './escape';
import { LOOK, styleOf } from './look';

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

/** URLs and e-mail addresses: Latin runs that may break anywhere on paper. */
const isAddress = (run: KeptRun) => run.kind !== 'phone';

/** Whether a run left over (outside the addresses) is wide enough to stretch a justified line too far. */
function hasWideRun(text: string, runs: readonly KeptRun[]): boolean {
  let rest = '';
  let at = 0;
  for (const run of runs.filter(isAddress)) {
    rest += `${text.slice(at, run.start)} `;
    at = run.end;
  }
  rest += text.slice(at);
  return (rest.match(UNBREAKABLE) ?? []).some((run) => estimatedWidth(run) > WIDEST_RUN_CHARS);
}

/**
 * Numbers joined by hyphens (2019-2023, GB/T 9704-2012) besides the phone numbers: a browser may break after
 * the hyphen, so they are kept on one line. Only from a run's first digit: linear on a long run of digits.
 */
const HYPHENATED = /(?<!\d)\d+(?:-\d+)+/g;

/** The runs marked in a paragraph, in order: addresses (`.url`) and phone or hyphenated numbers (`.nobr`), none overlapping. */
function markedRuns(text: string, runs: readonly KeptRun[]): { start: number; end: number; address: boolean }[] {
  const marked = runs.map((run) => ({ start: run.start, end: run.end, address: isAddress(run) }));
  for (const match of text.matchAll(HYPHENATED)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (!marked.some((run) => start < run.end && run.start < end)) marked.push({ start, end, address: false });
  }
  return marked.sort((a, b) => a.start - b.start);
}

/** The paragraph's element: its addresses marked to break anywhere on paper, its phone and hyphenated numbers never to break. */
export function paragraphHtml(text: string, inline: boolean): string {
  const runs = keptRuns(text);
  let html = '';
  let at = 0;
  for (const run of markedRuns(text, runs)) {
    const span = run.address ? '<span class="url">' : `<span class="nobr"${styleOf(inline, LOOK.nobr)}>`;
    html += `${escapeHtml(text.slice(at, run.start))}${span}${escapeHtml(text.slice(run.start, run.end))}</span>`;
    at = run.end;
  }
  html += escapeHtml(text.slice(at));
  return `<p${hasWideRun(text, runs) ? ' class="ragged"' : ''}${styleOf(inline, LOOK.p)}>${html}</p>`;
}
