/**
 * The checks across the files of one run (validate or import of many reports): reports of the same
 * organ in consecutive years are paired — by the organ and year they state, whatever their file
 * names — and each pair gets the cross-year rules `validate --previous` makes (R8, R9, P1, P2);
 * the reports of each year are compared with each other (P4). What is found belongs to the later
 * report of a pair (or to the report compared), placed at its lines; the pairs are listed for the
 * run's summary. A report checked in this thread (validate) is used as read; one imported in a
 * worker is read again from its YAML (milliseconds, beside the import).
 */
import { checkAgainst, rereadReport, type Reread } from '../check';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { Skip } from '../diagnostics/skip';
import { countSeverities, sortDiagnostics } from '../diagnostics/sort';
import type { Host } from '../host';
import { ratioOutliers } from '../validate/rules/ratio-outliers';
import { usable } from '../validate/rules/context';
import { runBatch } from './batch';
import { withSource } from './source-host';

/** A report of the run: the file its diagnostics name, and the report as read (checked in this thread) or its YAML as checked (in a worker); neither: it was not read. */
export interface ReviewInput {
  file: string;
  reread?: Reread;
  text?: string;
  /** The name the run's results give the input, when it is not `file` (import: the published file, not its YAML). */
  name?: string;
}

/** One report of a pair. */
export interface PairEnd {
  file: string;
  year: number;
}

/** Two reports of one organ in consecutive years, and what the cross-year checks found (in `current`). */
export interface Pair {
  organ: string;
  previous: PairEnd;
  current: PairEnd;
  errors: number;
  warnings: number;
  codes: string[];
}

export interface Review {
  pairs: Pair[];
  /** What each input gains, by its index: placed diagnostics and skipped checks. */
  found: { diagnostics: Diagnostic[]; skipped: Skip[] }[];
}

interface Known {
  index: number;
  /** As the run's results name it. */
  name: string;
  reread: Reread;
  organ: string;
  year: number;
}

/** An organ's name as it identifies the organ: without the spaces a published text may put in it. */
const organKey = (organ: string) => organ.replace(/\s+/g, '');

/** Adds `value` to the list at `key`. */
function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): Map<K, V[]> {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
  return map;
}

/** The reports whose organ and year are usable, grouped by organ, then year. */
function byOrganAndYear(known: readonly Known[]): Map<string, Map<number, Known[]>> {
  const groups = new Map<string, Map<number, Known[]>>();
  for (const k of known) {
    const years = groups.get(organKey(k.organ)) ?? new Map<number, Known[]>();
    groups.set(organKey(k.organ), addTo(years, k.year, k));
  }
  return groups;
}

/** Reviews the inputs across files; nothing to do for fewer than two. */
export async function reviewAcrossFiles(host: Host, inputs: readonly ReviewInput[]): Promise<Review> {
  const found: Review['found'] = inputs.map(() => ({ diagnostics: [], skipped: [] }));
  if (inputs.length < 2) return { pairs: [], found };
  const known: Known[] = inputs.flatMap((input, index) => {
    const reread =
      input.reread ?? (input.text === undefined ? undefined : rereadReport(withSource(host, input.file, Buffer.from(input.text, 'utf8')), input.file));
    if (!reread) return [];
    const { report } = reread.salvaged;
    const organ = usable(reread.salvaged, '/organ', report.organ).value;
    const year = usable(reread.salvaged, '/year', report.year).value;
    return typeof organ === 'string' && organ.trim() !== '' && Number.isInteger(year)
      ? [{ index, name: input.name ?? input.file, reread, organ, year: year as number }]
      : [];
  });
  const place = (k: Known, diagnostics: Diagnostic[]) => {
    const sink = k.reread.sink.emptied();
    sink.add(diagnostics);
    found[k.index]?.diagnostics.push(...sink.placed());
  };

  const pairs: [Known, Known][] = [];
  for (const years of byOrganAndYear(known).values()) {
    for (const [year, reports] of [...years].sort(([a], [b]) => a - b)) {
      if (reports.length > 1) {
        // Said only where it keeps a report from its pair: two drafts of one report alone are no one's concern here.
        if (!years.has(year - 1) && !years.has(year + 1)) continue;
        for (const k of reports) {
          const others = reports
            .filter((o) => o !== k)
            .map((o) => o.name)
            .join('、');
          place(k, [makeDiagnostic('RPT3022', '/year', { organ: k.organ, year, others })]);
        }
        continue;
      }
      const earlier = years.get(year - 1);
      if (earlier?.length === 1) pairs.push([earlier[0] as Known, reports[0] as Known]);
    }
  }
  // One pair at a time in this thread (each is milliseconds); a bug in one is that file's RPT5011, the rest go on.
  const checked = await runBatch(
    pairs.map(([earlier, later]) => ({ file: later.reread.file, earlier, later })),
    {
      where: { here: ({ earlier, later }) => checkAgainst(later.reread, { ...earlier.reread, file: earlier.name }) },
      failed: (_, diagnostic) => ({ diagnostics: [diagnostic], skipped: [] }),
    },
  );
  const listed = pairs.map(([earlier, later], i): Pair => {
    const result = checked[i] as { diagnostics: Diagnostic[]; skipped: Skip[] };
    found[later.index]?.diagnostics.push(...result.diagnostics);
    found[later.index]?.skipped.push(...result.skipped);
    return {
      organ: later.organ,
      previous: { file: earlier.name, year: earlier.year },
      current: { file: later.name, year: later.year },
      ...countSeverities(result.diagnostics),
      codes: [...new Set(result.diagnostics.map((d) => d.code))],
    };
  });

  const years = new Map<number, Known[]>();
  for (const k of known) addTo(years, k.year, k);
  for (const batch of years.values()) {
    const outliers = ratioOutliers(batch.map((k) => ({ salvaged: k.reread.salvaged, format: k.reread.format })));
    batch.forEach((k, i) => place(k, outliers[i] ?? []));
  }
  return { pairs: listed, found };
}

/** Each result with what the review found in it added (diagnostics in printing order). */
export function withFound<T extends { diagnostics: Diagnostic[]; skipped?: Skip[] }>(results: readonly T[], review: Review): T[] {
  return results.map((result, i) => {
    const more = review.found[i];
    if (!more || (more.diagnostics.length === 0 && more.skipped.length === 0)) return result;
    return { ...result, diagnostics: sortDiagnostics([...result.diagnostics, ...more.diagnostics]), skipped: [...(result.skipped ?? []), ...more.skipped] };
  });
}
