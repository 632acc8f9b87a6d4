/**
 * Stage 2 (check), pure helpers: how a number is written. A count is a plain decimal integer (1234),
 * a fee a plain decimal (378.42); anything else a clerk or a spreadsheet may type — 1e3, 0x10, 012,
 * +5, -0, 5.0, １２, 1,234, 1_000, a row pasted from Excel — is turned into the exact plain text to
 * write instead, so a hint can say “写成 1234” rather than “改为整数”. Imports nothing.
 */

/** Why a written number is not plain. */
export type NumberSpelling =
  'fullwidth' | 'thousands' | 'underscore' | 'hex' | 'octal' | 'exponent' | 'plusSign' | 'negativeZero' | 'leadingZeros' | 'bareDecimalPoint' | 'decimalPoint';

/** Each spelling's name in messages. */
export const SPELLING_NAMES: Record<NumberSpelling, { zh: string; en: string }> = {
  fullwidth: { zh: '全角数字', en: 'full-width digits' },
  thousands: { zh: '千位分隔符', en: 'thousands separators' },
  underscore: { zh: '下划线分隔', en: 'underscores between digits' },
  hex: { zh: '十六进制', en: 'hexadecimal' },
  octal: { zh: '八进制', en: 'octal' },
  exponent: { zh: '科学计数法', en: 'scientific notation' },
  plusSign: { zh: '正号', en: 'a plus sign' },
  negativeZero: { zh: '负零', en: 'negative zero' },
  leadingZeros: { zh: '多余的前导零', en: 'leading zeros' },
  bareDecimalPoint: { zh: '小数点一侧没有数字', en: 'a bare decimal point' },
  decimalPoint: { zh: '件数带小数点', en: 'a decimal point in a count' },
};

/** A number as it should be written; `reason` is set when that differs from how it was written. */
export interface NumberRewrite {
  plain: string;
  reason?: NumberSpelling;
}

/** What a value must be: a count (whole number) or a decimal amount (the fee, 万元). */
export type NumberKind = 'integer' | 'decimal';

const FULLWIDTH = /[０-９．－＋]/;
const THOUSANDS = /^[-+]?\d{1,3}(?:([,，])\d{3})(?:\1\d{3})*(?:\.\d+)?$/;
const UNDERSCORES = /^[-+]?\d+(?:_\d+)+(?:\.\d+)?$/;
const DECIMAL = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/;
/** Exponents beyond this would spell out absurd digit strings; such values fail the range check anyway. */
const MAX_EXPONENT = 30;

/**
 * The plain text for a written number, or undefined when the text is not a number at all, or (for
 * a count) not a whole number — the schema reports that as a fraction, which it is.
 */
