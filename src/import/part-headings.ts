/**
 * Finding the six part headings in the source's lines, worded as the format words them or close to it
 * (numerals may be missing or misprinted, parts out of order): by key words and the similarity of the
 * titles (Dice's coefficient over character pairs). Also cuts headings out of a long line of a web
 * page's text run together.
 */
import type { FormatLabels } from '../format/format';
import { finding, type Finding } from './findings';
import { fold, indexes, norm, NUMERALS } from './line-text';
import type { SourceLine } from './reader';

/** A heading: its numeral (一、 一. 一， or （一）) and its title. */
export const HEADING = new RegExp(`^(?:([${NUMERALS}]{1,3})[、.，]?|（([${NUMERALS}]{1,3})）)?(.+)$`);

/** A part heading's title without its numeral: 一、总体情况 → 总体情况. */
export const titleOf = (heading: string) => HEADING.exec(fold(heading))?.[3] ?? heading;
const titlesOf = new WeakMap<FormatLabels, readonly string[]>();
/** The format's part titles, without numerals (asked for each line read: made once per format). */
export function partTitles(labels: FormatLabels): readonly string[] {
  let titles = titlesOf.get(labels);
  if (!titles) titlesOf.set(labels, (titles = labels.PART_HEADINGS.map(titleOf)));
  return titles;
}
/** Where each part's text goes in the report data (a finding about a missing part points there). */
export const PART_POINTERS = ['/overview', '/proactive', '/applications', '/review_litigation', '/problems', '/other_matters'];

/** Similarity of two texts: Dice's coefficient over their character pairs (1 = the same pairs). */
function similarity(a: string, b: string): number {
  const pairs = (s: string) => indexes(Math.max(0, s.length - 1)).map((i) => s.slice(i, i + 2));
  const left = pairs(a);
  const right = pairs(b);
  if (left.length === 0 || right.length === 0) return a === b ? 1 : 0;
  let common = 0;
  for (const pair of left) {
    const i = right.indexOf(pair);
    if (i >= 0) {
      common += 1;
      right.splice(i, 1);
    }
  }
  return (2 * common) / (left.length + pairs(b).length);
}

/** A line read as a part heading. */
interface HeadingMatch {
  part: number;
  index: number;
  /** The numeral as printed, with its punctuation ('' when there is none): 二、 （二） 三、. */
  prefix: string;
  numeral: string | undefined;
  paren: boolean;
  title: string;
  score: number;
}

/**
 * The part whose heading `line` is, if any: a short line (no sentence punctuation) whose title has all
 * the part's key words and is close to the format's title. A title numbered （一） is held to a closer
 * match, since part 一's sub-headings are numbered so (（一）主动公开 is not part 二).
 */
function headingOf(labels: FormatLabels, line: SourceLine, index: number): HeadingMatch | undefined {
  if (line.cell) return undefined;
  const text = fold(line.text);
  if (text.length > 40 || /[。；：！？，]/.test(text)) return undefined;
  const match = HEADING.exec(text);
  if (!match) return undefined;
  const numeral = match[1] ?? match[2];
  const paren = match[2] !== undefined;
  const title = match[3] as string;
  let best: HeadingMatch | undefined;
  const numeralOf = (part: number) => labels.PART_HEADINGS[part]?.slice(0, 1);
  partTitles(labels).forEach((official, part) => {
    const score = title === official ? 1 : similarity(title, official);
    const keywords = (labels.PART_KEYWORDS[part] ?? []).every((group) => group.some((word) => title.includes(word)));
    const threshold = paren ? 0.75 : numeral === numeralOf(part) ? 0.3 : 0.45;
    if (score < 1 && !(keywords && score >= threshold)) return;
    if (!best || score > best.score) best = { part, index, prefix: text.slice(0, text.length - title.length), numeral, paren, title, score };
  });
  return best;
}

/** The six part headings of the format: the line index of each (-1 when missing), with a finding for each departure. */
export function findParts(labels: FormatLabels, lines: readonly SourceLine[], from: number, findings: Finding[]): number[] {
  const { PART_HEADINGS } = labels;
  const titles = partTitles(labels);
  const matches = lines.flatMap((line, i) => (i >= from ? [headingOf(labels, line, i)] : [])).filter((m): m is HeadingMatch => m !== undefined);
  const starts: number[] = [];
  let last: HeadingMatch | undefined;
  PART_HEADINGS.forEach((heading, part) => {
    const candidates = matches.filter((m) => m.part === part && !starts.includes(m.index));
    const found = candidates.find((m) => m.index > (last?.index ?? -1)) ?? candidates[0];
    if (!found) {
      starts.push(-1);
      findings.push(finding('RPT4005', lines[(last?.index ?? from - 1) + 1]?.at ?? '', PART_POINTERS[part] as string, { heading, part: part + 1 }));
      return;
    }
    starts.push(found.index);
    const line = lines[found.index] as SourceLine;
    const numeral = heading.slice(0, 1);
    if (last && found.index < last.index) {
      findings.push(finding('RPT4009', line.at, '', { heading, after: PART_HEADINGS[last.part] as string }));
    }
    if (found.numeral === undefined) findings.push(finding('RPT4006', line.at, '', { numeral, part: part + 1 }));
    else if (found.numeral !== numeral || found.paren)
      findings.push(finding('RPT4007', line.at, '', { written: found.prefix, numeral: `${numeral}、`, part: part + 1 }));
    if (found.title !== titles[part]) findings.push(finding('RPT4008', line.at, '', { written: line.text.trim(), heading }));
    if (!last || found.index > last.index) last = found;
  });
  return starts;
}

/**
 * A long line holding part headings inside it (a web page's text run together: …联系。 一、总体情况 2022年，…)
 * cut before and after each: at each 一、…六、, the span after it that is most like a part heading —
 * not one listed in a sentence (包括：一、总体情况；二、…), which punctuation around it gives away.
 */
export function splitInlineHeadings(labels: FormatLabels, lines: readonly SourceLine[]): SourceLine[] {
  return lines.flatMap((line) => {
    if (line.cell || norm(line.text).length <= 40) return [line];
    const text = line.text.trim();
    const pieces: string[] = [];
    let from = 0;
    for (const match of text.matchAll(new RegExp(`[${NUMERALS}]、`, 'g'))) {
      const start = match.index;
      // A heading starts a stretch of text: not inside an enumeration (包括：一、总体情况；二、…).
      if (start < from || /[：:；;，,、（(“]/.test(text[start - 1] ?? '')) continue;
      let best: { end: number; score: number } | undefined;
      for (let end = start + 4; end <= Math.min(text.length, start + 32); end++) {
        const heading = headingOf(labels, { text: text.slice(start, end), at: line.at }, 0);
        if (heading && heading.score >= 0.6 && (!best || heading.score > best.score)) best = { end, score: heading.score };
      }
      if (!best || /^\s*[：:；;，,、。）)”]/.test(text.slice(best.end))) continue;
      pieces.push(text.slice(from, start), text.slice(start, best.end));
      from = best.end;
    }
    if (pieces.length === 0) return [line];
    pieces.push(text.slice(from));
    return pieces
      .map((piece) => piece.trim())
      .filter((piece) => piece !== '')
      .map((piece) => ({ text: piece, at: line.at }));
  });
}
