/**
 * P3 (warning): the report's text naming another year as its reporting period — "统计期限为2023年
 * 1月1日至2023年12月31日" left in a 2024 report drafted from last year's (--year-forward keeps the
 * text), "截至2023年12月31日", "本年度（2023年）", and a title of "…2023年度…" (a YAML copied by hand). Only these phrases of the period are read: a
 * text may well name other years (last year's figures, a plan to 2025). The diagnostic narrows to
 * the phrase. (A 成文日期 of last year is RPT3016's.)
 * @example not-ok  year 2024, preamble "统计期限为2023年1月1日至2023年12月31日"  → RPT3020 at /preamble
 */
import { makeDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import { usable, type Rule } from './context';
import { textParts } from './texts';

const RANGE = '1月1日起?(?:至|到|—|－|-|~|～)(\\d{4})年12月31日';
/**
 * The phrases that state the reporting period, as one pattern (one pass, each phrase once: the
 * longest reading first); each group of four digits is a year it names.
 */
const PERIOD = new RegExp(
  [
    `(?:统计期限|统计时限|统计时间|截至|截止)[为是：:自从]{0,2}(\\d{4})年(?:${RANGE}|1月1日|12月31日|度)`,
    `(\\d{4})年${RANGE}`,
    '本年度[（(](\\d{4})年?[)）]',
  ].join('|'),
  'g',
);

/** The year a title names (the first 年度 in it). */
const TITLE_YEAR = /(\d{4})年度/;

export const reportingPeriod: Rule = {
  ids: ['P3'],
  check(context) {
    const year = usable(context, '/year', context.report.year);
    if (year.value === undefined) return [];
    const out: Diagnostic[] = [];
    // The title names the report's year: 宜春经济技术开发区2023年度政府信息公开工作年度报告.
    const title = context.report.title;
    const named = title !== undefined && context.unusable.touching('/title').length === 0 ? TITLE_YEAR.exec(title) : null;
    if (named && Number(named[1]) !== year.value) {
      out.push({ ...makeDiagnostic('RPT3020', '/title', { quote: named[0], stated: named[1] as string, year: year.value }), focus: named[0] });
    }
    for (const part of textParts(context.report)) {
      if (context.unusable.touching(`/${part.key}`).length > 0) continue;
      for (const [text, pointer] of part.strings) {
        // The same words once in a text, however often they recur.
        const said = new Set<string>();
        for (const match of text.matchAll(PERIOD)) {
          const stated = [...new Set(match.slice(1).filter((y) => y !== undefined && Number(y) !== year.value))];
          if (stated.length === 0 || said.has(match[0])) continue;
          said.add(match[0]);
          out.push({ ...makeDiagnostic('RPT3020', pointer, { quote: match[0], stated: stated.join('、'), year: year.value }), focus: match[0] });
        }
      }
    }
    return out;
  },
};
