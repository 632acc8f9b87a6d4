/**
 * Every diagnostic code: severity, Chinese and English message, and the hint that says what to do.
 * Codes are stable: a retired code is never reused. Bands: RPT1xxx load (file, encoding, YAML),
 * RPT2xxx schema, RPT3xxx consistency rules (RPT30nn enforces template rule Rnn), RPT4xxx import
 * (`report import`: where a published report departs from the national format; each message starts
 * with the place in the source, 原文第 29 行：…), RPT5xxx render/I/O, RPT6xxx collecting and
 * archiving many reports (sum, verify).
 * Message style: one sentence, no final period; the hint says how to fix it.
 */
import type { ErrorCode } from 'yaml';
import { systemReason } from './system-error';
import { YAML_ERRORS } from './yaml-errors';
import { applicationRow } from '../format/format';
import { DEFAULT_FORMAT } from '../format/registry';

/** What `report import` reads, said by the hints of files it cannot read. */
const READS = {
  zh: 'report import 读取有文字层的 PDF、Word（.docx）、网页（.html）和文本',
  en: 'report import reads PDFs with a text layer, Word (.docx), web pages (.html) and text',
};

/** Why a file could not be imported (RPT1019), each with the hint that fits it. */
export const IMPORT_FAILURE_HINTS = {
  missing: { zh: '检查文件名和路径是否写对', en: 'check the file name and its folder' },
  'not-a-file': {
    zh: '只能导入普通文件：文件夹请写出其中的文件，管道、设备等请先保存为文件',
    en: 'only regular files are imported: name the files inside a folder; save a pipe or device to a file first',
  },
  unreadable: { zh: '检查文件的读取权限，或把文件复制到自己的文件夹再导入', en: 'check the permission to read it, or copy it into your own folder first' },
  'too-big': {
    zh: '年度报告通常只有几 MB：确认选对了文件；PDF 可在阅读器中另存为（压缩）后再导入',
    en: 'an annual report is a few MB: check that this is the right file; a PDF can be saved again (compressed) from a reader',
  },
  format: { zh: `${READS.zh}；其他格式请先另存为其中一种`, en: `${READS.en}; save other formats as one of these first` },
  empty: { zh: '文件中没有文字：确认选对了文件', en: 'the file holds no text: check that this is the right file' },
  scanned: {
    zh: '扫描件没有文字可读：请改用原 Word 文件或网站上的网页版',
    en: 'a scan has no text to read: use the original Word file or the web page of the report',
  },
  encrypted: { zh: '请向发布机关要未加密的文件，或用 Word 原文件', en: 'ask the publisher for an unencrypted copy, or use the original Word file' },
  damaged: {
    zh: '文件可能下载不完整：重新下载后再导入，或改用 Word 原文件、网页版',
    en: 'the download may be incomplete: download it again, or use the Word file or the web page',
  },
  'too-complex': {
    zh: '文件的结构远超年度报告所需（层次过深或内容过多），可能是恶意文件：请改用 Word 原文件或网页版',
    en: 'the file is far more complex than an annual report (nested too deep or too much content), possibly hostile: use the Word file or the web page',
  },
  time: {
    zh: '读取超时，已中止（其余文件照常导入）：文件可能已损坏或是恶意文件；请改用 Word 原文件或网页版',
    en: 'reading took too long and was stopped (the other files go on): the file may be corrupt or hostile; use the Word file or the web page',
  },
  memory: {
    zh: '读取所需内存超过上限，已中止（其余文件照常导入）：文件可能是恶意文件（如“解压炸弹”）；请改用 Word 原文件或网页版',
    en: 'reading needed more memory than allowed and was stopped (the other files go on): the file may be hostile (a "zip bomb"); use the Word file or the web page',
  },
  'not-a-report': {
    zh: '确认选对了文件：这里要的是《政府信息公开工作年度报告》',
    en: 'check that this is the right file: an annual government information disclosure report',
  },
  yaml: { zh: '先用 report validate 检查这份 YAML 报告', en: 'check the YAML report with report validate first' },
} satisfies Record<string, { zh: string; en: string }>;

export type ImportCause = keyof typeof IMPORT_FAILURE_HINTS;

/** A font file named for a role (by the report's fonts key or --font), and the role in both languages. */
export interface FontFileParams {
  path: string;
  role: string;
  roleEn: string;
}

/** Roles set in a face of another design (RPT5012): what stands in for what, what to install, and the first such role's key for the --font example. */
export interface StandInParams {
  /** e.g. 仿宋（正文）以宋体字形的 Noto Serif SC Regular 代替 */
  standIns: string;
  standInsEn: string;
  /** e.g. 仿宋_GB2312 或 方正仿宋_GBK */
  install: string;
  installEn: string;
  role: string;
}

/** A sum that did not add up: where, what was expected, and the terms it was computed from. */
export interface SumParams {
  /** The offending cell, as printed (e.g. 表三“一、本年新收政府信息公开申请数量”的“总计”). */
  cell: string;
  cellEn: string;
  expected: string;
  actual: string;
  /** The formula in words and with the values used, e.g. 自然人 + … = 1 + 2. */
  formula: string;
  formulaEn: string;
}

/** A table-三 column that does not balance: both sides, and each single correction that would balance it. */
export interface BalanceParams {
  column: string;
  columnEn: string;
  /** 一 + 二 with the values, e.g. 8 + 1 = 9. */
  left: string;
  /** （七） + 四 with the values. */
  right: string;
  fixes: string;
  fixesEn: string;
}

/** A blank stretch of a table: the table, the region (“商业企业”“科研机构”两列, 全表) and how many cells. */
export interface BlankRegionParams {
  table: string;
  tableEn: string;
  region: string;
  regionEn: string;
  count: number;
}

/** Where in a published report an import finding was made (第 29 行, 表 2 第 4 行第 1 格 …): the message's first words. */
export interface PlaceParams {
  at: string;
}

/** A page printed with the number of an earlier page (RPT4036, RPT4037): that page of the file and the number. */
type RepeatedPageParams = PlaceParams & { original: number; number: number };

/** The place in the source as the message opens: 原文第 29 行： ('' when unknown). */
const placeZh = (p: PlaceParams) => (p.at ? `原文${p.at}：` : '');
/** The same in English: 第 29 行 → line 29, 表 2 第 4 行第 1 格 → table 2 row 4 cell 1, 第 2 页第 7 行 → page 2 line 7, 第 3 段 → paragraph 3. */
export function placeEn(at: string): string {
  const table = /^表 (\d+) 第 (\d+) 行第 (\d+) 格$/.exec(at);
  if (table) return `table ${table[1]} row ${table[2]} cell ${table[3]}`;
  const page = /^第 (\d+) 页第 (\d+) 行$/.exec(at);
  if (page) return `page ${page[1]} line ${page[2]}`;
  const wholePage = /^第 (\d+) 页$/.exec(at);
  if (wholePage) return `page ${wholePage[1]}`;
  const line = /^第 (\d+) (行|段)$/.exec(at);
  if (line) return `${line[2] === '行' ? 'line' : 'paragraph'} ${line[1]}`;
  // A table row's places (source/source-place.ts): one cell a line, or a row's cells.
  const lines = /^第 (\d+)–(\d+) 行$/.exec(at);
  if (lines) return `lines ${lines[1]}–${lines[2]}`;
  const cells = /^表 (\d+) 第 (\d+) 行第 (\d+)–(\d+) 格$/.exec(at);
  if (cells) return `table ${cells[1]} row ${cells[2]} cells ${cells[3]}–${cells[4]}`;
  return at;
}
const atEn = (p: PlaceParams) => (p.at ? `source ${placeEn(p.at)}: ` : '');
/** The hint of every import finding that changed or left out a value: check it against the source. */
const checkSource = () => ({
  zh: '对照原文核实此处数值，确认后删除这条注释',
  en: 'check this value against the source, then delete the comment',
});

/** Labels that messages quote, as the default format words them. */
const { DOCUMENT_COUNT_COLUMNS, DOCUMENT_ROWS, PART_HEADINGS, SINGLE_VALUE_BLOCKS } = DEFAULT_FORMAT.labels;
const RESULTS_TOTAL = applicationRow(DEFAULT_FORMAT.labels, ['applications', 'results', 'total']).label;
const CARRIED_OVER = applicationRow(DEFAULT_FORMAT.labels, ['applications', 'carried_over']).label;
const [, NORMATIVE] = DOCUMENT_ROWS;
const [, , IN_FORCE] = DOCUMENT_COUNT_COLUMNS;
const FEES = SINGLE_VALUE_BLOCKS.flatMap((block) => block.rows).find((row) => row.key === 'fees')?.label;

