/**
 * The 2019 试行 format (国办公开办函〔2019〕60号), superseded by the 2021 format: the labels by which
 * `report import` tells a table printed in it. FOR DETECTION ONLY — nianbao never prints these
 * (../shared/TEMPLATE.md §3 "2019 试行 format, for detection only", §4 its single-row （六）其他处理).
 * Pure data; imports nothing.
 */

/** Table 二, 第二十条第（一）项: the 2019 columns (the 2021 ones are 本年制发件数 | 本年废止件数 | 现行有效件数). */
export const DOCUMENT_COLUMNS_2019 = ['本年新制作数量', '本年新公开数量', '对外公开总数量'] as const;
/** Of those, the one that counts what the 2021 本年制发件数 counts (documents made this year); the other two have no 2021 counterpart. */
export const ISSUED_COLUMN_2019 = 0;
/** The 2019 name of the 行政规范性文件 row. */
export const NORMATIVE_ROW_2019 = '规范性文件';
/** Table 二, items 五 and 六: the 2019 columns; the last, 处理决定数量, is the 2021 本年处理决定数量. */
export const DECISION_COLUMNS_2019 = ['上一年项目数量', '本年增/减', '处理决定数量'] as const;
/** Table 二, item 八: the 2019 columns (item counts, no amount: nothing maps onto the 2021 收费金额). */
export const FEE_COLUMNS_2019 = ['上一年项目数量', '本年增/减'] as const;
/** Rows and items of the 2019 table 二 with no 2021 counterpart. */
export const OTHER_SERVICES_ROW_2019 = '其他对外管理服务事项';
export const PROCUREMENT_ITEM_2019 = '第二十条第（九）项';
export const PROCUREMENT_ROW_2019 = '政府集中采购';
export const PROCUREMENT_COLUMNS_2019 = ['采购项目数量', '采购总金额'] as const;

/** Any of these in table 二 marks the 2019 format. */
export const TABLE2_SIGNS_2019: readonly string[] = [
  ...DOCUMENT_COLUMNS_2019,
  OTHER_SERVICES_ROW_2019,
  PROCUREMENT_ITEM_2019,
  PROCUREMENT_ROW_2019,
  ...PROCUREMENT_COLUMNS_2019,
  DECISION_COLUMNS_2019[0],
];
