/**
 * The national format (国办公开办函〔2021〕30号) as data: part headings, table labels, row keys and
 * spans. Defined once; the schema generator, the rules, the model builder, `init` and the tests
 * all read it from here (../shared/TEMPLATE.md §2–5), through the format (index.ts). Pure data; imports
 * only the Format's types and how table 三's rows follow from its groups.
 */
import { groupRows, resultPartRows, type ApplicationRow, type ResultGroup, type SingleValueBlock } from '../format';

/** The years a report in this format may be for: the format applies from the 2021 reports on. */
export const REPORT_YEARS = { first: 2021, last: 2100 } as const;

/** The six part headings, exact text, in order (TEMPLATE §2). */
export const PART_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

/**
 * How `report import` knows a part heading a report words differently (五、存在的主要问题及改进措施,
 * 四、政府信息公开行政法复议、行政诉讼情况): per part, groups of words of which each group must have
 * one in the heading. No heading of another part, and no label of a table, has them all.
 */
export const PART_KEYWORDS: readonly (readonly (readonly string[])[])[] = [
  [['总体情况']],
  [['主动公开']],
  [['申请'], ['收到', '处理']],
  [['复议', '诉讼']],
  [['问题'], ['改进', '整改', '计划', '措施', '打算']],
  [['其他'], ['事项', '需要报告']],
];

/** What part 一 reports on, topic by topic (TEMPLATE §2); `report init`'s sample makes each a sub-heading. */
export const OVERVIEW_TOPICS = ['主动公开', '依申请公开', '政府信息管理', '平台建设', '监督保障'] as const;

// ---------------------------------------------------------------------------------------------
// Table 二 (part 二): 第二十条 items.

/** Columns of the 规章 / 行政规范性文件 rows, in printed order. */
export const DOCUMENT_COUNT_COLUMNS = [
  { key: 'issued', label: '本年制发件数', en: 'issued this year' },
  { key: 'repealed', label: '本年废止件数', en: 'repealed this year' },
  { key: 'in_force', label: '现行有效件数', en: 'in force' },
] as const;

/** The two rows of 第二十条第（一）项. */
export const DOCUMENT_ROWS = [
  { key: 'rules', label: '规章', en: 'rules (规章)' },
  { key: 'normative_documents', label: '行政规范性文件', en: 'normative documents' },
] as const;

/** Item 一 heading of table 二; the other items follow in SINGLE_VALUE_BLOCKS. */
export const DOCUMENT_BLOCK_ITEM = '第二十条第（一）项';
/** The items of 第二十条 that table 二 reports, as its summary and the schema name them. */
export const PROACTIVE_ITEMS = '第二十条第（一）（五）（六）（八）项';
export const CONTENT_LABEL = '信息内容';

export const SINGLE_VALUE_BLOCKS: readonly SingleValueBlock[] = [
  {
    item: '第二十条第（五）项',
    valueLabel: '本年处理决定数量',
    rows: [{ key: 'licensing', label: '行政许可', en: 'administrative licensing decisions' }],
  },
  {
    item: '第二十条第（六）项',
    valueLabel: '本年处理决定数量',
    rows: [
      { key: 'punishment', label: '行政处罚', en: 'administrative punishment decisions' },
      { key: 'enforcement', label: '行政强制', en: 'administrative enforcement decisions' },
    ],
  },
  {
    item: '第二十条第（八）项',
    valueLabel: '本年收费金额（单位：万元）',
    rows: [{ key: 'fees', label: '行政事业性收费', en: 'administrative fees (10,000 yuan)' }],
  },
];

// ---------------------------------------------------------------------------------------------
// Table 三 (part 三): applications.

/** The 7 value columns of table 三; the last is the row total. */
export const APPLICANT_COLUMNS = [
  { label: '自然人', en: 'natural persons' },
  { label: '商业企业', en: 'businesses' },
  { label: '科研机构', en: 'research institutions' },
  { label: '社会公益组织', en: 'public-interest organisations' },
  { label: '法律服务机构', en: 'legal service organisations' },
  { label: '其他', en: 'other' },
  { label: '总计', en: 'total' },
] as const;
export const APPLICANT_TOTAL_INDEX = 6;

/** Table 三's balance (勾稽关系) in words, as its corner cell states it. */
export const TABLE3_BALANCE = '第一项加第二项之和，等于第三项加第四项之和';
export const TABLE3_CORNER = `（本列数据的勾稽关系为：${TABLE3_BALANCE}）`;
export const TABLE3_APPLICANTS = '申请人情况';
export const TABLE3_ORGANISATIONS = '法人或其他组织';