export const catalog = {
  // --- RPT1xxx: the file and its YAML -------------------------------------------------------
  RPT1000: {
    severity: 'error',
    zh: (p: { kind: ErrorCode }) => `YAML 语法错误：${YAML_ERRORS[p.kind].zh}`,
    en: (p: { kind: ErrorCode }) => `YAML syntax error: ${YAML_ERRORS[p.kind].en}`,
    hint: (p: { kind: ErrorCode }) => ({ zh: YAML_ERRORS[p.kind].hintZh, en: YAML_ERRORS[p.kind].hintEn }),
  },
  RPT1001: {
    severity: 'error',
    zh: (p: { key: string }) => `键“${p.key}”重复出现`,
    en: (p: { key: string }) => `duplicate key "${p.key}"`,
    hint: () => ({ zh: '同一层级的每个键只能写一次：删除或合并重复的一项', en: 'each key may appear once per level: delete or merge the repeated one' }),
  },
  RPT1002: {
    severity: 'error',
    zh: () => '缩进使用了制表符（Tab）',
    en: () => 'tab used for indentation',
    hint: () => ({ zh: 'YAML 只允许用空格缩进：把 Tab 换成两个空格', en: 'YAML indents with spaces only: replace the tab with two spaces' }),
  },
  RPT1003: {
    severity: 'error',
    zh: () => '缩进不正确：此行没有与同一层级的其他行左端对齐',
    en: () => 'bad indentation: this line does not start in the column of its level',
    hint: () => ({
      zh: '同一层级的键左端对齐，下一层比上一层多缩进两个空格',
      en: 'keys of one level start in the same column; a child is indented two more spaces',
    }),
  },
  RPT1004: {
    severity: 'error',
    zh: () => '一个文件中写了多份 YAML 文档（出现了第二个 ---）',
    en: () => 'the file holds more than one YAML document (a second ---)',
    hint: () => ({ zh: '每份年度报告单独存为一个文件', en: 'keep one report per file' }),
  },
  RPT1005: {
    severity: 'error',
    zh: () => 'YAML 别名（*引用）展开后过大，已拒绝处理',
    en: () => 'YAML aliases expand to too much data (possible alias bomb)',
    hint: () => ({ zh: '把数据直接写出来，不要用 & 和 * 反复引用', en: 'write the values out instead of nesting & anchors and * aliases' }),
  },
  RPT1006: {
    severity: 'error',
    zh: () => '文件是空的',
    en: () => 'the file is empty',
    hint: () => ({ zh: '运行 report init 生成一份完整的模板再填写', en: 'run `report init` to get a complete template to fill in' }),
  },
  RPT1007: {
    severity: 'error',
    zh: (p: { path: string }) => `找不到文件“${p.path}”`,
    en: (p: { path: string }) => `file not found "${p.path}"`,
    hint: () => ({ zh: '检查文件名和所在目录；新建报告可用 report init', en: 'check the name and folder; `report init` creates a new report' }),
  },
  RPT1008: {
    severity: 'error',
    zh: (p: { path: string }) => `“${p.path}”是一个目录，不是报告文件`,
    en: (p: { path: string }) => `"${p.path}" is a directory, not a report file`,
    hint: () => ({ zh: '给出目录中的 .yaml 文件，例如 2023.yaml', en: 'name the .yaml file inside it, e.g. 2023.yaml' }),
  },
  RPT1009: {
    severity: 'error',
    zh: (p: { path: string; reason: string }) => `无法读取文件“${p.path}”（${p.reason}）`,
    en: (p: { path: string; reasonEn: string }) => `cannot read "${p.path}" (${p.reasonEn})`,
    hint: () => ({ zh: '检查文件权限', en: 'check the file permissions' }),
  },
  RPT1010: {
    severity: 'warning',
    zh: (p: { encoding: string }) => `文件以 ${p.encoding} 编码保存，已自动转换`,
    en: (p: { encoding: string }) => `the file is saved as ${p.encoding}; decoded it`,
    hint: () => ({
      zh: '建议另存为 UTF-8 编码（记事本：另存为 → 编码选 UTF-8），以免其他工具读错',
      en: 'save it as UTF-8 (Notepad: Save As → Encoding UTF-8) so other tools read it too',
    }),
  },
  RPT1011: {
    severity: 'error',
    zh: () => '文件不是文本文件（含有大量 NUL 字节，是二进制文件）',
    en: () => 'not a text file (it holds many NUL bytes: a binary file)',
    hint: () => ({
      zh: '年度报告源文件应为 .yaml 文本：检查是否选错了文件；已发布的 PDF、Word 报告请用 report import 转成 YAML',
      en: 'the report source is a .yaml text file: check that this is the right file; convert a published PDF or Word report with report import',
    }),
  },
  RPT1012: {
    severity: 'error',
    zh: () => '数组中有空白项（两个逗号之间没有数）',
    en: () => 'blank item in a list (nothing between two commas)',
    hint: () => ({ zh: '没有数据的格子也要填 0', en: 'write 0 in a cell with nothing to report' }),
  },
  RPT1013: {
    severity: 'warning',
    zh: (p: { kind: ErrorCode }) => `YAML 警告：${YAML_ERRORS[p.kind].zh}`,
    en: (p: { kind: ErrorCode }) => `YAML warning: ${YAML_ERRORS[p.kind].en}`,
    hint: (p: { kind: ErrorCode }) => ({ zh: YAML_ERRORS[p.kind].hintZh, en: YAML_ERRORS[p.kind].hintEn }),
  },
  RPT1014: {
    severity: 'error',
    zh: (p: { code: string; kindZh: string }) => `此处有看不见的${p.kindZh}（${p.code}）`,
    en: (p: { code: string; kindEn: string }) => `invisible ${p.kindEn} here (${p.code})`,
    hint: (p: { corrected: string }) =>
      p.corrected === ''
        ? { zh: '删除这个字符', en: 'delete the character' }
        : { zh: `删除这个字符，写成 ${p.corrected}`, en: `delete the character: ${p.corrected}` },
  },
  RPT1015: {
    severity: 'error',
    zh: (p: { tag: string }) => `报告文件中不能使用 YAML 标签“${p.tag}”`,
    en: (p: { tag: string }) => `YAML tags such as "${p.tag}" are not allowed in a report file`,
    hint: (p: { tag: string; rewrite?: string }) =>
      p.rewrite === undefined
        ? { zh: `删除“${p.tag}”，直接写出内容`, en: `delete "${p.tag}" and write the content as it is` }
        : { zh: `删除“${p.tag}”，写成 ${p.rewrite}`, en: `delete "${p.tag}" and write ${p.rewrite}` },
  },
  RPT1016: {
    severity: 'error',
    zh: (p: { size: string; limit: string }) => `文件过大（${p.size}），超过 ${p.limit} 的上限`,
    en: (p: { size: string; limit: string }) => `the file is too large (${p.size}; the limit is ${p.limit})`,
    hint: () => ({
      zh: '一份年度报告的源文件通常只有 20 KB 左右：检查是否选错了文件；图片和附件不要放进报告文件',
      en: 'a report source is about 20 KB: check that this is the right file; keep images and attachments out of it',
    }),
  },
  RPT1017: {
    severity: 'error',
    zh: (p: { limit: number }) => `嵌套层次过深（超过 ${p.limit} 层）`,
    en: (p: { limit: number }) => `nested too deeply (more than ${p.limit} levels)`,
    hint: () => ({
      zh: '年度报告只有八层左右的嵌套：检查此处是否有多余的“[”“{”或越缩越深的缩进',
      en: 'a report nests about eight levels: look for stray [ or { or runaway indentation here',
    }),
  },
  RPT1018: {
    severity: 'error',
    zh: (p: { alias: string }) => `别名“*${p.alias}”引用了包含它自身的内容（循环引用）`,
    en: (p: { alias: string }) => `alias "*${p.alias}" refers to a node that contains it (a cycle)`,
    hint: () => ({ zh: '把数据直接写出来，不要用 & 和 * 引用', en: 'write the values out instead of using & anchors and * aliases' }),
  },
  RPT1019: {
    severity: 'error',
    zh: (p: { path: string; reason: string }) => `无法导入“${p.path}”（${p.reason}）`,
    en: (p: { path: string; reasonEn: string }) => `cannot import "${p.path}" (${p.reasonEn})`,
    hint: (p: { cause: ImportCause }) => IMPORT_FAILURE_HINTS[p.cause],
  },
  RPT1035: {
    severity: 'error',
    // `fields`: the fields of the imported YAML that lost text here (lost-text.ts); '' when none holds it
    // (a heading, a table label, markup), and then `excerpt`, the source's text around the place.
    zh: (p: { path: string; line: number; column: number; encoding: string; fields: string; excerpt: string }) =>
      `“${p.path}”第 ${p.line} 行第 ${p.column} 列有不是 ${p.encoding} 的字节，这里的文字读不出来` +
      (p.fields !== ''
        ? `：导入的 YAML 中${p.fields}缺了这些字`
        : p.excerpt !== ''
          ? `（“${p.excerpt}”：这段文字不在导入的 YAML 中，如标题、表格的行名）`
          : ''),
    en: (p: { path: string; line: number; column: number; encoding: string; fieldsEn: string; excerpt: string }) =>
      `"${p.path}" line ${p.line}, column ${p.column}: bytes that are not ${p.encoding}; the text here cannot be read` +
      (p.fieldsEn !== ''
        ? `: the imported YAML lacks it at ${p.fieldsEn}`
        : p.excerpt !== ''
          ? ` ("${p.excerpt}": text the YAML does not hold, such as a heading or a table's row label)`
          : ''),
    hint: () => ({
      zh: '导入的 YAML 中缺字的地方以 \ufffd 标出、并加了注释：对照原文补全，或把原文件另存为 UTF-8 后重新导入',
      en: 'the imported YAML marks the lost text with \ufffd and a comment: complete it from the original, or save the source as UTF-8 and import again',
    }),
  },
  RPT1030: {
    // The severity printed is that of the diagnostics summarised (print-*.ts via summarise.ts).
    severity: 'error',
    zh: (p: { count: number; code: string }) => `另有 ${p.count} 处同类问题（${p.code}）`,
    en: (p: { count: number; code: string }) => `${p.count} more like this (${p.code})`,
    hint: () => ({
      zh: '上面同类问题的改法也适用于这些地方；加 --json 可列出每一处的行号、列号',
      en: 'the fix shown above applies to each of them; --json lists every place with its line and column',
    }),
  },
  RPT1031: {
    severity: 'error',
    zh: (p: { limit: number }) => `YAML 别名（*引用）过多（超过 ${p.limit} 个）`,
    en: (p: { limit: number }) => `too many YAML aliases (more than ${p.limit})`,
    hint: () => ({ zh: '把数据直接写出来，不要用 & 和 * 引用', en: 'write the values out instead of using & anchors and * aliases' }),
  },
  RPT1032: {
    severity: 'error',
    zh: (p: { limit: number; what: 'items' | 'lines' }) => `报告过长：超过 ${p.limit} ${p.what === 'lines' ? '行' : '个值、键或列表项'}，从这里起未再检查`,
    en: (p: { limit: number; what: 'items' | 'lines' }) =>
      `the report is too long: more than ${p.limit} ${p.what === 'lines' ? 'lines' : 'values, keys or list entries'}; not checked from here on`,
    hint: () => ({
      zh: '一份年度报告只有几百行、几百项：检查从这里起是否误粘贴了大量数据（如整张表格、一长串数字或空行）',
      en: 'a report has a few hundred lines and items: look from here for data pasted by mistake (a whole spreadsheet, a long run of numbers or blank lines)',
    }),
  },

  // --- RPT1020–1029: what nianbao reads and writes must be regular files (src/host.ts) ---------
  RPT1020: {
    severity: 'error',
    zh: (p: { path: string }) => `“${p.path}”不是普通文件（设备、管道或套接字），未读取`,
    en: (p: { path: string }) => `"${p.path}" is not a regular file (a device, pipe or socket); it was not read`,
    hint: () => ({
      zh: '给出保存在磁盘上的文件；从管道读取报告请用 - 表示标准输入',
      en: 'name a file saved on disk; to read a report from a pipe, give - for standard input',
    }),
  },
  RPT1021: {
    severity: 'error',
    zh: (p: { path: string }) => `输出“${p.path}”已存在且不是普通文件（文件夹、设备或管道），未写入`,
    en: (p: { path: string }) => `the output "${p.path}" exists and is not a regular file (a folder, device or pipe); nothing was written`,
    hint: () => ({ zh: '用 -o 另选一个文件名', en: 'choose another file name with -o' }),
  },
  RPT1022: {
    severity: 'error',
    zh: (p: { path: string }) => `输出“${p.path}”就是本次读取的输入文件，未写入`,
    en: (p: { path: string }) => `the output "${p.path}" is an input of this run; nothing was written`,
    hint: () => ({
      zh: '用 -o 另选一个文件名：写到输入上会毁掉原文件',
      en: 'choose another file name with -o: writing over an input would destroy it',
    }),
  },

  // --- RPT1040–1059: YAML mistakes a clerk makes, said at the mistake with its fix --------------
  RPT1040: {
    severity: 'error',
    zh: (p: { key: string }) => `“${p.key}”的文字中有英文冒号加空格，YAML 把冒号前的文字当成了另一个键`,
    en: (p: { key: string }) => `the text of "${p.key}" holds an ASCII colon and space, which YAML reads as another key`,
    hint: (p: { key: string; quoted: string; fullWidth: string }) => ({
      zh: `把整段文字加上双引号：${p.key}: ${p.quoted}；或改用中文冒号：${p.key}: ${p.fullWidth}`,
      en: `put the whole text in double quotes, ${p.key}: ${p.quoted}, or write its colon full-width: "${p.key}: ${p.fullWidth}"`,
    }),
  },
  RPT1041: {
    severity: 'error',
    zh: (p: { quote: string }) => `此处开始的引号 ${p.quote} 没有配对的结束引号`,
    en: (p: { quote: string }) => `the quote ${p.quote} opened here is never closed`,
    hint: (p: { quote: string; other: string }) => ({
      zh: `在这段文字末尾补上 ${p.quote}；文字本身含有 ${p.quote} 时，改用 ${p.other} 括起整段文字`,
      en: `add ${p.quote} at the end of the text; if the text itself holds ${p.quote}, quote it with ${p.other} instead`,
    }),
  },
  RPT1042: {
    severity: 'error',
    zh: (p: { open: string; close: string }) => `此处开始的“${p.open}”没有配对的“${p.close}”`,
    en: (p: { open: string; close: string }) => `the "${p.open}" opened here is never closed with "${p.close}"`,
    hint: (p: { close: string }) => ({
      zh: `在最后一项之后补上“${p.close}”（写在同一行）`,
      en: `add "${p.close}" after the last item (on the same line)`,
    }),
  },
  RPT1043: {
    severity: 'error',
    zh: (p: { encoding: string; bytes: string }) => `此处的字节 ${p.bytes} 不是有效的 ${p.encoding} 编码（文件已损坏或混用了编码）`,
    en: (p: { encoding: string; bytes: string }) => `the bytes ${p.bytes} here are not valid ${p.encoding} (a damaged file or mixed encodings)`,
    hint: () => ({
      zh: '在编辑器中打开文件，重新输入此处的文字，另存为 UTF-8 编码（记事本：另存为 → 编码选 UTF-8）',
      en: 'open the file in an editor, retype the text here and save it as UTF-8 (Notepad: Save As → Encoding UTF-8)',
    }),
  },
  RPT1044: {
    severity: 'error',
    zh: (p: { path: string; kind: string }) => `“${p.path}”是${p.kind}文件，不是 YAML 报告文件`,
    en: (p: { path: string; kindEn: string }) => `"${p.path}" is a ${p.kindEn} file, not a YAML report file`,
    hint: (p: { path: string }) => ({
      zh: `已发布的报告先转成 YAML：report import ${p.path}，再检查生成的 .yaml 文件`,
      en: `convert a published report to YAML first: report import ${p.path}, then check the .yaml it writes`,
    }),
  },

  // --- RPT2xxx: schema ------------------------------------------------------------------------
  RPT2001: {
    severity: 'error',
    zh: (p: { key: string; title: string }) => `缺少“${p.key}”（${p.title}）`,
    en: (p: { key: string; titleEn: string }) => `missing "${p.key}" (${p.titleEn})`,
    hint: (p: { key: string }) => ({
      zh: `在此处加上 ${p.key}: …；report init 生成的模板含有全部必填项`,
      en: `add ${p.key}: … here; a \`report init\` template has every required key`,
    }),
  },
  RPT2002: {
    severity: 'error',
    zh: (p: { title: string; expected: string; actual: string }) => `“${p.title}”应为${p.expected}，实际写的是${p.actual}`,
    en: (p: { titleEn: string; expectedEn: string; actualEn: string }) => `"${p.titleEn}" must be ${p.expectedEn}, found ${p.actualEn}`,
    hint: (p: { hintZh: string; hintEn: string }) => ({ zh: p.hintZh, en: p.hintEn }),
  },
  RPT2003: {
    severity: 'error',
    zh: (p: { key: string; suggestion?: string }) => `未知的键“${p.key}”` + (p.suggestion ? `，是否想写“${p.suggestion}”？` : ''),
    en: (p: { key: string; suggestion?: string }) => `unknown key "${p.key}"` + (p.suggestion ? ` (did you mean "${p.suggestion}"?)` : ''),
    hint: (p: { allowed: string }) => ({ zh: `此处可用的键：${p.allowed}`, en: `keys allowed here: ${p.allowed}` }),
  },
  RPT2004: {
    severity: 'error',
    zh: (p: { actual: string }) => `不支持的格式版本 ${p.actual}`,
    en: (p: { actual: string }) => `unsupported format version ${p.actual}`,
    hint: () => ({
      zh: `写 format: "${DEFAULT_FORMAT.id}"（${DEFAULT_FORMAT.basis}格式）`,
      en: `write format: "${DEFAULT_FORMAT.id}" (the ${DEFAULT_FORMAT.id} national format)`,
    }),
  },
  RPT2005: {
    severity: 'error',
    zh: (p: { title: string; text: string }) => `“${p.title}”写成了文字 "${p.text}"，应为数字`,
    en: (p: { titleEn: string; text: string }) => `"${p.titleEn}" is text "${p.text}", not a number`,
    hint: (p: { plain: string }) => ({ zh: `去掉引号，直接写 ${p.plain}`, en: `remove the quotes: ${p.plain}` }),
  },
  RPT2006: {
    severity: 'error',
    zh: (p: { title: string }) => `“${p.title}”是空白，应填数字`,
    en: (p: { titleEn: string }) => `"${p.titleEn}" is blank; a number belongs here`,
    hint: () => ({ zh: '没有数据也要填 0，不要留空或写“/”', en: 'write 0 when there is nothing to report; never leave it blank or write "/"' }),
  },
  RPT2007: {
    severity: 'error',
    zh: (p: { title: string; actual: string }) => `“${p.title}”是件数，应为整数，实际为 ${p.actual}`,
    en: (p: { titleEn: string; actual: string }) => `"${p.titleEn}" is a count and must be a whole number, found ${p.actual}`,
    hint: () => ({ zh: `件数不能有小数；只有“${FEES}”（万元）可以带小数`, en: 'counts have no decimals; only the fee amount (万元) may' }),
  },
  RPT2008: {
    severity: 'error',
    zh: (p: { title: string; actual: string }) => `“${p.title}”不能为负数，实际为 ${p.actual}`,
    en: (p: { titleEn: string; actual: string }) => `"${p.titleEn}" cannot be negative, found ${p.actual}`,
    hint: () => ({ zh: '填 0 或正数', en: 'write 0 or a positive number' }),
  },
  RPT2009: {
    severity: 'error',
    zh: (p: { title: string; actual: string; max: string }) => `“${p.title}”为 ${p.actual}，超过合理上限 ${p.max}`,
    en: (p: { titleEn: string; actual: string; max: string }) => `"${p.titleEn}" is ${p.actual}, above the plausible limit ${p.max}`,
    hint: () => ({ zh: '检查是否多打了数字，或把“元”当成了“万元”', en: 'check for extra digits, or 元 written where 万元 is meant' }),
  },
  RPT2010: {
    severity: 'error',
    zh: (p: { title: string; actual: number; columns: string; min: number; max: number }) => `“${p.title}”有 ${p.actual} 个数，应为 ${p.min} 个或 ${p.max} 个`,
    en: (p: { titleEn: string; actual: number; min: number; max: number }) => `"${p.titleEn}" has ${p.actual} numbers; it needs ${p.min} or ${p.max}`,
    hint: (p: { columns: string; columnsEn: string; min: number; split?: string }) => ({
      zh:
        (p.split ? `“${p.split}”被逗号分成了两个数，不要写千位分隔符：写成 ${p.split.replace(',', '')}；` : '') +
        `依次为：${p.columns}；只写前 ${p.min} 个时总计自动求和`,
      en:
        (p.split ? `"${p.split}" is split in two at the comma; write no thousands separators: ${p.split.replace(',', '')}; ` : '') +
        `in order: ${p.columnsEn}; with ${p.min} numbers the total is computed`,
    }),
  },
  RPT2011: {
    severity: 'error',
    zh: (p: { actual: string }) => `成文日期 ${p.actual} 不是有效日期`,
    en: (p: { actual: string }) => `the date ${p.actual} is not a valid date`,
    hint: () => ({ zh: '写作 年-月-日，例如 date: 2024-01-25', en: 'write it as year-month-day, e.g. date: 2024-01-25' }),
  },
  RPT2012: {
    severity: 'error',
    zh: (p: { title: string }) => `“${p.title}”不能为空`,
    en: (p: { titleEn: string }) => `"${p.titleEn}" cannot be empty`,
    hint: () => ({ zh: '填写内容，或删除这个可选项', en: 'fill it in, or remove the optional key' }),
  },
  RPT2013: {
    severity: 'error',
    zh: () => '小节嵌套超过两层',
    en: () => 'sections nested more than two levels deep',
    hint: () => ({
      zh: '正文只支持（一）和 1. 两级小标题；更深的层次写成段落',
      en: 'text supports two heading levels, （一） and 1.; write deeper levels as paragraphs',
    }),
  },
  RPT2014: {
    severity: 'error',
    zh: (p: { title: string; actual: string; min: string; max: string }) => `“${p.title}”为 ${p.actual}，应在 ${p.min} 到 ${p.max} 之间`,
    en: (p: { titleEn: string; actual: string; min: string; max: string }) => `"${p.titleEn}" is ${p.actual}; it must be between ${p.min} and ${p.max}`,
    hint: () => ({ zh: '检查年份是否写错', en: 'check the year' }),
  },
  RPT2015: {
    severity: 'error',
    zh: (p: { table: string; row: string; columns: string }) => `${p.table}“${p.row}”一行没有填写（${p.columns}都没有数）`,
    en: (p: { tableEn: string; rowEn: string; columnsEn: string }) => `${p.tableEn} row "${p.rowEn}" is blank (no number for ${p.columnsEn})`,
    hint: (p: { zeros: string }) => ({ zh: `没有数据的格子也要填 0：写成 ${p.zeros}`, en: `write 0 where there is nothing to report: ${p.zeros}` }),
  },
  RPT2016: {
    severity: 'error',
    zh: (p: { table: string }) => `${p.table}整张表没有填写`,
    en: (p: { tableEn: string }) => `${p.tableEn} is not filled in`,
    hint: () => ({
      zh: '从 report init 生成的模板中复制这张表的全部行，再填上数字（没有的填 0）',
      en: 'copy all of its rows from a `report init` template and fill in the numbers (0 where there is nothing)',
    }),
  },
  RPT2020: {
    severity: 'error',
    zh: (p: { title: string; written: string; reasonZh: string }) => `“${p.title}”写作 ${p.written}（${p.reasonZh}），不是普通的十进制数`,
    en: (p: { titleEn: string; written: string; reasonEn: string }) => `"${p.titleEn}" is written ${p.written} (${p.reasonEn}), not as a plain decimal number`,
    hint: (p: { plain: string }) => ({ zh: `写成 ${p.plain}`, en: `write ${p.plain}` }),
  },
  RPT2021: {
    severity: 'error',
    zh: (p: { title: string; separatorZh: string }) => `“${p.title}”写成了一段文字，不是一行数（${p.separatorZh}）`,
    en: (p: { titleEn: string; separatorEn: string }) => `"${p.titleEn}" is one piece of text, not a row of numbers (${p.separatorEn})`,
    hint: (p: { fixZh: string; fixEn: string; row: string; countZh: string; countEn: string }) => ({
      zh: `${p.fixZh}，写成 ${p.row}${p.countZh}`,
      en: `${p.fixEn}: ${p.row}${p.countEn}`,
    }),
  },

  // --- RPT3xxx: consistency rules (../shared/TEMPLATE.md §6) ----------------------------------
  RPT3001: {
    severity: 'error',
    rule: 'R1',
    zh: (p: BalanceParams) => `表三勾稽关系在“总计”列不成立：第一项 + 第二项 = ${p.left}，第三项${RESULTS_TOTAL} + 第四项 = ${p.right}`,
    en: (p: BalanceParams) => `table 3 does not balance in the total column: new + carried over = ${p.left}, results total + carried forward = ${p.right}`,
    hint: (p: BalanceParams) => ({
      zh: `四个数中至少有一个有误；若其余三个无误：${p.fixes}`,
      en: `at least one of the four is wrong; if the other three are right: ${p.fixesEn}`,
    }),
  },
  RPT3002: {
    severity: 'error',
    rule: 'R1c',
    zh: (p: BalanceParams) => `表三勾稽关系在“${p.column}”列不成立：第一项 + 第二项 = ${p.left}，第三项${RESULTS_TOTAL} + 第四项 = ${p.right}`,
    en: (p: BalanceParams) =>
      `table 3 does not balance in column "${p.columnEn}": new + carried over = ${p.left}, results total + carried forward = ${p.right}`,
    hint: (p: BalanceParams) => ({
      zh: `四个数中至少有一个有误；若其余三个无误：${p.fixes}`,
      en: `at least one of the four is wrong; if the other three are right: ${p.fixesEn}`,
    }),
  },
  RPT3003: {
    severity: 'error',
    rule: 'R2',
    zh: (p: SumParams) => `${p.cell}的“总计”应为 ${p.expected}，实际为 ${p.actual}`,
    en: (p: SumParams) => `${p.cellEn}: total should be ${p.expected}, found ${p.actual}`,
    hint: (p: SumParams) => ({
      zh: `总计 = ${p.formula}；也可以只写前 6 个数，总计自动求和`,
      en: `total = ${p.formulaEn}; or give only the first 6 numbers and the total is computed`,
    }),
  },
  RPT3004: {
    severity: 'error',
    rule: 'R3',
    zh: (p: SumParams) => `${RESULTS_TOTAL}的“${p.cell}”列应为 ${p.expected}，实际为 ${p.actual}`,
    en: (p: SumParams) => `results total, column "${p.cellEn}": should be ${p.expected}, found ${p.actual}`,
    hint: (p: SumParams) => ({
      zh: `${RESULTS_TOTAL} = （一）至（六）各小项之和：${p.formula}；也可以删去 total，自动求和`,
      en: `results total = the sum of all result rows: ${p.formulaEn}; or delete total and it is computed`,
    }),
  },
  RPT3005: {
    severity: 'error',
    rule: 'R4',
    zh: (p: SumParams) => `${p.cell}的“总计”应为 ${p.expected}，实际为 ${p.actual}`,
    en: (p: SumParams) => `${p.cellEn}: total should be ${p.expected}, found ${p.actual}`,
    hint: (p: SumParams) => ({
      zh: `总计 = ${p.formula}；也可以只写前 4 个数，总计自动求和`,
      en: `total = ${p.formulaEn}; or give only the first 4 numbers and the total is computed`,
    }),
  },
  RPT3007: {
    severity: 'warning',
    rule: 'R7',
    zh: (p: { actual: string }) => `${FEES} ${p.actual} 万元，数额异常大，可能是按“元”填写的`,
    en: (p: { actual: string }) => `administrative fees of ${p.actual} 万元 are implausibly large; probably written in 元`,
    hint: (p: { converted: string }) => ({
      zh: `表中单位是万元：若原数是元，应写 ${p.converted}`,
      en: `the unit is 万元 (10,000 yuan): if this is in yuan, write ${p.converted}`,
    }),
  },
  RPT3008: {
    severity: 'error',
    rule: 'R8',
    zh: (p: { column: string; expected: string; actual: string; previousYear: number }) =>
      `“${CARRIED_OVER}”的“${p.column}”应等于${p.previousYear}年报告的“结转下年度继续办理” ${p.expected}，实际为 ${p.actual}`,
    en: (p: { columnEn: string; expected: string; actual: string; previousYear: number }) =>
      `carried over (${p.columnEn}) must equal the ${p.previousYear} report's carried forward ${p.expected}, found ${p.actual}`,
    hint: (p: { previousFile: string; previousYear: number }) => ({
      zh: `上年结转数取自上一年度报告 ${p.previousFile} 的第四项；若上年报告有误，请同时更正`,
      en: `carried over comes from item 四 of ${p.previousFile} (${p.previousYear}); if last year's report is wrong, correct both`,
    }),
  },
  RPT3009: {
    severity: 'warning',
    rule: 'R9',
    // Last year's figure plus this year's can come out negative: then no single number is proposed.
    zh: (p: { row: string; expected: number; actual: string }) =>
      p.expected >= 0
        ? `“${p.row}”${IN_FORCE.label}按上年推算应为 ${p.expected}，实际为 ${p.actual}`
        : `“${p.row}”的件数前后矛盾：上年现行有效加本年制发少于本年废止`,
    en: (p: { rowEn: string; expected: number; actual: string }) =>
      p.expected >= 0
        ? `${p.rowEn}: in force should be ${p.expected} from last year's figure, found ${p.actual}`
        : `${p.rowEn}: the counts contradict each other: last year in force plus issued is less than repealed`,
    hint: (p: { formula: string; formulaEn: string }) => ({
      zh: `上年现行有效 + 本年制发 − 本年废止：${p.formula}；若有文件失效或重新清理统计，可在正文中说明`,
      en: `last year in force + issued − repealed: ${p.formulaEn}; documents that expired or a re-count can explain a difference`,
    }),
  },
  RPT3010: {
    severity: 'warning',
    rule: 'R10',
    zh: (p: { organ: string }) => `“${p.organ}”一般没有制定规章的权限，规章一行通常应为 0`,
    en: (p: { organ: string }) => `"${p.organ}" normally has no power to make 规章 (rules); the rules row is usually 0`,
    hint: () => ({
      zh: `只有省级、设区的市和自治州人民政府及国务院部门可以制定规章（《立法法》）；${NORMATIVE.label}应填在下一行`,
      en: 'only provincial, districted-city and autonomous-prefecture governments and State Council departments make rules; normative documents go in the next row',
    }),
  },
  RPT3011: {
    severity: 'error',
    rule: 'R11',
    zh: () => `“${PART_HEADINGS[5]}”没有内容`,
    en: () => 'part 六 (other matters) is empty',
    hint: () => ({
      zh: '写 processing_fees: {notices: 0, amount_yuan: 0, collected_yuan: 0} 生成信息处理费的标准表述，或写 other_matters',
      en: 'add processing_fees: {notices: 0, amount_yuan: 0, collected_yuan: 0} for the standard fee sentence, or other_matters',
    }),
  },
  RPT3012: {
    severity: 'warning',
    rule: 'R12',
    zh: (p: { reason: string }) => `第六部分应报告信息处理费收取情况（${p.reason}）`,
    en: (p: { reasonEn: string }) => `part 六 must report the information processing fee (${p.reasonEn})`,
    hint: () => ({
      zh: '填写 processing_fees：发出收费通知件数、通知金额和实际收取金额（元），按国办函〔2020〕109号',
      en: 'fill in processing_fees: notices issued, their amount and the amount collected (yuan), per 国办函〔2020〕109号',
    }),
  },
  RPT3013: {
    severity: 'warning',
    rule: 'R13',
    zh: (p: { date: string; deadline: string; who: string }) => `成文日期 ${p.date} 晚于${p.who}年度报告的公布期限 ${p.deadline}`,
    en: (p: { date: string; deadline: string; whoEn: string }) => `the date ${p.date} is after the deadline for ${p.whoEn} reports, ${p.deadline}`,
    hint: () => ({
      zh: '《条例》第四十九条：政府部门 1月31日前、本级人民政府 3月31日前公布；确认日期是否写错',
      en: 'regulation art. 49: departments publish by 31 January, governments by 31 March; check the date',
    }),
  },
  RPT3014: {
    severity: 'warning',
    rule: 'R14',
    zh: (p: { quote: string; stated: string; table: string; cell: string }) => `正文“${p.quote}”中的 ${p.stated} 与${p.cell}（${p.table}）不一致`,
    en: (p: { quote: string; stated: string; table: string; cellEn: string }) => `the text "${p.quote}" says ${p.stated}, but ${p.cellEn} is ${p.table}`,
    hint: () => ({ zh: '正文与表格应一致：修改正文或表中数字', en: 'text and tables must agree: correct one of them' }),
  },
  RPT3015: {
    severity: 'error',
    zh: (p: { previousYear: number; expectedYear: number }) => `--previous 给出的是 ${p.previousYear} 年度报告，应为 ${p.expectedYear} 年度`,
    en: (p: { previousYear: number; expectedYear: number }) => `--previous names a ${p.previousYear} report; it must be the ${p.expectedYear} report`,
    hint: () => ({ zh: '上年报告的 year 应比本报告小 1', en: "the previous report's year must be one less than this one's" }),
  },
  RPT3016: {
    severity: 'warning',
    rule: 'R13',
    zh: (p: { date: string; year: number }) => `成文日期 ${p.date} 不在统计年度 ${p.year} 年结束之后`,
    en: (p: { date: string; year: number }) => `the date ${p.date} is not after the end of the statistical year ${p.year}`,
    hint: (p: { year: number }) => ({
      zh: `年度报告在次年成文，例如 ${p.year + 1}-01-20`,
      en: `the report is dated in the following year, e.g. ${p.year + 1}-01-20`,
    }),
  },
  RPT3017: {
    severity: 'warning',
    rule: 'R8',
    zh: (p: { organ: string; previousOrgan: string }) => `上年报告的发布机关“${p.previousOrgan}”与本报告“${p.organ}”不同`,
    en: (p: { organ: string; previousOrgan: string }) => `the previous report's organ "${p.previousOrgan}" differs from "${p.organ}"`,
    hint: () => ({
      zh: '跨年度核对只对同一机关有意义：确认 --previous 指向本机关的上年报告',
      en: "cross-year checks compare the same organ: check that --previous is this organ's report",
    }),
  },

  // --- RPT3018–RPT3022: plausibility (warnings): what a reviewer would notice, with last year's report or the folder's others
  RPT3018: {
    severity: 'warning',
    rule: 'P1',
    zh: (p: { item: string; previousYear: number; before: number; after: number; change: string }) =>
      `${p.item}由${p.previousYear}年的 ${p.before} 变为 ${p.after}（${p.change}），变化异常大`,
    en: (p: { itemEn: string; previousYear: number; before: number; after: number; changeEn: string }) =>
      `${p.itemEn} went from ${p.before} in ${p.previousYear} to ${p.after} (${p.changeEn}), an unusually large change`,
    hint: () => ({
      zh: '核对两年的这个数：是否多写或少写了一位、填错了行或列；确属实情的，可在正文中说明原因',
      en: 'check this figure in both years: a digit too many or too few, a wrong row or column; if it is true, the text can explain why',
    }),
  },
  RPT3019: {
    severity: 'warning',
    rule: 'P2',
    zh: (p: { part: string; previousYear: number; similarity: number; length: number }) =>
      p.similarity === 100
        ? `“${p.part}”的文字（${p.length} 字）与${p.previousYear}年报告完全相同`
        : `“${p.part}”的文字（${p.length} 字）与${p.previousYear}年报告几乎相同（相似度 ${p.similarity}%）`,
    en: (p: { partEn: string; previousYear: number; similarity: number; length: number }) =>
      p.similarity === 100
        ? `the text of ${p.partEn} (${p.length} characters) is the same as in the ${p.previousYear} report`
        : `the text of ${p.partEn} (${p.length} characters) is almost the same as in the ${p.previousYear} report (${p.similarity}% alike)`,
    hint: () => ({
      zh: '年度报告应写本年度的工作：改写这一部分（沿用上年文字时，其中的年份、数字和事项多半已经不对）',
      en: "an annual report describes this year's work: rewrite this part (years, figures and events copied from last year are mostly wrong now)",
    }),
  },
  RPT3020: {
    severity: 'warning',
    rule: 'P3',
    zh: (p: { quote: string; stated: string; year: number }) => `报告中“${p.quote}”写的是 ${p.stated} 年，本报告是 ${p.year} 年度报告`,
    en: (p: { quote: string; stated: string; year: number }) => `the report's words "${p.quote}" name ${p.stated}, but this is the ${p.year} report`,
    hint: (p: { year: number }) => ({
      zh: `统计期限应为 ${p.year}年1月1日至${p.year}年12月31日；从上年报告改写时，请核对正文中的每一个年份`,
      en: `the reporting period is 1 January to 31 December ${p.year}; when a report is rewritten from last year's, check every year in its text`,
    }),
  },
  RPT3021: {
    severity: 'warning',
    rule: 'P4',
    zh: (p: { ratio: string; value: string; part: number; whole: number; count: number; year: number; median: string }) =>
      `${p.ratio}为 ${p.value}（${p.part}/${p.whole}），远离同一批 ${p.count} 份 ${p.year} 年度报告的中位数 ${p.median}`,
    en: (p: { ratioEn: string; value: string; part: number; whole: number; count: number; year: number; median: string }) =>
      `${p.ratioEn} is ${p.value} (${p.part}/${p.whole}), far from the median ${p.median} of the ${p.count} reports of ${p.year} checked together`,
    hint: () => ({
      zh: '核对表三：是否有数填错了行（如“予以公开”与“部分公开”对调）或漏填；确属实情的不必改',
      en: 'check table 3 for figures in the wrong row (e.g. disclosed and partially disclosed swapped) or left out; if it is true, leave it',
    }),
  },
  RPT3022: {
    severity: 'warning',
    zh: (p: { organ: string; year: number; others: string }) => `“${p.organ}”的 ${p.year} 年度报告不止一份（还有 ${p.others}），未做跨年度核对`,
    en: (p: { organ: string; year: number; others: string }) =>
      `there is more than one ${p.year} report of "${p.organ}" (also ${p.others}); no cross-year checks were made`,
    hint: () => ({
      zh: '一个机关每年一份报告：去掉重复的文件，或核对 organ 和 year 是否写错',
      en: 'an organ has one report a year: leave out the duplicate, or check organ and year',
    }),
  },

  // --- RPT4xxx: report import (where a published report departs from the national format) ------
  RPT4001: {
    severity: 'warning',
    zh: (p: PlaceParams & { written: string }) => `${placeZh(p)}数字格写作“${p.written}”，按 0 读入`,
    en: (p: PlaceParams & { written: string }) => `${atEn(p)}a number cell reads "${p.written}"; read as 0`,
    hint: () => ({
      zh: '格式要求没有数据的格子填 0；核实原文此处确实为零',
      en: 'the format prints 0 where there is nothing; check that the source means zero',
    }),
  },
  RPT4002: {
    severity: 'warning',
    zh: (p: PlaceParams & { written: string }) => `${placeZh(p)}数字格写作“${p.written}”，无法读出数值，留空（null）`,
    en: (p: PlaceParams & { written: string }) => `${atEn(p)}a number cell reads "${p.written}", not a number; left null`,
    hint: () => ({ zh: '对照原文填上这个数（没有的填 0）', en: 'fill in the number from the source (0 where there is nothing)' }),
  },
  RPT4003: {
    severity: 'warning',
    zh: (p: PlaceParams & { row: string }) => `${placeZh(p)}表中缺少“${p.row}”一行，留空（null）`,
    en: (p: PlaceParams & { row: string }) => `${atEn(p)}the table lacks the row "${p.row}"; left null`,
    hint: () => ({ zh: '对照原文填上这一行的数（没有的填 0）', en: 'fill in the row from the source (0 where there is nothing)' }),
  },
  RPT4004: {
    severity: 'warning',
    zh: (p: PlaceParams & { row: string; found: number; expected: number }) =>
      `${placeZh(p)}“${p.row}”一行只有 ${p.found} 个数，应为 ${p.expected} 个，各数属于哪一列无法确定，整行留空（null）`,
    en: (p: PlaceParams & { row: string; found: number; expected: number }) =>
      `${atEn(p)}the row "${p.row}" has ${p.found} numbers, not ${p.expected}; which column each is in is not certain, so the row is null`,
    hint: checkSource,
  },
  RPT4005: {
    severity: 'warning',
    zh: (p: PlaceParams & { heading: string }) => `${placeZh(p)}未找到第${p.heading.slice(0, 1)}部分“${p.heading}”`,
    en: (p: PlaceParams & { heading: string; part: number }) => `${atEn(p)}part ${p.part} "${p.heading}" not found`,
    hint: () => ({
      zh: '六个部分缺一不可（《条例》第五十条）：对照原文补上这一部分',
      en: 'all six parts are required (regulation art. 50): add this part from the source',
    }),
  },
  RPT4006: {
    severity: 'warning',
    zh: (p: PlaceParams & { numeral: string }) => `${placeZh(p)}标题缺少序号“${p.numeral}、”`,
    en: (p: PlaceParams & { numeral: string; part: number }) => `${atEn(p)}the heading of part ${p.part} lacks its numeral ${p.numeral}`,
    hint: () => ({ zh: '生成的报告按格式印出完整标题，无需修改', en: 'the built report prints the full heading; nothing to change' }),
  },
  RPT4007: {
    severity: 'warning',
    zh: (p: PlaceParams & { written: string; numeral: string }) => `${placeZh(p)}标题序号为“${p.written}”，应为“${p.numeral}”`,
    en: (p: PlaceParams & { written: string; numeral: string; part: number }) =>
      `${atEn(p)}the heading of part ${p.part} is numbered ${p.written}, not ${p.numeral}`,
    hint: () => ({ zh: '生成的报告按格式印出正确序号，无需修改', en: 'the built report prints the right numeral; nothing to change' }),
  },
  RPT4008: {
    severity: 'warning',
    zh: (p: PlaceParams & { written: string; heading: string }) => `${placeZh(p)}标题写作“${p.written}”，格式规定为“${p.heading}”`,
    en: (p: PlaceParams & { written: string; heading: string }) => `${atEn(p)}the heading reads "${p.written}"; the format prescribes "${p.heading}"`,
    hint: () => ({ zh: '生成的报告按格式印出规定的标题，无需修改', en: 'the built report prints the prescribed heading; nothing to change' }),
  },
  RPT4009: {
    severity: 'warning',
    zh: (p: PlaceParams & { heading: string; after: string }) => `${placeZh(p)}“${p.heading}”排在“${p.after}”之后，顺序不对`,
    en: (p: PlaceParams & { heading: string; after: string }) => `${atEn(p)}"${p.heading}" comes after "${p.after}", out of order`,
    hint: () => ({ zh: '已按内容归入正确的部分；生成的报告按格式顺序排列', en: 'its text went to the right part; the built report prints the parts in order' }),
  },
  RPT4010: {
    severity: 'warning',
    zh: (p: PlaceParams) => `${placeZh(p)}未找到成文日期`,
    en: (p: PlaceParams) => `${atEn(p)}no date found`,
    hint: () => ({ zh: '填写 date: 年-月-日，例如 date: 2024-01-25', en: 'fill in date: year-month-day, e.g. date: 2024-01-25' }),
  },
  RPT4011: {
    severity: 'warning',
    zh: (p: PlaceParams) => `${placeZh(p)}未找到落款机关`,
    en: (p: PlaceParams) => `${atEn(p)}no signature (organ) found`,
    hint: () => ({ zh: '填写 organ: 发布机关全称', en: 'fill in organ: the full name of the publishing organ' }),
  },
  RPT4012: {
    severity: 'warning',
    zh: (p: PlaceParams) => `${placeZh(p)}标题中未找到年度`,
    en: (p: PlaceParams) => `${atEn(p)}no year in the title`,
    hint: () => ({ zh: '核实 year（报告的统计年度，通常是成文日期的上一年）', en: 'check year (the statistical year, usually the year before the date)' }),
  },
  RPT4013: {
    severity: 'warning',
    zh: (p: PlaceParams & { table: string; sign: string }) => `${placeZh(p)}${p.table}是 2019 年试行格式（“${p.sign}”），不是 2021 年格式`,
    en: (p: PlaceParams & { tableEn: string; sign: string }) => `${atEn(p)}${p.tableEn} is in the 2019 trial format ("${p.sign}"), not the 2021 format`,
    hint: () => ({
      zh: `能对应到 2021 年格式的数已读入，不能对应的留空（null）并加注释：按 2021 年格式（${DEFAULT_FORMAT.basis}）补齐`,
      en: 'numbers that map onto the 2021 rows were read, the others are null with a comment: complete them in the 2021 format',
    }),
  },
  RPT4014: {
    severity: 'warning',
    zh: (p: PlaceParams & { label: string }) => `${placeZh(p)}2019 年格式中没有与“${p.label}”对应的数，留空（null）`,
    en: (p: PlaceParams & { label: string }) => `${atEn(p)}the 2019 format has no number for "${p.label}"; left null`,
    hint: () => ({ zh: '按 2021 年格式的含义填写此处的数', en: 'fill in this value as the 2021 format defines it' }),
  },
  RPT4015: {
    severity: 'warning',
    zh: (p: PlaceParams & { row: string; count: number }) => `${placeZh(p)}“${p.row}”的数字连在一起（${p.count} 位数字），无法分到各格，留空（null）`,
    en: (p: PlaceParams & { row: string; count: number }) =>
      `${atEn(p)}the numbers of "${p.row}" run together (${p.count} digits) and cannot be split into cells; left null`,
    hint: checkSource,
  },
  RPT4016: {
    severity: 'warning',
    zh: (p: PlaceParams & { found: number; expected: number }) => `${placeZh(p)}表四有 ${p.found} 个数，应为 ${p.expected} 个，无法对应到各格的留空（null）`,
    en: (p: PlaceParams & { found: number; expected: number }) =>
      `${atEn(p)}table 四 has ${p.found} numbers, not ${p.expected}; those that cannot be placed are null`,
    hint: checkSource,
  },
  RPT4017: {
    severity: 'warning',
    zh: (p: PlaceParams & { row: string; rows: number }) => `${placeZh(p)}“${p.row}”一格合并了应分开的 ${p.rows} 行，各行留空（null）`,
    en: (p: PlaceParams & { row: string; rows: number }) =>
      `${atEn(p)}one merged cell at "${p.row}" covers ${p.rows} rows that should be separate; each is null`,
    hint: checkSource,
  },
  RPT4018: {
    severity: 'warning',
    zh: (p: PlaceParams) => `${placeZh(p)}数字格是空白，留空（null）`,
    en: (p: PlaceParams) => `${atEn(p)}a number cell is blank; left null`,
    hint: () => ({
      zh: '格式要求每格都有数，没有的填 0：对照原文填写',
      en: 'the format has a number in every cell, 0 where there is nothing: fill it in from the source',
    }),
  },

  RPT4021: {
    severity: 'warning',
    zh: (p: PlaceParams & { printed: string; row: string }) => `${placeZh(p)}行名印作“${p.printed}”，按格式的“${p.row}”一行读入`,
    en: (p: PlaceParams & { printed: string; row: string }) => `${atEn(p)}the row label is printed "${p.printed}"; read as the format's row "${p.row}"`,
    hint: () => ({
      zh: '核对这些数确属这一行；生成的报告印出格式规定的行名',
      en: "check that the numbers belong to this row; the built report prints the format's label",
    }),
  },
  RPT4022: {
    severity: 'warning',
    zh: (p: PlaceParams & { printed: string; row: string; candidates: string }) =>
      `${placeZh(p)}行名“${p.printed}”与格式的${p.candidates}同样相近，无法确定是哪一行，“${p.row}”一行留空（null）`,
    en: (p: PlaceParams & { printed: string; row: string; candidates: string }) =>
      `${atEn(p)}the row label "${p.printed}" is as near to ${p.candidates} of the format; which row it is is not certain, so "${p.row}" is null`,
    hint: () => ({ zh: '对照原文确定这一行是哪一行，填上它的数', en: 'tell from the source which row this is and fill in its numbers' }),
  },
  RPT4023: {
    severity: 'warning',
    zh: (p: PlaceParams & BlankRegionParams) => `${placeZh(p)}${p.table}${p.region}空白（${p.count} 格），留空（null）`,
    en: (p: PlaceParams & BlankRegionParams) => `${atEn(p)}${p.tableEn} ${p.regionEn} blank (${p.count} cells); left null`,
    hint: () => ({
      zh: '原报告空白处若就是 0，核实后用 report import --blank-as-zero 按 0 读入；否则对照原文填写',
      en: 'if the report left them blank for 0, confirm and import with --blank-as-zero; otherwise fill them in from the source',
    }),
  },
  RPT4024: {
    severity: 'warning',
    zh: (p: PlaceParams & BlankRegionParams) => `${placeZh(p)}${p.table}${p.region}空白（${p.count} 格），按 0 读入（--blank-as-zero）`,
    en: (p: PlaceParams & BlankRegionParams) =>
      `${atEn(p)}${[p.tableEn, p.regionEn].filter(Boolean).join(' ')} blank (${p.count} cell${p.count === 1 ? '' : 's'}); read as 0 (--blank-as-zero)`,
    hint: () => ({ zh: '核实原报告这些空白确实表示 0', en: 'check that the report means 0 by these blanks' }),
  },
  RPT4025: {
    severity: 'error',
    zh: (p: BlankRegionParams) => `${p.table}${p.region}空白（${p.count} 格），应填数字`,
    en: (p: BlankRegionParams) => `${p.tableEn} ${p.regionEn} blank (${p.count} cells); numbers belong there`,
    hint: () => ({ zh: '没有数据也要填 0，不要留空或写“/”', en: 'write 0 when there is nothing to report; never leave it blank or write "/"' }),
  },
  RPT4026: {
    severity: 'warning',
    zh: (p: PlaceParams & { row: string; reason: string }) => `${placeZh(p)}“${p.row}”一行的格无法确定各属哪一列（${p.reason}），整行留空（null）`,
    en: (p: PlaceParams & { row: string; reasonEn: string }) =>
      `${atEn(p)}which column each cell of the row "${p.row}" is in is not certain (${p.reasonEn}); the row is null`,
    hint: checkSource,
  },

  RPT4035: {
    severity: 'warning',
    zh: (p: PlaceParams & { missing: string; position: 'after' | 'before' }) =>
      `${placeZh(p)}缺少印着页码 ${p.missing} 的页（应在本页${p.position === 'after' ? '之后' : '之前'}），这里的文字和表格可能不全`,
    en: (p: PlaceParams & { missing: string; position: 'after' | 'before' }) =>
      `${atEn(p)}the page printed ${p.missing} is missing (it comes ${p.position} this page); the text and tables here may be incomplete`,
    hint: () => ({
      zh: '找到完整的原文（重新下载或向发布机关索取），补上缺页中的文字和数',
      en: 'get the complete report (download it again or ask the publisher) and fill in what the missing page holds',
    }),
  },
  RPT4036: {
    severity: 'warning',
    zh: (p: RepeatedPageParams) => `${placeZh(p)}与第 ${p.original} 页相同（都印着页码 ${p.number}），是重复的页，只读入一次`,
    en: (p: RepeatedPageParams) => `${atEn(p)}the same as page ${p.original} (both printed ${p.number}): a repeated page, read once`,
    hint: () => ({
      zh: '无需修改；发布的文件多了一页，可告知发布机关',
      en: 'nothing to change; the published file has a page twice, which the publisher may want to know',
    }),
  },
  RPT4037: {
    severity: 'warning',
    zh: (p: RepeatedPageParams) => `${placeZh(p)}与第 ${p.original} 页印着同一页码 ${p.number}，但文字不同，两页都读入`,
    en: (p: RepeatedPageParams) => `${atEn(p)}printed ${p.number}, the number of page ${p.original} too, with other text; both pages are read`,
    hint: () => ({
      zh: '对照原文核实这两页的顺序和内容，删去重复读入的文字',
      en: 'check the two pages against the source and delete text read twice',
    }),
  },
  RPT4038: {
    severity: 'warning',
    zh: (p: PlaceParams & { order: string }) => `${placeZh(p)}页面顺序与印出的页码不符（文件中依次为 ${p.order}），已按页码的顺序读入`,
    en: (p: PlaceParams & { order: string }) => `${atEn(p)}the pages are out of their printed order (the file has ${p.order}); read in the printed order`,
    hint: () => ({
      zh: '核对读入的文字和表格；发布的文件页序有误，可告知发布机关',
      en: 'check the text and tables read; the published file has its pages out of order, which the publisher may want to know',
    }),
  },
  RPT4039: {
    severity: 'warning',
    zh: (p: PlaceParams & { order: string; reason: string }) =>
      `${placeZh(p)}页面顺序与印出的页码不符（文件中依次为 ${p.order}），${p.reason}，无法确定正确顺序，按文件的顺序读入`,
    en: (p: PlaceParams & { order: string; reasonEn: string }) =>
      `${atEn(p)}the pages are out of their printed order (the file has ${p.order}); ${p.reasonEn}, so the right order is not certain: read in the file's order`,
    hint: () => ({
      zh: '对照原文把错位页上的文字移到所属的部分，核对表格的数',
      en: 'move the text of the misplaced pages to the parts it belongs to, and check the tables against the source',
    }),
  },

  // --- RPT5xxx: output ------------------------------------------------------------------------
  RPT5001: {
    severity: 'error',
    zh: (p: { path: string; reason: string }) => `无法写入“${p.path}”（${p.reason}）`,
    en: (p: { path: string; reasonEn: string }) => `cannot write "${p.path}" (${p.reasonEn})`,
    hint: () => ({
      zh: '检查输出目录是否存在、是否有写权限、磁盘是否已满；原有文件未被改动',
      en: 'check the output folder, its permissions and free space; earlier files were left untouched',
    }),
  },
  RPT5002: {
    severity: 'error',
    zh: (p: { path: string }) => `“${p.path}”已存在`,
    en: (p: { path: string }) => `"${p.path}" already exists`,
    hint: () => ({ zh: '换一个文件名（-o），或加 --force 覆盖', en: 'choose another name (-o), or add --force to overwrite it' }),
  },
  RPT5003: {
    severity: 'error',
    zh: (p: { char: string; code: string }) => `没有任何可用字体能显示字符“${p.char}”（${p.code}）`,
    en: (p: { char: string; code: string }) => `no available font can draw "${p.char}" (${p.code})`,
    hint: () => ({
      zh: '改用常用字或标准写法；或用 --font 指定含有该字的字体文件（report fonts 列出正在使用的字体）',
      en: 'use a common form of the character, or name a font that has it with --font (`report fonts` lists the fonts in use)',
    }),
  },
  RPT5004: {
    severity: 'error',
    zh: (p: { path: string; role: string }) => `指定的${p.role}字体文件“${p.path}”不存在`,
    en: (p: { path: string; roleEn: string }) => `the ${p.roleEn} font file "${p.path}" does not exist`,
    hint: () => ({ zh: '检查路径；相对路径以报告文件所在目录为准', en: "check the path; a relative path is relative to the report's folder" }),
  },
  RPT5005: {
    severity: 'error',
    zh: (p: FontFileParams & { what: 'directory' | 'special' }) =>
      `指定的${p.role}字体文件“${p.path}”${p.what === 'directory' ? '是一个目录' : '不是普通文件（是设备或管道）'}`,
    en: (p: FontFileParams & { what: 'directory' | 'special' }) =>
      `the ${p.roleEn} font file "${p.path}" is ${p.what === 'directory' ? 'a folder' : 'not a regular file (a device or a pipe)'}`,
    hint: () => ({ zh: '指定字体文件本身（.ttf、.otf 或 .ttc）', en: 'name the font file itself (.ttf, .otf or .ttc)' }),
  },
  RPT5006: {
    severity: 'error',
    zh: (p: FontFileParams & { sizeMiB: number; limitMiB: number }) => `指定的${p.role}字体文件“${p.path}”太大（${p.sizeMiB} MiB，上限 ${p.limitMiB} MiB）`,
    en: (p: FontFileParams & { sizeMiB: number; limitMiB: number }) =>
      `the ${p.roleEn} font file "${p.path}" is too large (${p.sizeMiB} MiB, the limit is ${p.limitMiB} MiB)`,
    hint: () => ({ zh: '中文字体文件通常为 10–40 MB；请确认指定的是字体文件', en: 'Chinese font files are usually 10–40 MB; check that this is a font file' }),
  },
  RPT5007: {
    severity: 'error',
    zh: (p: FontFileParams) => `指定的${p.role}字体文件“${p.path}”不是字体文件`,
    en: (p: FontFileParams) => `the ${p.roleEn} font file "${p.path}" is not a font (no TrueType or OpenType signature)`,
    hint: () => ({ zh: '指定 TrueType/OpenType 字体文件（.ttf、.otf 或 .ttc）', en: 'name a TrueType or OpenType font file (.ttf, .otf or .ttc)' }),
  },
  RPT5008: {
    severity: 'error',
    zh: (p: FontFileParams) => `指定的${p.role}字体文件“${p.path}”是网页字体（WOFF/WOFF2），不支持`,
    en: (p: FontFileParams) => `the ${p.roleEn} font file "${p.path}" is a web font (WOFF/WOFF2), which is not supported`,
    hint: () => ({ zh: '改用同一字体的 .ttf 或 .otf 文件', en: 'use the .ttf or .otf file of the same font' }),
  },
  RPT5009: {
    severity: 'error',
    zh: (p: FontFileParams & { reason: string }) => `指定的${p.role}字体文件“${p.path}”已损坏，无法读取（${p.reason}）`,
    en: (p: FontFileParams & { reason: string }) => `the ${p.roleEn} font file "${p.path}" is damaged and cannot be read (${p.reason})`,
    hint: () => ({ zh: '重新安装或复制该字体文件，或指定其他字体', en: 'install or copy the font file again, or name another font' }),
  },
  RPT5010: {
    severity: 'error',
    zh: (p: FontFileParams & { reason: string }) => `无法读取指定的${p.role}字体文件“${p.path}”（${systemReason(p.reason, 'zh')}）`,
    en: (p: FontFileParams & { reason: string }) => `cannot read the ${p.roleEn} font file "${p.path}" (${systemReason(p.reason, 'en')})`,
    hint: () => ({ zh: '检查文件的读取权限', en: 'check the permissions of the file' }),
  },
  RPT5011: {
    severity: 'error',
    zh: (p: { reason: string }) => `nianbao 处理此文件时发生内部错误（${p.reason}）`,
    en: (p: { reason: string }) => `nianbao failed on this file with an internal error (${p.reason})`,
    hint: () => ({
      zh: '这是 nianbao 的缺陷，不是报告的问题：请把此信息和报告文件一起报告给维护者；其他文件不受影响',
      en: 'this is a bug in nianbao, not a problem of the report: please report it with this message and the file; other files are not affected',
    }),
  },
  RPT5013: {
    severity: 'warning',
    zh: (p: { path: string }) => `“${p.path}”已存在且不是 nianbao 的报告模式文件，未覆盖；编辑器补全暂不可用`,
    en: (p: { path: string }) => `"${p.path}" exists and is not a nianbao report schema, so it was left as it is; editor completion is not available`,
    hint: () => ({
      zh: '把该文件移走或改名，再在同一文件夹运行 report schema',
      en: 'move or rename that file, then run report schema in the same folder',
    }),
  },

  RPT5014: {
    severity: 'error',
    // About the run's environment, not the file: said once per run like RPT5012.
    scope: 'run',
    zh: (p: { raw: string }) => `环境变量 SOURCE_DATE_EPOCH 应为 1980–2107 年之间某一时刻的秒数（十进制整数），实际为“${p.raw}”`,
    en: (p: { raw: string }) =>
      `SOURCE_DATE_EPOCH must be whole seconds since 1970 for a moment from 1980 to 2107 (what ZIP and PDF dates hold), found "${p.raw}"`,
    hint: () => ({
      zh: '删去这个环境变量（文件日期即报告的成文日期），或设为十进制整数秒，如 1704067200',
      en: "unset it (the files are then dated from the report's date) or give whole seconds, e.g. 1704067200",
    }),
  },

  RPT5012: {
    severity: 'warning',
    // About the machine, not the file: printed once per run (cli/report-diagnostics.ts).
    scope: 'run',
    zh: (p: StandInParams) => `本机未安装格式要求的字体，PDF 中${p.standIns}`,
    en: (p: StandInParams) => `the format's typefaces are not installed on this machine; in the PDF ${p.standInsEn}`,
    hint: (p: StandInParams) => ({
      zh: `安装 ${p.install} 后重新生成；或用 --font ${p.role}=字体文件 指定（report fonts 列出正在使用的字体）`,
      en: `install ${p.installEn} and build again, or name a font file with --font ${p.role}=FILE (\`report fonts\` lists the fonts in use)`,
    }),
  },

  // --- RPT6xxx: collecting reports (report sum) -----------------------------------------------
  RPT6001: {
    severity: 'error',
    zh: (p: { years: string }) => `要汇总的报告年度不一致（${p.years}）`,
    en: (p: { years: string }) => `the reports to sum are of different years (${p.years})`,
    hint: () => ({ zh: '只汇总同一年度的报告', en: 'sum only reports of the same year' }),
  },
  RPT6002: {
    severity: 'error',
    zh: (p: { errors: number }) => `此报告有 ${p.errors} 个错误，不能汇总`,
    en: (p: { errors: number }) => `this report has ${p.errors} errors and cannot be summed`,
    hint: () => ({
      zh: '先改正此报告；或加 --skip-invalid 不计此报告汇总其余报告（汇总结果将缺少这个部门）',
      en: 'fix this report first, or add --skip-invalid to sum the others without it (the total will lack this department)',
    }),
  },
  RPT6003: {
    severity: 'warning',
    zh: (p: { errors: number }) => `此报告有 ${p.errors} 个错误，未计入汇总（--skip-invalid）`,
    en: (p: { errors: number }) => `this report has ${p.errors} errors and is left out of the sum (--skip-invalid)`,
    hint: () => ({
      zh: '汇总结果缺少这个部门：改正此报告后重新汇总',
      en: 'the total lacks this department: fix the report and sum again',
    }),
  },

  // --- RPT6004–6008: verifying stored outputs against their manifest (report verify) ------------
  RPT6004: {
    severity: 'error',
    zh: (p: { path: string; expected: string; actual: string }) =>
      `“${p.path}”与清单不符（SHA-256 应为 ${p.expected.slice(0, 16)}…，实际为 ${p.actual.slice(0, 16)}…）`,
    en: (p: { path: string; expected: string; actual: string }) =>
      `"${p.path}" does not match the manifest (SHA-256 ${p.actual.slice(0, 16)}…, recorded ${p.expected.slice(0, 16)}…)`,
    hint: () => ({
      zh: '文件在生成后被改动或损坏：从备份恢复，或用原 YAML 重新生成并与清单核对（report verify 清单 报告.yaml）',
      en: 'the file was changed or damaged after it was built: restore it, or rebuild it from its YAML and compare (report verify MANIFEST report.yaml)',
    }),
  },
  RPT6005: {
    severity: 'error',
    zh: (p: { path: string }) => `找不到清单中的文件“${p.path}”`,
    en: (p: { path: string }) => `"${p.path}", listed in the manifest, is not there`,
    hint: () => ({
      zh: '清单中的路径相对于清单所在的文件夹：检查文件是否被移动或删除',
      en: 'paths in the manifest are relative to its folder: check whether the file was moved or deleted',
    }),
  },
  RPT6006: {
    severity: 'error',
    zh: (p: { path: string; yaml: string; why: string }) => `由“${p.yaml}”重新生成的文件与清单中的“${p.path}”不是逐字节相同（${p.why}）`,
    en: (p: { path: string; yaml: string; whyEn: string }) => `rebuilt from "${p.yaml}", "${p.path}" is not byte-identical to the recorded one (${p.whyEn})`,
    hint: () => ({
      zh: '用清单记录的 nianbao 版本和字体文件重新生成；两者都相同时，请把清单和 YAML 一起报告给维护者',
      en: 'rebuild with the nianbao version and font files the manifest records; if both are the same, report the manifest and YAML to the maintainers',
    }),
  },
  RPT6007: {
    severity: 'error',
    zh: (p: { path: string; reason: string }) => `无法读取清单“${p.path}”（${p.reason}）`,
    en: (p: { path: string; reasonEn: string }) => `cannot read the manifest "${p.path}" (${p.reasonEn})`,
    hint: () => ({
      zh: '给出 report build --manifest 写出的 manifest.json、其旁边的 MANIFEST.sha256 或所在文件夹',
      en: 'name the manifest.json that report build --manifest wrote, the MANIFEST.sha256 beside it, or their folder',
    }),
  },
  RPT6008: {
    severity: 'error',
    zh: (p: { path: string; sha256: string }) => `“${p.path}”不是清单中任何报告的源文件（SHA-256 ${p.sha256.slice(0, 16)}… 不在清单中）`,
    en: (p: { path: string; sha256: string }) =>
      `"${p.path}" is not the source of any report in the manifest (SHA-256 ${p.sha256.slice(0, 16)}… is not recorded)`,
    hint: () => ({
      zh: 'YAML 在生成后被改动过，或这不是那份报告：找到生成时的版本（清单记录了它的 SHA-256）',
      en: 'the YAML changed after the build, or it is another report: find the version that was built (the manifest records its SHA-256)',
    }),
  },
  // --- RPT6009–6014: verify stays in the manifest's folder ------------------------------------
  RPT6009: {
    severity: 'error',
    zh: (p: { entry: string }) => `清单中的路径“${p.entry}”指向清单所在文件夹之外，未读取`,
    en: (p: { entry: string }) => `the manifest entry "${p.entry}" points outside the manifest's folder; it was not read`,
    hint: () => ({
      zh: 'report build --manifest 只记录同一文件夹内的相对路径：此清单可能被改动过，请从备份恢复',
      en: 'report build --manifest records only relative paths inside its folder: this manifest may have been altered; restore it',
    }),
  },
  RPT6010: {
    severity: 'error',
    zh: (p: { entry: string; reason: string }) => `清单中的“${p.entry}”无法核对（${p.reason}）`,
    en: (p: { entry: string; reasonEn: string }) => `the manifest entry "${p.entry}" cannot be checked (${p.reasonEn})`,
    hint: () => ({
      zh: '清单列出的应是 report build 写出的 PDF、DOCX 等普通文件：检查该路径上现在是什么',
      en: 'a manifest lists the PDF, DOCX and other regular files report build wrote: check what is at that path now',
    }),
  },
  RPT6011: {
    severity: 'warning',
    zh: (p: { reports: number }) => `此文件夹原有的清单由其他版本或设置生成，其中另外 ${p.reports} 份报告不再列入新清单`,
    en: (p: { reports: number }) =>
      `the folder's earlier manifest was made by another version or with other settings; its ${p.reports} other reports are no longer listed`,
    hint: () => ({
      zh: '用相同的 --format、--pdfa 和 SOURCE_DATE_EPOCH 把这些报告重新生成到此文件夹，或分别生成到不同文件夹',
      en: 'rebuild those reports into this folder with the same --format, --pdfa and SOURCE_DATE_EPOCH, or build them into separate folders',
    }),
  },

  RPT6012: {
    severity: 'error',
    zh: (p: { setting: string; value: string; known: string }) => `生成设置 ${p.setting} 的值“${p.value}”无效，可选：${p.known}`,
    en: (p: { setting: string; value: string; known: string }) => `the build setting ${p.setting} cannot be "${p.value}"; it takes one of ${p.known}`,
    hint: () => ({ zh: '改用所列的值之一；未生成任何文件', en: 'give one of the values listed; nothing was made' }),
  },
} as const;

export type Code = keyof typeof catalog;
