/**
 * A deterministic corpus of reports that are hard to typeset: long organ names, URLs, e-mail
 * addresses and long numbers at every position of a line, 1–8-digit counts in every table column,
 * few and many paragraphs. Every report is consistent, so it passes the checker and builds.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { APPLICANT_COLUMNS, CASE_COLUMNS, CASE_ROWS, MAX_COUNT, RESULT_PART_ROWS } from '../../src/format/national-2021';
import { FIXTURES } from './fixtures';

/** A small seeded generator (mulberry32), so the corpus is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CORPUS_ORGANS = [
  '某某市生态环境局',
  '宜春经济技术开发区管理委员会',
  '中国（江西）自由贸易试验区宜春经济技术开发区片区管理委员会党政综合办公室',
  '新疆维吾尔自治区巴音郭楞蒙古自治州若羌县市场监督管理局',
];

const LATIN = [
  'http://www.example.gov.cn/col/col1234/index.html',
  'zwgk@example.gov.cn',
  '0795-3668066',
  '12345678',
  'https://www.gov.cn/zhengce/content/2021-12/13/content_5660515.htm?from=timeline&isappinstalled=0',
  'GB/T 9704-2012',
];
const HAN = '政府信息公开工作稳步推进依法依规做好主动公开和依申请公开各项工作持续提升公开质量和实效';

/** A paragraph with a Latin run after `lead` Chinese characters (every column of a line over the corpus). */
function paragraph(next: () => number, lead: number): string {
  const han = (n: number) => Array.from({ length: n }, (_, i) => HAN[(i + Math.floor(next() * HAN.length)) % HAN.length]).join('');
  const latin = LATIN[Math.floor(next() * LATIN.length)] as string;
  return `${han(lead)}${latin}${han(10 + Math.floor(next() * 60))}。`;
}

/** Counts of `digits` digits at most, summing to no more than 8 digits. */
const count = (next: () => number, digits: number) => Math.floor(next() * 10 ** digits);

function tables(next: () => number, digits: number): { applications: Record<string, unknown>; review_litigation: Record<string, number[]> } {
  const columns = APPLICANT_COLUMNS.length - 1;
  const withTotal = (row: number[]) => [...row, row.reduce((a, b) => a + b, 0)];
  const results = RESULT_PART_ROWS.map(() => Array.from({ length: columns }, () => (next() < 0.5 ? 0 : count(next, digits))));
  const forward = Array.from({ length: columns }, () => count(next, digits));
  const handled = Array.from({ length: columns }, (_, c) => results.reduce((s, row) => s + (row[c] ?? 0), 0));
  const carried = handled.map((h, c) => Math.floor((h + (forward[c] ?? 0)) * next() * 0.3));
  const fresh = handled.map((h, c) => h + (forward[c] ?? 0) - (carried[c] ?? 0));
  const applications: Record<string, unknown> = { new: withTotal(fresh), carried_over: withTotal(carried), results: {}, carry_forward: withTotal(forward) };
  RESULT_PART_ROWS.forEach((row, i) => {
    let node = applications.results as Record<string, unknown>;
    for (const key of row.path.slice(2, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[row.path[row.path.length - 1] as string] = withTotal(results[i] ?? []);
  });
  const review_litigation = Object.fromEntries(
    CASE_ROWS.map((row) => [row.key, withTotal(Array.from({ length: CASE_COLUMNS.length - 1 }, () => count(next, digits)))]),
  );
  // Totals may reach 8 digits, never more than a count may be: with fewer digits a cell until they fit.
  const largest = Math.max(...(applications.new as number[]), ...Object.values(review_litigation).flat());
  return largest > MAX_COUNT ? tables(next, digits - 1) : { applications, review_litigation };
}

/** The corpus reports as YAML files in `dir`; returns their paths. */
export function writeCorpus(dir: string, size: number): string[] {
  const seed = parse(fs.readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'), 'utf8')) as Record<string, unknown>;
  return Array.from({ length: size }, (_, i) => {
    const next = random(i + 1);
    const organ = CORPUS_ORGANS[i % CORPUS_ORGANS.length] as string;
    const { title: _title, ...rest } = seed;
    const report = {
      ...rest,
      organ,
      overview: Array.from({ length: 2 + (i % 5) * 3 }, (_, p) => paragraph(next, (p * 7 + i * 3) % 28)),
      proactive: { ...(seed.proactive as object), licensing: count(next, 1 + (i % 8)), punishment: count(next, 1 + ((i + 3) % 8)) },
      ...tables(next, 1 + (i % 8)),
      problems: Array.from({ length: 1 + (i % 3) }, (_, p) => paragraph(next, (p * 11 + i) % 28)),
    };
    const file = path.join(dir, `corpus-${i}.yaml`);
    fs.writeFileSync(file, stringify(report, { lineWidth: 0 }));
    return file;
  });
}
