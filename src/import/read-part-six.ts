/** Part 六: the 信息处理费 sentence read into processing_fees, the rest kept as other_matters. */
import { norm } from './line-text';
import type { SourceLine } from './reader';

/** “No fee collected”, as reports word it: 2023年，本机关无收取信息处理费情况。 / 2022年，无收取信息处理费情况。 */
const NO_FEES = /^\d{4}年度?[，,]?(本机关|本单位|我[区县市局委办])?(无|未)(收取|发生|产生)?(收取)?信息处理费(收取)?(的)?情况[。.]?$/;
/** The figures of the fee sentence (processingFeeSentence in src/model/build.ts and its variants). */
const FEE_FIGURES = {
  notices: /发出(?:信息处理费)?收费通知书?(\d+)件/,
  amount_yuan: /收费通知(?:书)?(?:的)?总?金额(?:为|共|合计)?(\d+(?:\.\d+)?)元/,
  collected_yuan: /实际收取(?:信息处理费)?(?:金额)?(?:为|共|合计)?(\d+(?:\.\d+)?)元/,
};

/**
 * Part 六: the sentence on 信息处理费 becomes processing_fees (all zero for “none”, else the notices,
 * their amount and the amount collected, when it states all three); the rest stays other_matters.
 */
export function readOtherMatters(lines: readonly SourceLine[]): Record<string, unknown> {
  const kept: string[] = [];
  let fees: Record<string, unknown> | undefined;
  for (const line of lines) {
    if (fees) {
      kept.push(line.text.trim());
      continue;
    }
    const sentences = line.text.trim().match(/[^。]+。?/g) ?? [];
    const index = sentences.findIndex((sentence) => {
      const text = norm(sentence);
      if (NO_FEES.test(text)) {
        fees = { notices: 0, amount_yuan: 0, collected_yuan: 0 };
        return true;
      }
      const figures = Object.entries(FEE_FIGURES).map(([key, pattern]) => [key, pattern.exec(text)?.[1]] as const);
      if (!text.includes('信息处理费') || figures.some(([, value]) => value === undefined)) return false;
      fees = Object.fromEntries(figures.map(([key, value]) => [key, Number(value)]));
      return true;
    });
    const rest = sentences
      .filter((_, i) => i !== index)
      .join('')
      .trim();
    if (rest) kept.push(rest);
  }
  const data: Record<string, unknown> = {};
  if (fees) data.processing_fees = fees;
  if (kept.length > 0) data.other_matters = kept.join('\n\n');
  return data;
}
