/**
 * The runs of a paragraph that are read, dialled or copied whole — URLs, e-mail addresses and phone
 * numbers — found in its text once for every renderer: the PDF's line breaker keeps them on one line
 * (and the page on one page; a URL longer than a line breaks only at the separators of its path and
 * query, never inside its host), the HTML marks them (`.url` may break on paper, `.nobr` never).
 * Linear in the text: no pattern here backtracks over a long word (a 100 KB word is hostile input).
 */

/** A run the breaker must not split, as a code-unit range [start, end) of the text. */
export interface KeptRun {
  kind: 'url' | 'email' | 'phone';
  start: number;
  end: number;
  /** For a URL: the code-unit offset where its host ends (breaks may come after it); -1 otherwise. */
  hostEnd: number;
}

/** A URL with a scheme or starting with "www.", up to the first character a URL does not hold. */
const URL_RE = /(?:https?|ftp):\/\/[!-~]+|\bwww\.[!-~]+/giu;
/** Characters of an e-mail address before and after its '@'. */
const LOCAL_CHAR = /[A-Za-z0-9._%+-]/u;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/u;
/**
 * Phone numbers: an area code in ASCII or full-width brackets, or before a hyphen, then 5–8 digits
 * (0517-87654321, (0517)87654321, （0517）87654321, 0517 87654321), and 400/800 service numbers
 * written with hyphens or spaces (400-800-1234, 800 820 8820).
 */
const PHONE_RE = /[(（]\d{2,4}[)）][ -]?\d{5,8}(?:-\d{1,5})?|\d{3,4}[- ]\d{7,8}(?:-\d{1,5})?|[48]00[- ]?\d{3}[- ]?\d{4}/gu;
/** Marks that end a sentence around a URL rather than belong to it. */
const URL_TRAILING = /[.,;:!?'")\]}>]+$/u;

/** The kept runs of `text`, sorted by start, not overlapping (a URL holding an address wins). */
export function keptRuns(text: string): KeptRun[] {
  const runs: KeptRun[] = [];
  for (const match of text.matchAll(URL_RE)) {
    const shown = match[0].replace(URL_TRAILING, '');
    const start = match.index ?? 0;
    const scheme = /^[a-z]+:\/\//iu.exec(shown)?.[0].length ?? 0;
    const host = /[/?#]/u.exec(shown.slice(scheme));
    runs.push({ kind: 'url', start, end: start + shown.length, hostEnd: start + scheme + (host ? host.index : shown.length - scheme) });
  }
  runs.push(...emailAddresses(text));
  for (const match of text.matchAll(PHONE_RE)) {
    const start = match.index ?? 0;
    runs.push({ kind: 'phone', start, end: start + match[0].length, hostEnd: -1 });
  }
  runs.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: KeptRun[] = [];
  for (const run of runs) {
    const last = kept[kept.length - 1];
    if (!last || run.start >= last.end) kept.push(run);
  }
  return kept;
}

/**
 * E-mail addresses, found from their '@' outwards: a regular expression starting with the local
 * part would retry it from every letter of a long word (quadratic on a 100 KB run of letters).
 */
function emailAddresses(text: string): KeptRun[] {
  const found: KeptRun[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && LOCAL_CHAR.test(text.charAt(start - 1))) start -= 1;
    let end = at + 1;
    while (end < text.length && DOMAIN_CHAR.test(text.charAt(end))) end += 1;
    while (end > at + 1 && text.charAt(end - 1) === '.') end -= 1; // a full stop after the address
    const domain = text.slice(at + 1, end);
    if (start < at && /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/u.test(domain)) found.push({ kind: 'email', start, end, hostEnd: -1 });
  }
  return found;
}
