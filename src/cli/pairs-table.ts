/** The closing table of a run over many reports: each pair of one organ's reports in consecutive years, and what checking them together found. */
import type { Pair } from '../core/review';
import { textTable } from './text-table';

export function pairsTable(pairs: readonly Pair[], lang: 'zh' | 'en'): string {
  const title =
    lang === 'zh'
      ? `跨年度核对（同一机关相邻年度的报告，${pairs.length} 对）\n`
      : `checked across years (one organ's reports of consecutive years, ${pairs.length} pairs)\n`;
  const head = lang === 'zh' ? ['机关', '上年', '本年', '错误', '警告', '代码'] : ['organ', 'previous', 'current', 'errors', 'warnings', 'codes'];
  const end = (e: Pair['current']) => (lang === 'zh' ? `${e.file}（${e.year}）` : `${e.file} (${e.year})`);
  const rows = pairs.map((p) => [p.organ, end(p.previous), end(p.current), String(p.errors), String(p.warnings), p.codes.join(' ') || '-']);
  return title + textTable(head, rows);
}
