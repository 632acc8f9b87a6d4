/**
 * Generates a format's JSON Schema from its data (schemas/report.schema.json is the default format's),
 * so the schema, the rules and the tables cannot disagree on a key or a label. `npm run schema` writes the file; a test fails when
 * the committed file differs from what this produces.
 */
import { FONT_ROLE_FACES, FONT_ROLES } from '../format/font-roles';
import { applicationRow, type Format, type FormatLabels } from '../format/format';
import { DEFAULT_FORMAT } from '../format/registry';

type Json = { [key: string]: unknown };

/** Raised when the schema changes in a way a YAML written for the old one would notice (a key added, a limit moved). */
export const SCHEMA_VERSION = 1;

/**
 * Names what the schema is, not where it lies (the file travels beside the YAML): nianbao's report
 * schema for the national format of 2021 (国办公开办函〔2021〕30号), schema version 1. A URN, since
 * no web address is promised to serve it.
 */
export const schemaId = (format: Format): string => `urn:nianbao:report-schema:${format.id}:v${SCHEMA_VERSION}`;
export const SCHEMA_ID = schemaId(DEFAULT_FORMAT);

/** The schema as written to a file: `npm run schema` and `report schema` write the same bytes (of the default format: a YAML names its own). */
export const reportSchemaText = (format: Format = DEFAULT_FORMAT): string => JSON.stringify(buildReportSchema(format), null, 2) + '\n';

/**
 * Text must hold something besides spaces. ECMAScript's \S excludes the full-width space U+3000 as
 * well as ASCII ones, so "　" is blank too; editors check the same pattern.
 */
export const NON_BLANK_PATTERN = '\\S';

const count = (L: FormatLabels, title: string, description?: string): Json => ({
  title,
  ...(description ? { description } : {}),
  type: 'integer',
  minimum: 0,
  maximum: L.MAX_COUNT,
});

const applicantRow = (L: FormatLabels, title: string): Json => ({
  title,
  description: `依次为 ${L.APPLICANT_COLUMNS.map((c) => c.label).join('、')}；只写前 6 个数时总计自动求和`,
  $ref: '#/$defs/applicantRow',
});

const caseRow = (L: FormatLabels, title: string): Json => ({
  title,
  description: `依次为 ${L.CASE_COLUMNS.map((c) => c.label).join('、')}；只写前 4 个数时总计自动求和`,
  $ref: '#/$defs/caseRow',
});

