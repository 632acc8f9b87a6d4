/**
 * Property tests: a randomly generated consistent report has no diagnostics; changing any one cell
 * of table 三 or 四 produces the row-sum error whose pointer or hints name exactly that cell, and
 * every error it causes involves that cell; and K corruptions in K different rows (blank cells,
 * wrong totals, wrong types, blank rows) are each reported exactly once, in one run.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { checkReport } from '../../src/check';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';
import { APPLICATION_ROWS, CASE_ROWS, RESULT_PART_ROWS } from '../../src/format/national-2021';
import { nodeHost, type Host } from '../../src/host';
import { isBlankCell } from '../../src/validate/collapse';

const small = fc.integer({ min: 0, max: 40 });
const six = fc.array(small, { minLength: 6, maxLength: 6 });
const withTotal = (values: number[]) => [...values, values.reduce((a, b) => a + b, 0)];

/** A consistent report: results random, carry_forward random, new/carried split to balance. */
const consistentReport = fc
  .record({
    results: fc.array(six, { minLength: RESULT_PART_ROWS.length, maxLength: RESULT_PART_ROWS.length }),
    forward: six,
    carriedShare: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
    cases: fc.array(fc.array(small, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
  })
  .map(({ results, forward, carriedShare, cases }) => {
    const columnTotals = [0, 1, 2, 3, 4, 5].map((c) => results.reduce((s, row) => s + (row[c] ?? 0), 0) + (forward[c] ?? 0));
    const carried = columnTotals.map((t, c) => Math.floor(t * (carriedShare[c] ?? 0)));
    const fresh = columnTotals.map((t, c) => t - (carried[c] ?? 0));
    const rows = new Map<string, number[]>();
    rows.set('applications/new', withTotal(fresh));
    rows.set('applications/carried_over', withTotal(carried));
    RESULT_PART_ROWS.forEach((row, i) => rows.set(row.path.join('/'), withTotal(results[i] ?? [])));
    rows.set('applications/results/total', withTotal([0, 1, 2, 3, 4, 5].map((c) => results.reduce((s, row) => s + (row[c] ?? 0), 0))));
    rows.set('applications/carry_forward', withTotal(forward));
    CASE_ROWS.forEach((row, i) => rows.set(`review_litigation/${row.key}`, withTotal(cases[i] ?? [])));
    return rows;
  });

function reportYaml(rows: Map<string, unknown[]>): string {
  const data: Record<string, unknown> = {
    format: '2021',
    organ: '某某县人民政府',
    year: 2023,
    date: '2024-01-20',
    overview: '总体情况。',
    proactive: {
      rules: { issued: 0, repealed: 0, in_force: 0 },
      normative_documents: { issued: 1, repealed: 0, in_force: 1 },
      licensing: 1,
      punishment: 0,
      enforcement: 0,
      fees: 0,
    },
    applications: {},
    review_litigation: {},
    problems: '问题。',
    processing_fees: { notices: 1, amount_yuan: 100, collected_yuan: 100 },
  };
  for (const [path, values] of rows) {
    const keys = path.split('/');
    let node = data as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1] as string] = values;
  }
  return stringify(data, { flowCollectionPadding: false });
}

/** A host that serves one in-memory file. */
function memoryHost(text: string): Host {
  return { ...nodeHost({}), readBytes: () => Buffer.from(text, 'utf8') };
}

const check = (rows: Map<string, unknown[]>) => checkReport(memoryHost(reportYaml(rows)), 'random.yaml').diagnostics;
const cells = (d: Diagnostic) => [d.pointer, ...d.hints.map((h) => h.pointer)].filter(Boolean);

test('consistent reports have no diagnostics', () => {
  fc.assert(
    fc.property(consistentReport, (rows) => {
      expect(check(rows)).toEqual([]);
    }),
    { numRuns: 150 },
  );
});

const allRowPaths = [...APPLICATION_ROWS.map((r) => r.path.join('/')), ...CASE_ROWS.map((r) => `review_litigation/${r.key}`)];

