/**
 * The text `report init` writes: a complete report with every table at zero, each row commented with
 * its label as printed in the national format. Generated from the format data, so it always has
 * every key the schema requires.
 */
import { applicationRow, type Format } from '../format/format';
import { schemaHeader } from '../schema/schema-file';

export interface InitOptions {
  /** The format written (the default format, when `report init` is not told another). */
  format: Format;
  year: number;
  organ: string;
  /** The schema reference for the YAML language server (schema/schema-file.ts). */
  schemaPath: string;
}

const zeros = (n: number) => `[${Array.from({ length: n }, () => '0').join(', ')}]`;

/** A YAML double-quoted scalar (organ names may hold characters YAML treats specially). */
const quote = (text: string) => JSON.stringify(text);

export function initTemplate({ format, year, organ, schemaPath }: InitOptions): string {
  const L = format.labels;
  const { APPLICANT_COLUMNS, CASE_COLUMNS, CASE_ROWS, DOCUMENT_BLOCK_ITEM, DOCUMENT_COUNT_COLUMNS, DOCUMENT_ROWS, LITIGATION_LABEL, PART_HEADINGS } = L;
  const { RESULT_GROUPS, RESULTS_LABEL, SINGLE_VALUE_BLOCKS, TABLE3_BALANCE } = L;
  /** The row at `path` under applications, keyed by the path's last key and commented with its label. */
  const applicantRow = (indent: string, ...path: string[]) =>
    `${indent}${path.at(-1)}: ${zeros(APPLICANT_COLUMNS.length)}   # ${applicationRow(L, ['applications', ...path]).label}`;
  const lines: string[] = [
    ...schemaHeader(schemaPath).map((line) => `# ${line}`),
    `# ${organ}${year}年政府信息公开工作年度报告 — 源文件（nianbao）`,
    '# 填好后运行：report validate 本文件  检查；report build 本文件  生成 DOCX 和 PDF',
    '',
    `format: "${format.id}"                 # ${format.basis}格式`,
    `organ: ${quote(organ)}   # 发布机关全称（落款）`,
    `year: ${year}                     # 统计年度`,
    `date: ${year + 1}-01-20               # 成文日期（政府部门须在 1月31日前公布）`,
    '# title: 可省略，默认为“{发布机关}{年度}年政府信息公开工作年度报告”',
    '# preamble: 可省略，默认按年度、网站和联系方式生成前言',
    '# website: http://www.example.gov.cn/   # 门户网站（前言中注明下载地址）',
    '# contact: {office: 办公室, address: 地址, phone: "0000-0000000", postcode: "000000"}',
    '',
    `# ${PART_HEADINGS[0]}`,
    '# 可以直接写段落；也可以写成列表，小标题自动编号为（一）（二）……',
    'overview:',
    `  - ${year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。`,
    '  - heading: 主动公开',
    `    body: ${year}年，本机关通过门户网站主动公开政府信息。`,
    '  - heading: 依申请公开',
    `    body: ${year}年，本机关未收到政府信息公开申请。`,
    '  - heading: 政府信息管理',
    '    body: 严格落实政府信息公开审查制度。',
    '  - heading: 政府信息公开平台建设',
    '    body: 加强门户网站政府信息公开专栏建设。',
    '  - heading: 监督保障',
    '    body: 将政府信息公开工作纳入年度考核。',
    '',
    `# ${PART_HEADINGS[1]}（表二）`,
    'proactive:',
    `  # ${DOCUMENT_BLOCK_ITEM}：${DOCUMENT_COUNT_COLUMNS.map((c) => c.label).join('、')}`,
    ...DOCUMENT_ROWS.map((row) => `  ${row.key}: {${DOCUMENT_COUNT_COLUMNS.map((c) => `${c.key}: 0`).join(', ')}}   # ${row.label}`),
    ...SINGLE_VALUE_BLOCKS.flatMap((block) => [`  # ${block.item}：${block.valueLabel}`, ...block.rows.map((row) => `  ${row.key}: 0   # ${row.label}`)]),
    '',
    `# ${PART_HEADINGS[2]}（表三）`,
    `# 每行依次为：${APPLICANT_COLUMNS.map((c) => c.label).join('、')}；只写前 6 个数时总计自动求和`,
    `# 勾稽关系：${TABLE3_BALANCE}`,
    'applications:',
    applicantRow('  ', 'new'),
    applicantRow('  ', 'carried_over'),
    `  results:                           # ${RESULTS_LABEL}`,
    applicantRow('    ', 'results', 'disclosed'),
    applicantRow('    ', 'results', 'partially_disclosed'),
    ...RESULT_GROUPS.flatMap((group) => [
      `    ${group.key}:   # ${group.label}`,
      ...group.rows.map((row) => applicantRow('      ', 'results', group.key, row.key)),
    ]),
    `    # total: ${applicationRow(L, ['applications', 'results', 'total']).label} — 可省略，自动求和；填写时逐格核对`,
    applicantRow('  ', 'carry_forward'),
    '',
    `# ${PART_HEADINGS[3]}（表四）`,
    `# 每组依次为：${CASE_COLUMNS.map((c) => c.label).join('、')}`,
    'review_litigation:',
    ...CASE_ROWS.map((row) => `  ${row.key}: ${zeros(CASE_COLUMNS.length)}   # ${row.key === 'review' ? row.label : `${LITIGATION_LABEL}·${row.label}`}`),
    '',
    `# ${PART_HEADINGS[4]}`,
    'problems: |',
    `  ${year}年，本机关政府信息公开工作仍存在一些不足。下一步，将进一步加强政府信息公开工作。`,
    '',
    `# ${PART_HEADINGS[5]}`,
    '# 信息处理费（国办函〔2020〕109号）：发出收费通知件数、通知金额（元）、实际收取金额（元）',
    'processing_fees: {notices: 0, amount_yuan: 0, collected_yuan: 0}',
    '# other_matters: 其他需要报告的事项（可省略）',
    '',
  ];
  return lines.join('\n');
}
