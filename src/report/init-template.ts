/**
 * The report `report init` writes: complete, every table at zero, in the format given, written by the
 * one YAML writer (write-yaml.ts), which comments each part and row with its label as printed. Built
 * from the format's data, so it always has every key the schema requires; the notes say what to fill
 * in and which keys may be left out.
 */
import { applicationRow, type Format } from '../format/format';
import { writeYaml, type Note } from './write-yaml';

export interface InitOptions {
  /** The format written (the default format, when `report init` is not told another). */
  format: Format;
  year: number;
  organ: string;
  /** The schema reference for the YAML language server (schema/schema-file.ts). */
  schemaPath: string;
}

const zeros = (n: number) => Array.from({ length: n }, () => 0);

/** A sample sentence for each topic of part 一 (OVERVIEW_TOPICS, in order); a topic past them gets a general one. */
const sampleBodies = (year: number) => [
  `${year}年，本机关通过门户网站主动公开政府信息。`,
  `${year}年，本机关未收到政府信息公开申请。`,
  '严格落实政府信息公开审查制度。',
  '加强门户网站政府信息公开专栏建设。',
  '将政府信息公开工作纳入年度考核。',
];

/** The zero-filled data of a report of `year` by `organ`. */
function initData({ format, year, organ }: InitOptions): Record<string, unknown> {
  const L = format.labels;
  const applicantRow = () => zeros(L.APPLICANT_COLUMNS.length);
  return {
    format: format.id,
    organ,
    year,
    date: `${year + 1}-01-20`,
    overview: [
      `${year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。`,
      ...L.OVERVIEW_TOPICS.map((heading, i) => ({ heading, body: sampleBodies(year)[i] ?? `${year}年，本机关扎实做好${heading}工作。` })),
    ],
    proactive: {
      ...Object.fromEntries(L.DOCUMENT_ROWS.map((row) => [row.key, Object.fromEntries(L.DOCUMENT_COUNT_COLUMNS.map((c) => [c.key, 0]))])),
      ...Object.fromEntries(L.SINGLE_VALUE_BLOCKS.flatMap((block) => block.rows.map((row) => [row.key, 0]))),
    },
    applications: {
      new: applicantRow(),
      carried_over: applicantRow(),
      results: {
        disclosed: applicantRow(),
        partially_disclosed: applicantRow(),
        ...Object.fromEntries(L.RESULT_GROUPS.map((group) => [group.key, Object.fromEntries(group.rows.map((row) => [row.key, applicantRow()]))])),
      },
      carry_forward: applicantRow(),
    },
    review_litigation: Object.fromEntries(L.CASE_ROWS.map((row) => [row.key, zeros(L.CASE_COLUMNS.length)])),
    problems: `${year}年，本机关政府信息公开工作仍存在一些不足。下一步，将进一步加强政府信息公开工作。\n`,
    processing_fees: { notices: 0, amount_yuan: 0, collected_yuan: 0 },
  };
}

/** What to fill in, and the keys that may be left out, as comments. */
function initNotes({ format }: InitOptions): Note[] {
  const L = format.labels;
  const after = (path: string[], text: string): Note => ({ path, text, place: 'after' });
  const above = (path: string[], text: string): Note => ({ path, text, place: 'above' });
  return [
    after(['format'], `${format.basis}格式`),
    after(['organ'], '发布机关全称（落款）'),
    after(['year'], '统计年度'),
    after(['date'], '成文日期（政府部门须在 1月31日前公布）'),
    above(['overview'], '可以直接写段落；也可以写成列表，小标题自动编号为（一）（二）……'),
    above(['applications'], `只写前 ${L.APPLICANT_COLUMNS.length - 1} 个数时总计自动求和；勾稽关系：${L.TABLE3_BALANCE}`),
    above(['applications', 'results'], `total: ${applicationRow(L, ['applications', 'results', 'total']).label} — 可省略，自动求和；填写时逐格核对`),
    above(['processing_fees'], '信息处理费（国办函〔2020〕109号）：发出收费通知件数、通知金额（元）、实际收取金额（元）'),
    above(['processing_fees'], 'other_matters: 其他需要报告的事项（可省略）'),
  ];
}

export function initTemplate(options: InitOptions): string {
  const { year, organ, schemaPath, format } = options;
  const header = [
    `${organ}${year}年政府信息公开工作年度报告 — 源文件（nianbao）`,
    '填好后运行：report validate 本文件  检查；report build 本文件  生成 DOCX 和 PDF',
    'title: 可省略，默认为“{发布机关}{年度}年政府信息公开工作年度报告”',
    'preamble: 可省略，默认按年度、网站和联系方式生成前言',
    'website: http://www.example.gov.cn/   # 门户网站（前言中注明下载地址）',
    'contact: {office: 办公室, address: 地址, phone: "0000-0000000", postcode: "000000"}',
  ];
  return writeYaml(initData(options), { format, schemaPath, header, notes: initNotes(options) });
}
