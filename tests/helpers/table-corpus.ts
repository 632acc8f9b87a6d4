/**
 * A deterministic corpus of consistent reports for layout tests: every count column of tables 二,
 * 三 and 四 holds a number of the chosen digit count (1–8), and the overview runs to a chosen
 * number of paragraphs, so table 三 starts at a different height of its page in each report.
 */
import { stringify } from 'yaml';
import { checkReport } from '../../src/check';
import { CASE_ROWS, RESULT_PART_ROWS } from '../../src/format/national-2021';
import { nodeHost } from '../../src/host';
import { buildModel } from '../../src/model/build';
import type { ReportDoc } from '../../src/model/types';

export interface CorpusCase {
  /** Digits of the widest counts (1–8); 1 is a small office's report. */
  digits: number;
  /** Paragraphs of the overview: moves part 三 down the page. */
  paragraphs: number;
  /** Applicant columns of table 三 that hold a number of the full digit count (default all 6; their total column too). */
  columns?: number;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const withTotal = (values: number[]) => [...values, sum(values)];

/** A paragraph of about 3 lines (80 characters); the k-th differs so no two are alike. */
const paragraph = (k: number) => `第${k + 1}段：本机关坚持以公开为常态、不公开为例外，`.padEnd(80, '依法依规做好政府信息公开工作，');

export function corpusYaml({ digits, paragraphs, columns = 6 }: CorpusCase): string {
  const base = 10 ** (digits - 1);
  // One number of the full digit count in each applicant column (a different row each); the rest
  // small. Column and row totals then have the same digit count, never above MAX_COUNT.
  const big = (c: number, salt: number) => base + ((salt * 7919 + c * 104_729) % base);
  const results = RESULT_PART_ROWS.map((_, i) =>
    [0, 1, 2, 3, 4, 5].map((c) => (i === (c * 4 + 1) % RESULT_PART_ROWS.length && c < columns ? big(c, i) : digits > 1 ? (i * 3 + c) % 10 : 0)),
  );
  const forward = [0, 1, 2, 3, 4, 5].map((c) => (c + 1) % 3);
  const totals = [0, 1, 2, 3, 4, 5].map((c) => sum(results.map((row) => row[c] ?? 0)));
  const carried = [0, 1, 2, 3, 4, 5].map((c) => Math.floor(((totals[c] ?? 0) + (forward[c] ?? 0)) / 5));
  const fresh = [0, 1, 2, 3, 4, 5].map((c) => (totals[c] ?? 0) + (forward[c] ?? 0) - (carried[c] ?? 0));
  const applications: Record<string, unknown> = {};
  const put = (path: readonly string[], values: number[]) => {
    let node = applications;
    for (const key of path.slice(1, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1] as string] = withTotal(values);
  };
  put(['applications', 'new'], fresh);
  put(['applications', 'carried_over'], carried);
  RESULT_PART_ROWS.forEach((row, i) => put(row.path, results[i] ?? []));
  put(['applications', 'results', 'total'], totals);
  put(['applications', 'carry_forward'], forward);
  const cases = Object.fromEntries(CASE_ROWS.map((row, r) => [row.key, withTotal([0, 1, 2, 3].map((c) => big(c, r)))]));
  const count = (salt: number) => big(salt, 3);
  return stringify(
    {
      format: '2021',
      organ: '某某市某某区人民政府办公室',
      year: 2023,
      date: '2024-01-20',
      overview: Array.from({ length: paragraphs + 1 }, (_, k) => paragraph(k)),
      proactive: {
        rules: { issued: count(0), repealed: count(1), in_force: count(2) },
        normative_documents: { issued: count(3), repealed: count(4), in_force: count(5) },
        licensing: count(6),
        punishment: count(7),
        enforcement: count(8),
        fees: count(9) + 0.25,
      },
      applications,
      review_litigation: cases,
      problems: '一是工作机制还不够健全。二是公开内容还不够全面。',
      processing_fees: { notices: 1, amount_yuan: 100, collected_yuan: 100 },
    },
    { flowCollectionPadding: false },
  );
}

/** The model of a corpus report (it must have no errors). */
export function corpusModel(c: CorpusCase): ReportDoc {
  const text = corpusYaml(c);
  const checked = checkReport({ ...nodeHost({}), readBytes: () => Buffer.from(text, 'utf8') }, `corpus-${c.digits}-${c.paragraphs}-${c.columns ?? 6}.yaml`);
  if (!checked.report) throw new Error(`corpus ${JSON.stringify(c)}: ${checked.diagnostics.map((d) => `${d.code} ${d.message.en}`).join('; ')}`);
  return buildModel(checked.report);
}
