/**
 * Stage 3 (model): the text of table cells measured in characters (ems of the table's size) and
 * label cells broken into lines at the points the format's LABEL_BREAKS allow. Both renderers print the lines
 * as decided here, so Word and the PDF break a label alike. Pure.
 */
import { DIGIT_EM } from '../format/page-standard';

/** Width of a text in ems: full-width characters take one, ASCII (digits, '.') at most DIGIT_EM. */
export function ems(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) < 0x80 ? DIGIT_EM : 1;
  return width;
}

/** Room is measured with this much to spare, so a full line never wraps in an office suite's metrics. */
export const SLACK_EMS = 0.05;

/** Punctuation a break may follow without a penalty (the line then ends on a natural pause). */
const PAUSE = /[、，；：。）”]$/;

/** Words of a label: what lies between its allowed breaks, per forced line. */
function labelWords(label: string, breaks: Readonly<Record<string, string>>): string[][] {
  return (breaks[label] ?? label).split('\n').map((line) => line.split('|'));
}

/** The widest run of a label that may not break (its widest word), in ems: the least room its cell can have. */
export function widestWordEms(label: string, breaks: Readonly<Record<string, string>>): number {
  return Math.max(0, ...labelWords(label, breaks).flat().map(ems));
}

/**
 * The label broken into lines no wider than `widthEms`, where `breaks` (the format's LABEL_BREAKS) allow: as few lines as possible, and among those
 * the fewest breaks that do not follow punctuation. A word wider than the column (only if the
 * column is narrower than the layout data allows for) is split between its characters.
 */
export function breakLabel(label: string, widthEms: number, breaks: Readonly<Record<string, string>>): string {
  let memo = brokenLabels.get(breaks);
  if (!memo) brokenLabels.set(breaks, (memo = new Map()));
  const key = `${widthEms}\0${label}`;
  let lines = memo.get(key);
  if (lines === undefined) {
    if (memo.size >= MAX_BROKEN_LABELS) memo.clear();
    memo.set(key, (lines = breakLabelAt(label, widthEms, breaks)));
  }
  return lines;
}

/**
 * Labels already broken, by the format's breaks, then width and label: the model tries each table
 * at several widths, and a batch breaks the same labels at the same widths for every report (a
 * tenth of checking and modelling one). Bounded: emptied when it holds MAX_BROKEN_LABELS.
 */
const brokenLabels = new WeakMap<Readonly<Record<string, string>>, Map<string, string>>();
const MAX_BROKEN_LABELS = 10_000;

function breakLabelAt(label: string, widthEms: number, breaks: Readonly<Record<string, string>>): string {
  const room = widthEms - SLACK_EMS;
  return labelWords(label, breaks)
    .map((words) =>
      fill(
        words.flatMap((word) => (ems(word) > room ? [...word] : [word])),
        room,
      ),
    )
    .join('\n');
}

function fill(words: string[], room: number): string {
  // best[i]: the cheapest way to set words[i..]: [lines, awkward breaks, next line start].
  const best: [number, number, number][] = [];
  best[words.length] = [0, 0, words.length];
  for (let i = words.length - 1; i >= 0; i--) {
    let width = 0;
    let choice: [number, number, number] | undefined;
    for (let j = i + 1; j <= words.length; j++) {
      width += ems(words[j - 1] ?? '');
      if (width > room && j > i + 1) break;
      const rest = best[j] ?? [0, 0, j];
      const awkward = j < words.length && !PAUSE.test(words[j - 1] ?? '') ? 1 : 0;
      const cost: [number, number, number] = [rest[0] + 1, rest[1] + awkward, j];
      // On a tie the longer first line wins, as a greedy fill would set it.
      if (!choice || cost[0] < choice[0] || (cost[0] === choice[0] && cost[1] <= choice[1])) choice = cost;
    }
    best[i] = choice ?? [1, 0, words.length];
  }
  const lines: string[] = [];
  for (let i = 0; i < words.length; i = best[i]?.[2] ?? words.length) lines.push(words.slice(i, best[i]?.[2]).join(''));
  return lines.join('\n');
}
