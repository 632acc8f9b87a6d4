/**
 * Stage 3 (model): a checked report → ReportDoc. Decides every piece of text once: title, default
 * preamble, part and section numbering, the 信息处理费 sentence, the date text, the signature layout.
 * Pure; the report's format (labels, layout, page standard) comes as a parameter, chosen by the
 * report (format/registry.ts formatOf); imports the report types and model/* (nothing above the model
 * in the layer order of src/layers.ts).
 */
import type { Format } from '../format/format';
import { DEFAULT_FORMAT, formatOf } from '../format/registry';
import type { CheckedReport, Report, Text } from '../report/types';
import { breakByMeaning, titleBreaks } from './title-lines';
import { yuan } from './format';
import { signatureBlock } from './signature';
import { applicationsTable, proactiveTable, reviewLitigationTable } from './tables';
import type { Block, ReportDoc } from './types';

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 20 → 二十 (section numbers never pass 99). */
export function chineseNumber(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n - 1] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE_NUMERALS[tens - 1]}十${ones ? CHINESE_NUMERALS[ones - 1] : ''}`;
}

/** Section numbers as printed: level 2 （一）, level 3 1. */
const LEVEL_NUMBER = { 2: (n: number) => `（${chineseNumber(n)}）`, 3: (n: number) => `${n}.` } as const;
/** A heading the clerk numbered already: （一）… / 一、… at level 2, 1. / 1、/ （1） at level 3. */
const ALREADY_NUMBERED = { 2: /^\s*(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)/, 3: /^\s*(\d+[.．、]|（\d+）)/ } as const;

/** Splits a string into paragraphs at blank lines; single line breaks inside a paragraph are joined. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        // Chinese lines join directly; two Latin words keep a space between them.
        .reduce((joined, line) => (joined && /[A-Za-z0-9]$/.test(joined) && /^[A-Za-z0-9]/.test(line) ? `${joined} ${line}` : joined + line), ''),
    )
    .filter(Boolean);
}

function textBlocks(text: Text, origin: string, level: 2 | 3 = 2): Block[] {
  if (typeof text === 'string') return paragraphs(text).map((p) => ({ kind: 'paragraph', text: p, origin }));
  let section = 0;
  return text.flatMap((item, index): Block[] => {
    const at = `${origin}/${index}`;
    if (typeof item === 'string') return paragraphs(item).map((p) => ({ kind: 'paragraph', text: p, origin: at }));
    section++;
    const heading = item.heading.trim();
    const numbered = ALREADY_NUMBERED[level].test(heading) ? heading : `${LEVEL_NUMBER[level](section)}${heading}`;
    return [{ kind: 'heading', level, text: numbered, origin: `${at}/heading` }, ...textBlocks(item.body, `${at}/body`, 3)];
  });
}

/** The standard preface when the report gives none (TEMPLATE §2: basis, parts, period, download, contact). */
export function defaultPreamble(report: Report, format: Format): string {
  const y = report.year;
  const sentences = [
    `本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（${format.basis}）要求编制。`,
    `全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。`,
    `本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。`,
  ];
  if (report.website) sentences.push(`本报告电子版可在${report.organ}门户网站（${report.website}）下载。`);
  const c = report.contact;
  if (c) {
    const details = [c.address && `地址：${c.address}`, c.phone && `电话：${c.phone}`, c.postcode && `邮编：${c.postcode}`].filter(Boolean).join('，');
    sentences.push(`如对本报告有疑问，请与${c.office ?? report.organ}联系${details ? `（${details}）` : ''}。`);
  }
  return sentences.join('');
}

/** Part 六's 信息处理费 sentence (国办函〔2020〕109号), in the wording published reports use. */
export function processingFeeSentence(report: Report): string | undefined {
  const fees = report.processing_fees;
  if (!fees) return undefined;
  if (fees.notices === 0 && fees.amount_yuan === 0 && fees.collected_yuan === 0) return `${report.year}年，本机关无收取信息处理费情况。`;
  return `${report.year}年，本机关共发出收费通知${fees.notices}件，收费通知总金额${yuan(fees.amount_yuan)}元，实际收取信息处理费${yuan(fees.collected_yuan)}元。`;
}

/**
 * The title's lines: one when it fits (at 2号 in the type area: 20 characters of 22 pt in 156 mm);
 * otherwise …政府信息公开工作年度报告 on its own line and the organ and year above it, broken between
 * words when they are too long (title-lines.ts).
 */
export function titleLines(title: string, page: Format['page'] = DEFAULT_FORMAT.page): string[] {
  return breakByMeaning(title, Math.floor(page.TYPE_AREA.widthPt / page.SIZE_PT.title));
}

/**
 * Builds the document model of a checked, normalised report (its fee as written in
 * proactive.fees_text) in `format`, by default the report's own.
 */
export function buildModel(report: CheckedReport, format: Format = formatOf(report)): ReportDoc {
  const { PART_HEADINGS } = format.labels;
  const title = report.title ?? `${report.organ}${report.year}年政府信息公开工作年度报告`;
  const part = (index: number): Block => ({ kind: 'heading', level: 1, text: PART_HEADINGS[index] ?? '', origin: '' });
  const fee = processingFeeSentence(report);
  const blocks: Block[] = [
    { kind: 'title', text: title, lines: titleLines(title, format.page), breaks: titleBreaks(title), origin: report.title ? '/title' : '/organ' },
    ...(report.preamble !== undefined
      ? textBlocks(report.preamble, '/preamble')
      : [{ kind: 'paragraph' as const, text: defaultPreamble(report, format), origin: '/year' }]),
    part(0),
    ...textBlocks(report.overview, '/overview'),
    part(1),
    proactiveTable(report, format),
    part(2),
    applicationsTable(report, format),
    part(3),
    reviewLitigationTable(report, format),
    part(4),
    ...textBlocks(report.problems, '/problems'),
    part(5),
    ...(fee ? [{ kind: 'paragraph' as const, text: fee, origin: '/processing_fees' }] : []),
    ...(report.other_matters !== undefined ? textBlocks(report.other_matters, '/other_matters') : []),
    signatureBlock(report.organ, report.date),
  ];
  return {
    meta: { title, author: report.organ, year: report.year, date: report.date, lang: 'zh-CN', parts: [...PART_HEADINGS] },
    blocks,
  };
}