const object = (title: string, properties: Record<string, Json>, required: string[], description?: string): Json => ({
  title,
  ...(description ? { description } : {}),
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

const text = (title: string, description: string): Json => ({ title, description, $ref: '#/$defs/text' });

function proactiveSchema(L: FormatLabels): Json {
  const { DOCUMENT_COUNT_COLUMNS, DOCUMENT_ROWS, SINGLE_VALUE_BLOCKS, MAX_FEE_WAN, PART_HEADINGS, PROACTIVE_ITEMS } = L;
  const documentRow = (label: string): Json =>
    object(
      label,
      Object.fromEntries(DOCUMENT_COUNT_COLUMNS.map((c) => [c.key, count(L, `${label}：${c.label}`)])),
      DOCUMENT_COUNT_COLUMNS.map((c) => c.key),
    );
  const properties: Record<string, Json> = Object.fromEntries(DOCUMENT_ROWS.map((r) => [r.key, documentRow(r.label)]));
  for (const block of SINGLE_VALUE_BLOCKS) {
    for (const row of block.rows) {
      properties[row.key] =
        row.key === 'fees'
          ? {
              title: `${row.label}：${block.valueLabel}`,
              description: '金额以万元为单位，可带小数，按原样输出（1.10 仍印作 1.10）',
              type: 'number',
              minimum: 0,
              maximum: MAX_FEE_WAN,
            }
          : count(L, `${row.label}：${block.valueLabel}`, block.item);
    }
  }
  return object(PART_HEADINGS[1], properties, Object.keys(properties), `表二：${PROACTIVE_ITEMS}`);
}

function applicationsSchema(L: FormatLabels): Json {
  const { RESULT_GROUPS, PART_HEADINGS, RESULTS_LABEL, TABLE3_BALANCE } = L;
  const row = (...path: string[]) => applicantRow(L, applicationRow(L, ['applications', ...path]).label);
  const results: Record<string, Json> = {
    disclosed: row('results', 'disclosed'),
    partially_disclosed: row('results', 'partially_disclosed'),
  };
  for (const group of RESULT_GROUPS) {
    results[group.key] = object(
      group.label,
      Object.fromEntries(group.rows.map((r) => [r.key, applicantRow(L, `${group.label} ${r.label}`)])),
      group.rows.map((r) => r.key),
    );
  }
  results.total = row('results', 'total');
  const resultKeys = Object.keys(results).filter((k) => k !== 'total');
  return object(
    PART_HEADINGS[2],
    {
      new: row('new'),
      carried_over: row('carried_over'),
      results: object(
        RESULTS_LABEL,
        results,
        resultKeys,
        `${applicationRow(L, ['applications', 'results', 'total']).label}可省略：省略时自动求和，填写时逐格核对`,
      ),
      carry_forward: row('carry_forward'),
    },
    ['new', 'carried_over', 'results', 'carry_forward'],
    `表三；勾稽关系：${TABLE3_BALANCE}`,
  );
}

/** The whole JSON Schema (draft 2020-12) of a report file in `format`. */
export function buildReportSchema(format: Format): Json {
  const L = format.labels;
  const { PART_HEADINGS, CASE_ROWS, APPLICANT_COLUMNS, CASE_COLUMNS, MAX_FEE_WAN } = L;
  const string = (title: string, description?: string): Json => ({
    title,
    ...(description ? { description } : {}),
    type: 'string',
    pattern: NON_BLANK_PATTERN,
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaId(format),
    title: '政府信息公开工作年度报告',
    description: `按${format.basis}格式编写的年度报告源文件（nianbao）`,
    type: 'object',
    properties: {
      format: { title: '报告格式版本', description: `${format.basis}格式，写 "${format.id}"`, const: format.id },
      organ: string('发布机关全称', '用于落款和文档作者'),
      year: { title: '统计年度', description: '报告所统计的年份，如 2023', type: 'integer', minimum: format.years.first, maximum: format.years.last },
      title: string('标题', '可省略；默认为“{发布机关}{年度}年政府信息公开工作年度报告”'),
      date: {
        title: '成文日期',
        description: '写作 2024-01-25，印在落款下方',
        type: 'string',
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      },
      preamble: text('前言', '可省略；默认按年度、网站和联系方式生成'),
      website: string('门户网站地址', '前言中注明报告电子版的下载网址'),
      contact: object(
        '联系方式',
        {
          office: string('联系机构'),
          address: string('地址'),
          phone: string('电话'),
          postcode: string('邮编', '写成带引号的文字，如 "336000"'),
        },
        [],
        '前言中的联系方式',
      ),
      overview: text(PART_HEADINGS[0], `${PART_HEADINGS[0]}：${L.OVERVIEW_TOPICS.join('、')}等`),
      proactive: proactiveSchema(L),
      applications: applicationsSchema(L),
      review_litigation: object(
        PART_HEADINGS[3],
        Object.fromEntries(CASE_ROWS.map((r) => [r.key, caseRow(L, r.label)])),
        CASE_ROWS.map((r) => r.key),
        '表四',
      ),
      problems: text(PART_HEADINGS[4], '本年度存在的问题和改进措施'),
      other_matters: text(PART_HEADINGS[5], '信息处理费以外的其他事项；可省略'),
      fonts: object(
        '字体',
        Object.fromEntries(
          FONT_ROLES.map((role, i) => {
            const { face, use } = FONT_ROLE_FACES[role];
            // The first role's description also says how a path is read, once for all.
            return [role, string(`${face.zh}字体文件`, i === 0 ? `${use.zh}；TTF/OTF/TTC 文件路径，相对路径以本文件所在目录为准` : use.zh)];
          }),
        ),
        [],
        '可省略：PDF 使用的字体文件；未指定时依次使用本机安装的公文字体和 nianbao 自带的开源字体',
      ),
      processing_fees: object(
        '信息处理费',
        {
          notices: count(L, '发出收费通知件数'),
          amount_yuan: { title: '收费通知总金额（元）', type: 'number', minimum: 0, maximum: MAX_FEE_WAN },
          collected_yuan: { title: '实际收取金额（元）', type: 'number', minimum: 0, maximum: MAX_FEE_WAN },
        },
        ['notices', 'amount_yuan', 'collected_yuan'],
        '按国办函〔2020〕109号在第六部分生成信息处理费收取情况的标准表述',
      ),
    },
    required: ['format', 'organ', 'year', 'date', 'overview', 'proactive', 'applications', 'review_litigation', 'problems'],
    additionalProperties: false,
    $defs: {
      count: count(L, '件数'),
      applicantRow: {
        title: '表三的一行',
        type: 'array',
        items: { $ref: '#/$defs/count' },
        minItems: APPLICANT_COLUMNS.length - 1,
        maxItems: APPLICANT_COLUMNS.length,
      },
      caseRow: {
        title: '表四的一组',
        type: 'array',
        items: { $ref: '#/$defs/count' },
        minItems: CASE_COLUMNS.length - 1,
        maxItems: CASE_COLUMNS.length,
      },
      text: {
        title: '正文',
        description: '一段文字（空行分段），或由段落和 {heading, body} 小节组成的列表',
        anyOf: [
          { type: 'string', pattern: NON_BLANK_PATTERN },
          { type: 'array', items: { $ref: '#/$defs/textItem' }, minItems: 1 },
        ],
      },
      textItem: {
        title: '段落或小节',
        anyOf: [
          { type: 'string', pattern: NON_BLANK_PATTERN },
          object('小节', { heading: string('小标题', '不必写序号，自动编为（一）或 1.'), body: { title: '小节正文', $ref: '#/$defs/text' } }, [
            'heading',
            'body',
          ]),
        ],
      },
    },
  };
}
