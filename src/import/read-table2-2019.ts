/**
 * The 2019 mapping: table 二 printed in the 2019 试行 format (its labels: format/national-2019) read
 * onto the 2021 rows — what has a 2021 counterpart is read, the rest is null with a finding.
 */
import type { FormatLabels } from '../format/format';
import { national2019 } from '../format/registry';
import { finding } from './findings';
import type { SourceLine } from './reader';
import { TableReader, type Region, type TableRead, type TableSink } from './table-reader';

/** Any of these in table 二 marks the 2019 format. */
export const table2Signs2019 = national2019.TABLE2_SIGNS_2019;

/**
 * Table 二 in the 2019 columns: 本年新制作数量 is the 2021 本年制发件数 and 处理决定数量 the 本年处理决定数量;
 * 本年废止件数, 现行有效件数 and the 收费金额 have no 2019 counterpart and are null, each with a finding.
 */
export function readTable2Of2019(labels: FormatLabels, region: Region, sign: SourceLine, sink: TableSink): TableRead {
  const { CONTENT_LABEL, DOCUMENT_BLOCK_ITEM, DOCUMENT_COUNT_COLUMNS, DOCUMENT_ROWS, SINGLE_VALUE_BLOCKS } = labels;
  const {
    DECISION_COLUMNS_2019,
    DOCUMENT_COLUMNS_2019,
    FEE_COLUMNS_2019,
    ISSUED_COLUMN_2019,
    NORMATIVE_ROW_2019,
    OTHER_SERVICES_ROW_2019,
    PROCUREMENT_COLUMNS_2019,
    PROCUREMENT_ITEM_2019,
    PROCUREMENT_ROW_2019,
    TABLE2_SIGNS_2019,
  } = national2019;
  sink.findings.push(finding('RPT4013', sign.at, '/proactive', { table: '表二', tableEn: 'table 二', sign: sign.text.trim() }));
  const [rules, normative] = DOCUMENT_ROWS;
  const documentRows = [
    { key: rules.key, label: rules.label },
    { key: normative.key, label: NORMATIVE_ROW_2019 },
  ];
  const printed = [
    ...TABLE2_SIGNS_2019,
    ...DOCUMENT_COLUMNS_2019,
    ...DECISION_COLUMNS_2019,
    ...FEE_COLUMNS_2019,
    ...PROCUREMENT_COLUMNS_2019,
    OTHER_SERVICES_ROW_2019,
    PROCUREMENT_ITEM_2019,
    PROCUREMENT_ROW_2019,
    DOCUMENT_BLOCK_ITEM,
    CONTENT_LABEL,
    ...documentRows.map((r) => r.label),
    ...SINGLE_VALUE_BLOCKS.flatMap((b) => [b.item, ...b.rows.map((r) => r.label)]),
  ];
  const table = new TableReader(region, printed, sink);
  const data: Record<string, unknown> = {};
  const unmapped = (pointer: string, label: string) => sink.findings.push(finding('RPT4014', sign.at, pointer, { label }));
  for (const row of documentRows) {
    const pointer = `/proactive/${row.key}`;
    const values = table.row(
      row.label,
      pointer,
      DOCUMENT_COLUMNS_2019.map((_, i) => (i === ISSUED_COLUMN_2019 ? `${pointer}/issued` : pointer)),
      DOCUMENT_COLUMNS_2019,
    );
    data[row.key] = { issued: values[ISSUED_COLUMN_2019] ?? null, repealed: null, in_force: null };
    for (const column of DOCUMENT_COUNT_COLUMNS.slice(1)) unmapped(`${pointer}/${column.key}`, column.label);
  }
  for (const block of SINGLE_VALUE_BLOCKS) {
    for (const row of block.rows) {
      const pointer = `/proactive/${row.key}`;
      if (row.key === 'fees') {
        data[row.key] = null;
        unmapped(pointer, block.valueLabel);
        continue;
      }
      const values = table.row(
        row.label,
        pointer,
        DECISION_COLUMNS_2019.map(() => pointer),
        DECISION_COLUMNS_2019,
      );
      data[row.key] = values[DECISION_COLUMNS_2019.length - 1] ?? null;
    }
  }
  return { data, written: {} };
}