test('changing any one cell produces the row-sum error at that cell, and every error involves it', () => {
  fc.assert(
    fc.property(consistentReport, fc.nat(allRowPaths.length - 1), fc.nat(6), fc.integer({ min: 1, max: 9 }), (rows, rowIndex, col, delta) => {
      const path = allRowPaths[rowIndex] as string;
      const values = [...(rows.get(path) ?? [])];
      const column = col % values.length;
      values[column] = (values[column] ?? 0) + delta;
      const changed = new Map(rows).set(path, values);
      const pointer = `/${path}/${column}`;
      const errors = check(changed).filter((d) => d.severity === 'error');
      const rowSum = errors.find((d) => d.code === (path.startsWith('review') ? 'RPT3005' : 'RPT3003'));
      expect(rowSum).toBeDefined();
      expect(cells(rowSum as Diagnostic)).toContain(pointer);
      expect(rowSum?.pointer).toBe(`/${path}/${values.length - 1}`);
      for (const error of errors) {
        // Each cross-sum error names the cells it was computed from; the changed one is among them,
        // except that R1/R1c name the row totals (（七）总计) through which a sub-row change flows.
        const involved = cells(error);
        const viaResultsTotal = involved.some((p) => p?.startsWith('/applications/results/total/'));
        expect(involved.includes(pointer) || viaResultsTotal).toBe(true);
      }
    }),
    { numRuns: 200 },
  );
});

/** What a clerk gets wrong in one row: the corrupted row, given its consistent values. */
const corruption = fc.oneof(
  fc.record({ kind: fc.constant('blank cell'), column: fc.nat(6), blank: fc.constantFrom(null, '', '/', '—', '无') }),
  fc.record({ kind: fc.constant('wrong total'), delta: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ kind: fc.constant('wrong type'), column: fc.nat(6), value: fc.constantFrom<unknown>('abc', '十二', 1.5, -1, true, [1], { a: 1 }) }),
  fc.record({ kind: fc.constant('blank row'), blank: fc.constantFrom(null, '/', '—') }),
);

function corrupt(values: readonly number[], c: { kind: string; column?: number; blank?: unknown; delta?: number; value?: unknown }): unknown[] {
  const row: unknown[] = [...values];
  const column = (c.column ?? 0) % row.length;
  if (c.kind === 'blank cell') row[column] = c.blank;
  if (c.kind === 'wrong type') row[column] = c.value;
  if (c.kind === 'wrong total') row[row.length - 1] = (values[values.length - 1] ?? 0) + (c.delta ?? 1);
  if (c.kind === 'blank row') return row.map(() => c.blank);
  return row;
}

test('K corruptions in K different rows are each reported exactly once, all in one run', () => {
  fc.assert(
    fc.property(
      consistentReport,
      fc.uniqueArray(fc.nat(allRowPaths.length - 1), { minLength: 1, maxLength: 6 }),
      fc.array(corruption, { minLength: 6, maxLength: 6 }),
      (rows, rowIndexes, corruptions) => {
        const changed = new Map<string, unknown[]>(rows);
        const corrupted = rowIndexes.map((index, i) => {
          const path = allRowPaths[index] as string;
          changed.set(path, corrupt(rows.get(path) ?? [], corruptions[i] ?? { kind: 'wrong total' }));
          return `/${path}`;
        });
        // A column blank in every row of table 四 (three rows, all corrupted) is one RPT4025 for the table, standing for
        // those cells (validate/collapse.ts; tests/import-blanks.test.ts, fixtures/catalog/RPT4025.yaml): not this property's case.
        const caseRows = CASE_ROWS.map((row) => changed.get(`review_litigation/${row.key}`) ?? []);
        fc.pre(!(caseRows[0] ?? []).some((_, column) => caseRows.every((row) => isBlankCell(row[column]))));
        const diagnostics = check(changed);
        const rowOf = (d: Diagnostic) => corrupted.find((row) => d.pointer === row || d.pointer?.startsWith(row + '/'));
        // Nothing is reported outside the corrupted rows, and each corrupted row exactly once.
        expect(diagnostics.filter((d) => !rowOf(d)).map((d) => `${d.code} ${d.pointer}`)).toEqual([]);
        expect(diagnostics.map(rowOf).sort()).toEqual([...corrupted].sort());
      },
    ),
    { numRuns: 300 },
  );
});