export const RESULT_GROUPS: readonly ResultGroup[] = [
  {
    key: 'withheld',
    label: '（三）不予公开',
    en: 'withheld',
    rows: [
      { key: 'state_secret', label: '1.属于国家秘密', en: 'state secret' },
      { key: 'prohibited_by_law', label: '2.其他法律行政法规禁止公开', en: 'prohibited by other laws' },
      { key: 'three_safeties_one_stability', label: '3.危及“三安全一稳定”', en: 'endangers the "three safeties, one stability"' },
      { key: 'third_party_rights', label: '4.保护第三方合法权益', en: 'protects third-party rights' },
      { key: 'internal_affairs', label: '5.属于三类内部事务信息', en: 'internal affairs' },
      { key: 'process_info', label: '6.属于四类过程性信息', en: 'process information' },
      { key: 'enforcement_files', label: '7.属于行政执法案卷', en: 'enforcement case files' },
      { key: 'administrative_inquiry', label: '8.属于行政查询事项', en: 'administrative inquiry' },
    ],
  },
  {
    key: 'unavailable',
    label: '（四）无法提供',
    en: 'cannot be provided',
    rows: [
      { key: 'not_held', label: '1.本机关不掌握相关政府信息', en: 'not held' },
      { key: 'needs_creation', label: '2.没有现成信息需要另行制作', en: 'would need to be created' },
      { key: 'unclear_after_correction', label: '3.补正后申请内容仍不明确', en: 'still unclear after correction' },
    ],
  },
  {
    key: 'not_processed',
    label: '（五）不予处理',
    en: 'not processed',
    rows: [
      { key: 'petition_complaint', label: '1.信访举报投诉类申请', en: 'petition or complaint' },
      { key: 'duplicate', label: '2.重复申请', en: 'duplicate' },
      { key: 'publication', label: '3.要求提供公开出版物', en: 'asks for a publication' },
      { key: 'excessive', label: '4.无正当理由大量反复申请', en: 'excessive repeated requests' },
      { key: 'confirm_existing', label: '5.要求行政机关确认或重新出具已获取信息', en: 'asks to confirm or reissue information' },
    ],
  },
  {
    key: 'other',
    label: '（六）其他处理',
    en: 'other handling',
    rows: [
      {
        key: 'overdue_correction',
        label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        en: 'applicant did not correct in time',
      },
      {
        key: 'overdue_fee',
        label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        en: 'applicant did not pay the fee in time',
      },
      { key: 'other', label: '3.其他', en: 'other' },
    ],
  },
];

const RESULTS = ['applications', 'results'] as const;

/** The 25 data rows of table 三, in printed order (TEMPLATE §4). */
export const APPLICATION_ROWS: readonly ApplicationRow[] = [
  { path: ['applications', 'new'], kind: 'top', label: '一、本年新收政府信息公开申请数量', en: 'new applications this year' },
  { path: ['applications', 'carried_over'], kind: 'top', label: '二、上年结转政府信息公开申请数量', en: 'carried over from last year' },
  { path: [...RESULTS, 'disclosed'], kind: 'result', label: '（一）予以公开', en: 'disclosed' },
  {
    path: [...RESULTS, 'partially_disclosed'],
    kind: 'result',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    en: 'partially disclosed',
  },
  ...groupRows(RESULT_GROUPS),
  { path: [...RESULTS, 'total'], kind: 'total', label: '（七）总计', en: 'results total' },
  { path: ['applications', 'carry_forward'], kind: 'top', label: '四、结转下年度继续办理', en: 'carried forward to next year' },
];

/** The label spanning rows 3–24 of table 三. */
export const RESULTS_LABEL = '三、本年度办理结果';

/** Rows whose sum is （七）总计 (R3): every 'result' and 'sub' row. */
export const RESULT_PART_ROWS = resultPartRows(APPLICATION_ROWS);

// ---------------------------------------------------------------------------------------------
// Table 四 (part 四): administrative review and litigation.

export const CASE_COLUMNS = [
  { label: '结果维持', en: 'upheld' },
  { label: '结果纠正', en: 'corrected' },
  { label: '其他结果', en: 'other outcome' },
  { label: '尚未审结', en: 'pending' },
  { label: '总计', en: 'total' },
] as const;
export const CASE_TOTAL_INDEX = 4;

export const CASE_ROWS = [
  { key: 'review', label: '行政复议', en: 'administrative review' },
  { key: 'litigation_direct', label: '未经复议直接起诉', en: 'litigation without prior review' },
  { key: 'litigation_after_review', label: '复议后起诉', en: 'litigation after review' },
] as const;
export const LITIGATION_LABEL = '行政诉讼';

// ---------------------------------------------------------------------------------------------

/** Largest count accepted in any table cell: anything above is a typing slip, not a real figure. */
export const MAX_COUNT = 99_999_999;
/** Largest fee in 万元 accepted (1e8 万元 = 1 万亿元). */
export const MAX_FEE_WAN = 100_000_000;
