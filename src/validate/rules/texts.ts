/** The report's own words, as the rules read them: each string of its text parts with its pointer. */
import type { FormatLabels } from '../../format/format';
import type { Report, Text } from '../../report/types';

/** The keys whose values are the report's text (what a clerk writes anew each year). */
export const TEXT_KEYS = ['preamble', 'overview', 'problems', 'other_matters'] as const;

/** The part a text key is, in messages: its heading in the report's format. */
export function textTitle(labels: FormatLabels, key: (typeof TEXT_KEYS)[number]): { zh: string; en: string } {
  const [overview, , , , problems, other] = labels.PART_HEADINGS;
  const titles = {
    preamble: { zh: '引言', en: 'preamble' },
    overview: { zh: overview, en: 'part 一 (overview)' },
    problems: { zh: problems, en: 'part 五 (problems)' },
    other_matters: { zh: other, en: 'part 六 (other matters)' },
  };
  return titles[key];
}

/** Every string of a text with its pointer. */
export function strings(text: Text, pointer: string): [string, string][] {
  if (typeof text === 'string') return [[text, pointer]];
  return text.flatMap((item, i): [string, string][] =>
    typeof item === 'string' ? [[item, `${pointer}/${i}`]] : [[item.heading, `${pointer}/${i}/heading`], ...strings(item.body, `${pointer}/${i}/body`)],
  );
}

/** The text parts the report has, each as its strings. */
export function textParts(report: Report): { key: (typeof TEXT_KEYS)[number]; strings: [string, string][] }[] {
  return TEXT_KEYS.flatMap((key) => {
    const text = report[key];
    return text === undefined ? [] : [{ key, strings: strings(text, `/${key}`) }];
  });
}
