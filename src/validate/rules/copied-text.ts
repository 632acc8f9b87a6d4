/**
 * P2 (warning, with last year's report): a section of text copied unchanged or almost unchanged from
 * last year's report — a draft made with --year-forward and never rewritten, or last year's words
 * sent again. Sections are compared with their counterpart: the part, or in a part of headed
 * sections the section under the same heading (a paragraph without a heading: the one at the same
 * place). Alike is the Dice coefficient of the two texts' character pairs (whitespace left out),
 * linear in their length whatever the input. The preamble is left out: its wording is the
 * template's, the same every year by design; so are sections shorter than MIN_CHARACTERS. A part
 * whose every compared section is copied is one finding, at the part.
 * @example not-ok  overview the same as last year's  → RPT3019 at /overview
 */
import { makeDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import { sum } from '../../report/rows';
import type { Text } from '../../report/types';
import { lastYear, type Rule } from './context';
import { textTitle } from './texts';

/** At least this alike (Dice, 0–1) counts as almost unchanged. */
export const ALIKE = 0.9;
/** Sections shorter than this (characters, no whitespace) are boilerplate such as "无", not compared. */
export const MIN_CHARACTERS = 50;
const PARTS = ['overview', 'problems', 'other_matters'] as const;

/** The text without whitespace: a re-wrapped paragraph is the same text. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

/** How alike two texts are: 2 × shared character pairs / all pairs, 0–1 (1: the same pairs). */
export function alike(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const pairs = new Map<string, number>();
  for (let i = 0; i + 1 < a.length; i++) pairs.set(a.slice(i, i + 2), (pairs.get(a.slice(i, i + 2)) ?? 0) + 1);
  let shared = 0;
  for (let i = 0; i + 1 < b.length; i++) {
    const pair = b.slice(i, i + 2);
    const left = pairs.get(pair) ?? 0;
    if (left > 0) {
      shared++;
      pairs.set(pair, left - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/** A text's sections by what pairs them with last year's: the whole text, or per heading / place. */
function sections(text: Text, pointer: string): Map<string, { text: string; pointer: string; heading?: string }> {
  const flat = (t: Text): string =>
    typeof t === 'string' ? t : t.map((item) => (typeof item === 'string' ? item : `${item.heading}\n${flat(item.body)}`)).join('\n');
  if (typeof text === 'string') return new Map([['', { text: squeezed(text), pointer }]]);
  return new Map(
    text.map((item, i) =>
      typeof item === 'string'
        ? [`#${i}`, { text: squeezed(item), pointer: `${pointer}/${i}` }]
        : [`heading ${item.heading}`, { text: squeezed(flat(item.body)), pointer: `${pointer}/${i}/body`, heading: item.heading }],
    ),
  );
}

export const copiedText: Rule = {
  ids: ['P2'],
  check(context) {
    const previous = lastYear(context);
    if (!previous) return [];
    const out: Diagnostic[] = [];
    for (const key of PARTS) {
      const now = context.report[key];
      const before = previous.report[key];
      // An unusable text has its own error; a part only one year has is not a copy.
      if (now === undefined || before === undefined || context.unusable.touching(`/${key}`).length > 0 || previous.unusable.touching(`/${key}`).length > 0) {
        continue;
      }
      const last = sections(before, `/${key}`);
      const title = textTitle(context.format.labels, key);
      // The sections long enough to compare that last year's report has too, and those of them copied.
      const compared = [...sections(now, `/${key}`)].flatMap(([pairing, section]) => {
        const counterpart = last.get(pairing);
        return counterpart && section.text.length >= MIN_CHARACTERS ? [{ section, counterpart }] : [];
      });
      const copied = compared.flatMap(({ section, counterpart }) => {
        const score = alike(section.text, counterpart.text);
        // 100 only when the same: a near copy never rounds up to "the same".
        return score < ALIKE ? [] : [{ ...section, similarity: section.text === counterpart.text ? 100 : Math.min(99, Math.floor(score * 100)) }];
      });
      const params = { previousYear: previous.report.year };
      // A part copied whole is one finding, at the part: the least alike of its sections, all their characters.
      if (compared.length > 1 && copied.length === compared.length) {
        const similarity = Math.min(...copied.map((c) => c.similarity));
        out.push(
          makeDiagnostic('RPT3019', `/${key}`, { ...params, part: title.zh, partEn: title.en, similarity, length: sum(copied.map((c) => c.text.length)) }),
        );
        continue;
      }
      for (const section of copied) {
        const heading = section.heading;
        out.push(
          makeDiagnostic('RPT3019', section.pointer, {
            ...params,
            part: heading === undefined ? title.zh : `${title.zh}·${heading}`,
            partEn: heading === undefined ? title.en : `${title.en}, "${heading}"`,
            similarity: section.similarity,
            length: section.text.length,
          }),
        );
      }
    }
    return out;
  },
};
