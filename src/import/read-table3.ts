/** Table 三 (applications) by the format's labels, and its 2019 single-row （六）其他处理. */
import type { FormatLabels } from '../format/format';
import { finding } from './findings';
import { listCells, norm, nulls } from './line-text';
import { TableReader, type Region, type TableSink } from './table-reader';

/** Sets `value` at `path` inside `target`, making the objects on the way. */
function setIn(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path.at(-1) as string] = value;
}

export function readTable3(labels: FormatLabels, region: Region, sink: TableSink): Record<string, unknown> {
  const { APPLICANT_COLUMNS, APPLICATION_ROWS, RESULT_GROUPS, RESULTS_LABEL, TABLE3_APPLICANTS, TABLE3_CORNER, TABLE3_ORGANISATIONS } = labels;
  const header = [TABLE3_CORNER, TABLE3_APPLICANTS, TABLE3_ORGANISATIONS, RESULTS_LABEL, ...APPLICANT_COLUMNS.map((c) => c.label)];
  const table = new TableReader(region, [...header, ...RESULT_GROUPS.map((g) => g.label), ...APPLICATION_ROWS.map((r) => r.label)], sink);
  const width = APPLICANT_COLUMNS.length;
  const columns = APPLICANT_COLUMNS.map((c) => c.label);
  const other = RESULT_GROUPS.find((group) => group.key === 'other') as (typeof RESULT_GROUPS)[number];
  // The 2019 format printed （六）其他处理 as one row with numbers; 2021 splits it into three sub-rows.
  const otherAsOneRow = table.hasNumbersAfter(other.label);
  const data: Record<string, unknown> = {};
  for (const row of APPLICATION_ROWS) {
    const pointer = `/${row.path.join('/')}`;
    if (otherAsOneRow && row.group === other.label) continue;
    if (otherAsOneRow && row.path.at(-1) === 'total' && row.kind === 'total') {
      const otherPointer = `/applications/results/${other.key}`;
      const at = region.lines.find((line) => norm(line.text) === norm(other.label))?.at ?? region.at;
      sink.findings.push(finding('RPT4013', at, otherPointer, { table: '表三', tableEn: 'table 三', sign: other.label }));
      const values = table.row(other.label, otherPointer, listCells(otherPointer, width), columns);
      // All zeros: each of the three sub-rows is zero. Otherwise no split of them is certain.
      const zeros = values.every((value) => value === 0);
      if (!zeros) sink.findings.push(finding('RPT4017', at, otherPointer, { row: other.label, rows: other.rows.length }));
      for (const sub of other.rows) setIn(data, ['applications', 'results', other.key, sub.key], zeros ? values : nulls(width));
    }
    setIn(data, row.path, table.row(row.label, pointer, listCells(pointer, width), columns));
  }
  return data.applications as Record<string, unknown>;
}
