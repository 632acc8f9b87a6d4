/**
 * P4 (warning, in a review of many reports): a report whose shares of table 三's results — 予以公开,
 * 不予公开, 无法提供 as a share of 本年新收申请 — lie far outside those of the other reports of the
 * same year checked with it. Robust: the median and the median absolute deviation (MAD) of the
 * batch, a report flagged when its modified z-score passes 3.5 (Iglewicz and Hoaglin), i.e. when it
 * lies more than 3.5 × 1.4826 × MAD from the median. The scale is at least MIN_SCALE, so in a batch
 * of near-identical shares (MAD ≈ 0) a few points' difference is not flagged. Only with at least
 * MIN_REPORTS reports of the year, each with at least MIN_APPLICATIONS new applications (a share
 * of 3 applications says little).
 * @example not-ok  six reports disclosing about 60 %, one disclosing 5 %  → RPT3021 at its /applications/results/disclosed/6
 */
import { makeDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import type { Format } from '../../format/format';
import { sum } from '../../report/rows';
import { effectiveCell } from './cells';
import { all, type Got, type SalvagedReport } from './context';

export const MIN_REPORTS = 6;
export const MIN_APPLICATIONS = 10;
/** The least scale (1.4826 × MAD) a share is measured by: 0.05, so a flagged share lies at least 17.5 points from the median. */
export const MIN_SCALE = 0.05;
const Z = 3.5;
const MAD_TO_SIGMA = 1.4826;

export interface BatchReport {
  salvaged: SalvagedReport;
  format: Format;
}

interface Share {
  ratio: string;
  ratioEn: string;
  /** The rows whose totals make the part. */
  paths: (format: Format) => readonly (readonly string[])[];
  /** Where the warning points: the row's total, or the group of rows. */
  pointer: string;
}

const RESULTS = ['applications', 'results'];
const SHARES: readonly Share[] = [
  {
    ratio: '予以公开占本年新收申请的比例',
    ratioEn: 'the share of new applications disclosed',
    paths: () => [[...RESULTS, 'disclosed']],
    pointer: '/applications/results/disclosed/6',
  },
  ...(['withheld', 'unavailable'] as const).map((group): Share => ({
    ratio: group === 'withheld' ? '不予公开占本年新收申请的比例' : '无法提供占本年新收申请的比例',
    ratioEn: group === 'withheld' ? 'the share of new applications withheld' : 'the share of new applications for information not available',
    paths: (format) => format.labels.RESULT_GROUPS.find((g) => g.key === group)?.rows.map((row) => [...RESULTS, group, row.key]) ?? [],
    pointer: `/applications/results/${group}`,
  })),
];

/** The total column of a row, to reason with. */
const totalOf = (report: BatchReport, path: readonly string[]): Got<number> => {
  const { APPLICANT_COLUMNS, APPLICANT_TOTAL_INDEX } = report.format.labels;
  return effectiveCell(report.salvaged, path, APPLICANT_TOTAL_INDEX, APPLICANT_COLUMNS.length);
};

function median(sorted: readonly number[]): number {
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The P4 warnings of each report of one year's batch (unplaced), in the batch's order. */
export function ratioOutliers(reports: readonly BatchReport[]): Diagnostic[][] {
  const out: Diagnostic[][] = reports.map(() => []);
  for (const share of SHARES) {
    const measured = reports.flatMap((report, index) => {
      const paths = share.paths(report.format);
      const got = all([totalOf(report, ['applications', 'new']), ...paths.map((path) => totalOf(report, path))]);
      if (!got.value || paths.length === 0) return [];
      const [whole, ...parts] = got.value as number[];
      if ((whole as number) < MIN_APPLICATIONS) return [];
      const part = sum(parts);
      return [{ index, part, whole: whole as number, value: part / (whole as number) }];
    });
    if (measured.length < MIN_REPORTS) continue;
    const values = measured.map((m) => m.value).sort((a, b) => a - b);
    const middle = median(values);
    const scale = Math.max(MAD_TO_SIGMA * median(values.map((v) => Math.abs(v - middle)).sort((a, b) => a - b)), MIN_SCALE);
    const year = reports[0]?.salvaged.report.year ?? 0;
    for (const m of measured) {
      if (Math.abs(m.value - middle) <= Z * scale) continue;
      const params = {
        ratio: share.ratio,
        ratioEn: share.ratioEn,
        value: percent(m.value),
        part: m.part,
        whole: m.whole,
        count: measured.length,
        year,
        median: percent(middle),
      };
      out[m.index]?.push(makeDiagnostic('RPT3021', share.pointer, params));
    }
  }
  return out;
}