export function rewriteNumber(written: string, kind: NumberKind): NumberRewrite | undefined {
  let text = written.trim();
  let reason: NumberSpelling | undefined;
  if (FULLWIDTH.test(text)) {
    text = text.replace(new RegExp(FULLWIDTH.source, 'g'), (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    reason = 'fullwidth';
  }
  if (THOUSANDS.test(text)) {
    text = text.replace(/[,，]/g, '');
    reason ??= 'thousands';
  } else if (UNDERSCORES.test(text)) {
    text = text.replace(/_/g, '');
    reason ??= 'underscore';
  }
  const radix = /^0x([0-9a-fA-F]+)$/.exec(text) ?? /^0o([0-7]+)$/.exec(text);
  if (radix?.[1] !== undefined) {
    const value = parseInt(radix[1], text[1] === 'x' ? 16 : 8);
    return Number.isSafeInteger(value) ? { plain: String(value), reason: reason ?? (text[1] === 'x' ? 'hex' : 'octal') } : undefined;
  }
  const match = DECIMAL.exec(text);
  if (!match || (match[2] === '' && !match[3])) return undefined;
  const [, sign = '', whole = '', fraction, exponent] = match;
  if (exponent !== undefined && Math.abs(Number(exponent)) > MAX_EXPONENT) return undefined;
  const plain = plainDecimal(whole, fraction ?? '', Number(exponent ?? 0));
  const isZero = !/[1-9]/.test(plain);
  const integerPart = plain.split('.')[0] ?? plain;
  const fractionPart = plain.split('.')[1];
  if (kind === 'integer' && fractionPart !== undefined && /[1-9]/.test(fractionPart)) return undefined;
  const unsigned = kind === 'integer' ? integerPart : plain;
  const result = sign === '-' && !isZero ? `-${unsigned}` : unsigned;
  if (result === text) return { plain: result, ...(reason ? { reason } : {}) };
  reason ??=
    exponent !== undefined
      ? 'exponent'
      : sign === '+'
        ? 'plusSign'
        : sign === '-' && isZero
          ? 'negativeZero'
          : whole === '' || fraction === ''
            ? 'bareDecimalPoint'
            : /^0\d/.test(whole)
              ? 'leadingZeros'
              : 'decimalPoint';
  return { plain: result, reason };
}

/**
 * Digits with the decimal point moved by `exponent`, as a plain decimal: no leading zeros, no sign,
 * the fraction's written trailing zeros kept (1.10 stays 1.10: fees are printed as written).
 */
function plainDecimal(whole: string, fraction: string, exponent: number): string {
  const digits = whole + fraction;
  const point = whole.length + exponent;
  const padded = point < 0 ? '0'.repeat(-point) + digits : point > digits.length ? digits + '0'.repeat(point - digits.length) : digits;
  const at = Math.max(point, 0);
  const integerPart = padded.slice(0, at).replace(/^0+(?=\d)/, '') || '0';
  const fractionPart = padded.slice(at);
  return fractionPart === '' ? integerPart : `${integerPart}.${fractionPart}`;
}

/** How the numbers of a table row were separated when the row was written as one piece of text. */
export type RowSeparator = 'tab' | 'fullwidthComma' | 'enumerationComma' | 'comma' | 'space';

/** Each separator, named for a message, and the fix for a hint. */
export const SEPARATOR_TEXT: Record<RowSeparator, { zh: string; en: string; fixZh: string; fixEn: string }> = {
  tab: {
    zh: '数字之间用制表符（Tab）分隔，像是从 Excel 粘贴的',
    en: 'numbers separated by tabs, as pasted from Excel',
    fixZh: '用英文逗号代替制表符（Tab），整行写在方括号里',
    fixEn: 'replace the tabs with commas and put the row in square brackets',
  },
  fullwidthComma: {
    zh: '数字之间用了中文逗号“，”',
    en: 'numbers separated by the Chinese comma “，”',
    fixZh: '用英文逗号“,”代替中文逗号“，”',
    fixEn: 'replace the Chinese commas “，” with ASCII commas',
  },
  enumerationComma: {
    zh: '数字之间用了顿号“、”',
    en: 'numbers separated by the enumeration comma “、”',
    fixZh: '用英文逗号“,”代替顿号“、”',
    fixEn: 'replace the enumeration commas “、” with ASCII commas',
  },
  comma: {
    zh: '逗号分隔的数字没有写在方括号里',
    en: 'comma-separated numbers outside square brackets',
    fixZh: '整行写在方括号里',
    fixEn: 'put the row in square brackets',
  },
  space: {
    zh: '数字之间用空格分隔',
    en: 'numbers separated by spaces',
    fixZh: '用英文逗号代替空格，整行写在方括号里',
    fixEn: 'separate the numbers with commas and put the row in square brackets',
  },
};

/** Separators in the order they are tried: a tab-separated Excel row may hold 1,234 inside a cell. */
const SEPARATORS: readonly [RowSeparator, RegExp][] = [
  ['tab', /\t/],
  ['fullwidthComma', /，/],
  ['enumerationComma', /、/],
  ['comma', /,/],
  ['space', /[ \u3000]/],
];

/** The numbers of a row written as one text ("1\t2\t0", "1，2，0"), or undefined when it is not one. */
export function splitRowText(text: string): { separator: RowSeparator; values: string[] } | undefined {
  const trimmed = text.trim();
  for (const [separator, pattern] of SEPARATORS) {
    if (!pattern.test(trimmed)) continue;
    const parts = trimmed.split(new RegExp(`\\s*${pattern.source}\\s*`)).filter((part) => part !== '');
    const values = parts.map((part) => rewriteNumber(part, 'integer')?.plain);
    if (values.length < 2 || values.some((value) => value === undefined)) return undefined;
    return { separator, values: values as string[] };
  }
  return undefined;
}

/**
 * A table row whose numbers YAML read as text: the row itself a string ("1\t2\t0", `1 2 0`) or a
 * list holding one (`[1，2，0]` is a single item). Undefined unless some text held separated numbers
 * and every piece is a number.
 */
export function splitRow(row: unknown): { separator: RowSeparator; values: string[] } | undefined {
  const items: unknown[] | undefined = typeof row === 'string' ? [row] : Array.isArray(row) ? row : undefined;
  if (!items) return undefined;
  let separator: RowSeparator | undefined;
  const values: string[] = [];
  for (const item of items) {
    const split = typeof item === 'string' ? splitRowText(item) : undefined;
    const single = typeof item === 'number' ? String(item) : typeof item === 'string' ? rewriteNumber(item, 'integer')?.plain : undefined;
    if (split) {
      separator ??= split.separator;
      values.push(...split.values);
    } else if (single !== undefined) {
      values.push(single);
    } else {
      return undefined;
    }
  }
  return separator ? { separator, values } : undefined;
}
