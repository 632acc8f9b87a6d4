/**
 * Row labels as a person finds them: a label printed differently from the format's — numbered
 * 1、 （1） (1) ① or not at all instead of 1., in full- or half-width forms, with 行政 dropped
 * (规范性文件), or with one character missing, extra or wrong — matched to the format's label,
 * only when the match is unambiguous among the table's labels. Pure.
 */
import { LOST } from './decode';
import { fold, NUMERALS } from './line-text';

/** How a printed label was matched: `exact` (same canonical text) or `near` (行政 dropped, one character off). */
export type Closeness = 'exact' | 'near';

/**
 * The fewest characters of a format label's body (its text after the numbering) for a match one
 * character off: one edit then changes at most a sixth of it, and no two labels of a table are so
 * close (行政许可 / 行政处罚 are four characters and two apart).
 */
export const NEAR_MIN_BODY = 6;
/** The fewest characters left of a label with 行政 dropped (规范性文件 from 行政规范性文件; never 许可, 处罚, 复议). */
export const DROPPED_MIN_BODY = 4;

const CIRCLED = /^([\u2460-\u2473])[、.]?/;
const ARABIC = /^(?:（(\d{1,2})）|(\d{1,2})[、.，）])/;
const CHINESE = new RegExp(`^(?:（([${NUMERALS}]{1,3})）[、.]?|([${NUMERALS}]{1,3})[、.，])`);

/**
 * The text a label is compared by: no whitespace, ASCII brackets and punctuation full-width, digits
 * ASCII, no quotation marks, and the numbering in one style (1. for arabic and circled numbers,
 * （三） and 三、 for Chinese numerals).
 */
export function canonical(text: string): string {
  const folded = fold(text)
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[“”"‘’'「」]/g, '');
  const circled = CIRCLED.exec(folded);
  if (circled) return `${(circled[1] as string).charCodeAt(0) - 0x2460 + 1}.${folded.slice(circled[0].length)}`;
  const arabic = ARABIC.exec(folded);
  if (arabic) return `${arabic[1] ?? arabic[2]}.${folded.slice(arabic[0].length)}`;
  const chinese = CHINESE.exec(folded);
  if (chinese?.[1]) return `（${chinese[1]}）${folded.slice(chinese[0].length)}`;
  if (chinese?.[2]) return `${chinese[2]}、${folded.slice(chinese[0].length)}`;
  return folded;
}

/** A canonical label's body: its text after the numbering. */
const body = (label: string) => label.replace(new RegExp(`^(\\d{1,2}\\.|（[${NUMERALS}]{1,3}）|[${NUMERALS}]{1,3}、)`), '');

/** Whether `a` and `b` differ by one character inserted, deleted or replaced (not equal). */
export function oneApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  const tail = short.length === long.length ? i + 1 : i;
  return short.slice(tail) === long.slice(i + 1);
}

/** How close the printed text (canonical) is to a format label (canonical); undefined when not close. */
export function closeness(printed: string, label: string): Closeness | undefined {
  const labelBody = body(label);
  // A label printed without its numbering is the same label.
  const target = body(printed) === printed && labelBody !== label ? labelBody : label;
  if (printed === target) return 'exact';
  const dropped = target.indexOf('行政');
  if (dropped >= 0 && body(target).length - 2 >= DROPPED_MIN_BODY && printed === target.slice(0, dropped) + target.slice(dropped + 2)) return 'near';
  if (labelBody.length >= NEAR_MIN_BODY && oneApart(printed, target)) return 'near';
  return undefined;
}

/**
 * The format labels a printed text is closest to: one when the match is certain, several when it is
 * ambiguous (an exact match beats a near one; two at the same closeness are ambiguous). Labels whose
 * length differs by more than 4 are not compared, so the work per line is bounded by the few labels
 * of about its length. A text that lost characters to bad bytes (decode.ts) matches nothing: what it
 * said is not known, and RPT1035 reports it.
 */
export function matcher(labels: readonly string[]): (printed: string) => { labels: string[]; closeness: Closeness } | undefined {
  const known = labels.map((label) => ({ label, text: canonical(label) }));
  return (printed) => {
    if (LOST.test(printed)) return undefined;
    const text = canonical(printed);
    const found = known
      .filter((k) => Math.abs(k.text.length - text.length) <= 4)
      .map((k) => ({ label: k.label, how: closeness(text, k.text) }))
      .filter((c) => c.how !== undefined);
    if (found.length === 0) return undefined;
    const exact = found.filter((c) => c.how === 'exact');
    const best = exact.length > 0 ? exact : found;
    return { labels: best.map((c) => c.label), closeness: best[0]?.how as Closeness };
  };
}
