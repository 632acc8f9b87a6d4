/** The report's own words, as the rules read them: each string of its text parts with its pointer. */
import type { Report, Text } from '../../report/types';

/** The keys whose values are the report's text (what a clerk writes anew each year). */
export const TEXT_KEYS = ['preamble', 'overview', 'problems', 'other_matters'] as const;

/** The part a text key is, in messages. */
export const TEXT_TITLES: Record<(typeof TEXT_KEYS)[number], { zh: string; en: string }> = {
  preamble: { zh: '引言', en: 'preamble' },
  overview: { zh: '一、总体情况', en: 'part 一 (overview)' },
  problems: { zh: '五、存在的主要问题及改进情况', en: 'part 五 (problems)' },
  other_matters: { zh: '六、其他需要报告的事项', en: 'part 六 (other matters)' },
};

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
