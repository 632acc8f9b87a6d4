/**
 * What each error and warning code of the yaml library means, in both languages, with what to do.
 * The library's own English text never reaches a message: load-yaml.ts passes the code, and the
 * catalogue (RPT1000, RPT1013) words it from this table. `Record<ErrorCode, …>` makes a code added
 * by a yaml upgrade fail to compile until it is worded here.
 */
import type { ErrorCode } from 'yaml';

export interface YamlErrorText {
  zh: string;
  en: string;
  hintZh: string;
  hintEn: string;
}

const CHECK_HERE = {
  hintZh: '检查此处的冒号、缩进、引号和括号；文字中有英文冒号、#、引号或括号时，把整段文字加上双引号',
  hintEn: 'check colons, indentation, quotes and brackets here; quote a text that holds a colon, #, quote or bracket',
};
const PLAIN_YAML = {
  hintZh: '报告文件只需要普通的键、值和列表：删去 &、*、! 和 % 等 YAML 高级写法',
  hintEn: 'a report needs only plain keys, values and lists: remove &, *, ! and % and other advanced YAML',
};

export const YAML_ERRORS: Readonly<Record<ErrorCode, YamlErrorText>> = {
  ALIAS_PROPS: { zh: '别名（*）前不能再加锚点或标签', en: 'an alias (*) cannot have an anchor or tag', ...PLAIN_YAML },
  BAD_ALIAS: { zh: '别名（*）的写法不正确', en: 'malformed alias (*)', ...PLAIN_YAML },
  BAD_DIRECTIVE: { zh: '% 开头的指令行写法不正确', en: 'malformed directive (a line starting with %)', ...PLAIN_YAML },
  BAD_DQ_ESCAPE: {
    zh: '双引号内的反斜杠（\\）转义不正确',
    en: 'bad backslash (\\) escape in a double-quoted text',
    hintZh: '双引号内的反斜杠要写成 \\\\；或改用单引号括起这段文字',
    hintEn: 'write a backslash inside double quotes as \\\\, or quote the text with single quotes',
  },
  BAD_INDENT: {
    zh: '缩进不正确',
    en: 'bad indentation',
    hintZh: '同一层级的键左端对齐，下一层比上一层多缩进两个空格',
    hintEn: 'keys of one level start in the same column; a child is indented two more spaces',
  },
  BAD_PROP_ORDER: { zh: '锚点（&）和标签（!）的位置不正确', en: 'anchor (&) and tag (!) in the wrong place', ...PLAIN_YAML },
  BAD_SCALAR_START: {
    zh: '值不能以这个符号开头（@、` 等是 YAML 的保留符号）',
    en: 'a value cannot start with this character (@ and ` are reserved in YAML)',
    hintZh: '把整段文字加上双引号',
    hintEn: 'put the whole text in double quotes',
  },
  BLOCK_AS_IMPLICIT_KEY: {
    zh: '同一行中出现了第二个“键: 值”（文字中有英文冒号加空格？）',
    en: 'a second "key: value" on one line (an ASCII colon and space inside a text?)',
    hintZh: '文字中的冒号改用中文冒号“：”，或把整段文字加上双引号',
    hintEn: 'use the full-width colon ： in the text, or put the whole text in double quotes',
  },
  BLOCK_IN_FLOW: {
    zh: '方括号或花括号内不能换行缩进写键值',
    en: 'an indented block inside [ ] or { }',
    hintZh: '方括号内的各项写在一行，用逗号分隔',
    hintEn: 'write the items inside brackets on one line, separated by commas',
  },
  DUPLICATE_KEY: {
    zh: '键重复出现',
    en: 'duplicate key',
    hintZh: '同一层级的每个键只能写一次：删除或合并重复的一项',
    hintEn: 'each key may appear once per level: delete or merge the repeated one',
  },
  IMPOSSIBLE: { zh: '无法解析此处内容', en: 'this cannot be parsed', ...CHECK_HERE },
  KEY_OVER_1024_CHARS: {
    zh: '键太长（超过 1024 个字符，或冒号前的文字跨了行）',
    en: 'key longer than 1024 characters (or a text before a colon runs on)',
    ...CHECK_HERE,
  },
  MISSING_CHAR: { zh: '缺少结束的引号或括号', en: 'a closing quote or bracket is missing', ...CHECK_HERE },
  MULTILINE_IMPLICIT_KEY: {
    zh: '键跨了行（上一行的值没有结束，或文字中有英文冒号加空格）',
    en: 'a key runs over more than one line (an unfinished value above, or a colon and space inside a text)',
    ...CHECK_HERE,
  },
  MULTIPLE_ANCHORS: { zh: '一个值有多个锚点（&）', en: 'more than one anchor (&) on a value', ...PLAIN_YAML },
  MULTIPLE_DOCS: {
    zh: '一个文件中写了多份 YAML 文档（出现了第二个 ---）',
    en: 'more than one YAML document (a second ---)',
    hintZh: '每份年度报告单独存为一个文件',
    hintEn: 'keep one report per file',
  },
  MULTIPLE_TAGS: { zh: '一个值有多个标签（!）', en: 'more than one tag (!) on a value', ...PLAIN_YAML },
  NON_STRING_KEY: {
    zh: '键不是普通文字',
    en: 'a key that is not plain text',
    hintZh: '键写成普通文字，不要用列表或花括号作键',
    hintEn: 'write keys as plain text, not lists or braces',
  },
  RESOURCE_EXHAUSTION: {
    zh: '别名（*引用）展开后过大',
    en: 'aliases expand to too much data',
    hintZh: '把数据直接写出来，不要用 & 和 * 反复引用',
    hintEn: 'write the values out instead of nesting & anchors and * aliases',
  },
  TAB_AS_INDENT: {
    zh: '缩进使用了制表符（Tab）',
    en: 'tab used for indentation',
    hintZh: 'YAML 只允许用空格缩进：把 Tab 换成两个空格',
    hintEn: 'YAML indents with spaces only: replace the tab with two spaces',
  },
  TAG_RESOLVE_FAILED: { zh: '无法识别的标签（!）', en: 'unknown tag (!)', ...PLAIN_YAML },
  UNEXPECTED_TOKEN: {
    zh: '此处出现了不该有的符号',
    en: 'unexpected character here',
    ...CHECK_HERE,
  },
  BAD_COLLECTION_TYPE: { zh: '标签（!）与值的类型不符', en: 'the tag (!) does not fit the value', ...PLAIN_YAML },
};
