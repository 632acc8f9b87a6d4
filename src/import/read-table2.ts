/** Table 二 (第二十条 items 一, 五, 六, 八) by the format's labels; a table in the 2019 columns goes to its own reader. */
import type { FormatLabels } from '../format/format';
import { norm } from './line-text';
import { readTable2Of2019, table2Signs2019 } from './read-table2-2019';
import { TableReader, type Region, type TableRead, type TableSink } from './table-reader';

export function readTable2(labels: FormatLabels, region: Region, sink: TableSink): TableRead {
  const { CONTENT_LABEL, DOCUMENT_BLOCK_ITEM, DOCUMENT_COUNT_COLUMNS, DOCUMENT_ROWS, SINGLE_VALUE_BLOCKS } = labels;
  // A label of the 2019 columns, alone or in a line of running text, marks the 2019 format.
  for (const line of region.lines) {
    const sign = table2Signs2019.find((label) => norm(line.text).includes(label));
    if (sign) return readTable2Of2019(labels, region, { text: sign, at: line.at }, sink);
  }
  const printed = [
    DOCUMENT_BLOCK_ITEM,
    CONTENT_LABEL,
    ...DOCUMENT_COUNT_COLUMNS.map((c) => c.label),
    ...DOCUMENT_ROWS.map((r) => r.label),
    ...SINGLE_VALUE_BLOCKS.flatMap((b) => [b.item, b.valueLabel, ...b.rows.map((r) => r.label)]),
  ];
  const table = new TableReader(region, printed, sink);
  const data: Record<string, unknown> = {};
  for (const row of DOCUMENT_ROWS) {
    const values = table.row(
      row.label,
      `/proactive/${row.key}`,
      DOCUMENT_COUNT_COLUMNS.map((c) => `/proactive/${row.key}/${c.key}`),
      DOCUMENT_COUNT_COLUMNS.map((c) => c.label),
    );
    data[row.key] = Object.fromEntries(DOCUMENT_COUNT_COLUMNS.map((column, i) => [column.key, values[i]]));
  }
  for (const block of SINGLE_VALUE_BLOCKS)
    for (const row of block.rows) data[row.key] = table.row(row.label, `/proactive/${row.key}`, undefined, [block.valueLabel])[0];
  return { data, written: table.written };
}
