/**
 * A deterministic corpus of reports for the line-setting checks (tests/lines.test.ts): body text in
 * which URLs, e-mail addresses, 5–8 digit numbers, phone numbers and Latin words start at every
 * column of a line, and paragraphs whose last lines hold 1 to 28 characters and end at every line
 * of a page. Built as models (renderer input), not YAML, as the other renderer tests are.
 */
import type { Block, ReportDoc } from '../../src/model/types';

/** Ordinary report prose, punctuation included, cut into prefixes and fillers. */
const PROSE =
  '我区始终坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大精神，严格落实上级关于深化政务公开工作的各项决策部署，' +
  '不断提升公开标准、拓宽公开渠道、创新公开形式、压实公开责任，扎实推进政务公开各项工作。全年共公开发布各类信息，制定出台行政规范性文件，' +
  '发布政策解读；开展规范性文件、重要政策举措意见征集；处理网民留言，按时办结率达到要求；办理政府热线工单；发布营商环境“红黄榜”。';

/** The runs the breaker must place: kind and text. */
export const RUNS: { kind: 'url' | 'email' | 'number' | 'phone' | 'latin'; text: string }[] = [
  { kind: 'url', text: 'http://jkq.yichun.gov.cn/' },
  { kind: 'email', text: 'xxgk_jkq@yichun.gov.cn' },
  { kind: 'number', text: '49255' },
  { kind: 'phone', text: '0795-3668066' },
  { kind: 'latin', text: 'Government' },
  { kind: 'url', text: 'http://www.jiangxi.gov.cn/col/col393/index.html?uid=5&pageNum=2' },
  { kind: 'number', text: '12345678' },
  { kind: 'email', text: 'zhengwu.gongkai@jiangxi.gov.cn' },
  { kind: 'number', text: '336000' },
  { kind: 'latin', text: 'PDF/A' },
  { kind: 'phone', text: '0791-86246114' },
  { kind: 'number', text: '3688125' },
];

/** `n` characters of prose starting at `from` (wrapping round). */
function prose(from: number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += PROSE[(from + i) % PROSE.length];
  return out;
}

/** Prose of `n` characters that neither starts with a mark 避头 keeps off a line start nor ends on an opening one. */
function filler(from: number, n: number): string {
  return prose(from, n)
    .replace(/^[，。、；：”]/, '经')
    .replace(/[“]$/, '报');
}

/**
 * One paragraph: a run after `column` characters of prose, another run later, and a tail that
 * makes the paragraph `lines` lines long with about `last` characters on its last line.
 */
function paragraph(index: number, column: number, lines: number, last: number): string {
  const first = RUNS[index % RUNS.length]!;
  const second = RUNS[(index * 7 + 3) % RUNS.length]!;
  const head = `${filler(index * 13, column)}${first.text}，${filler(index * 29, 9)}（${second.text}）`;
  // Runs count as about half a character a code point; aim the tail at the wanted last line.
  const used = column + 11 + Math.ceil((first.text.length + second.text.length) / 2);
  const target = 26 + 28 * (lines - 1) + last;
  return `${head}${filler(index * 31 + 5, Math.max(2, target - used - 1))}。`;
}

/** The corpus: `reports` reports of `paragraphs` paragraphs each, with a level-2 heading every eighth block. */
export function lineCorpus(base: ReportDoc, reports = 6, paragraphs = 30): { name: string; model: ReportDoc; texts: string[] }[] {
  const title = base.blocks.find((b) => b.kind === 'title');
  return Array.from({ length: reports }, (_, r) => {
    const blocks: Block[] = title ? [title] : [];
    const texts: string[] = [];
    for (let p = 0; p < paragraphs; p++) {
      const index = r * paragraphs + p;
      if (p % 8 === 7)
        blocks.push({ kind: 'heading', level: 2, text: `（${'一二三四五六七八九十'[p % 10]}）政府信息管理情况`, origin: `/corpus/${index}/heading` });
      // Runs start at every column of the first two lines (56 columns over the corpus); paragraphs
      // run 1 to 6 lines and end at every column, so their ends fall on every line of a page.
      const text = paragraph(index, (index * 5) % 56, 1 + (index % 6), 1 + ((index * 11) % 28));
      blocks.push({ kind: 'paragraph', text, origin: `/corpus/${index}` });
      texts.push(text);
    }
    return { name: `corpus-${r + 1}`, model: { meta: base.meta, blocks }, texts };
  });
}
