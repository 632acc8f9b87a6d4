/**
 * Malformed input is caught at load or schema level, at the exact line:column, with a hint that
 * gives the text to write: blank text, numbers not written as plain decimals, rows pasted as text,
 * values that lose leading zeros, control and bidi characters, duplicate keys, tags, and inputs too
 * large or too deep. Nothing wrong reaches a document.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReport } from '../src/check';
import type { Diagnostic } from '../src/diagnostics/diagnostic';
import { displayWidth } from '../src/diagnostics/display-width';
import { escapeForTerminal, escapeJsonInvisibles } from '../src/diagnostics/escape-invisible';
import { printHuman } from '../src/diagnostics/print-human';
import { printJson } from '../src/diagnostics/print-json';
import { nodeHost } from '../src/host';
import { MAX_SOURCE_BYTES } from '../src/source/load-yaml';
import { MAX_ITEMS, MAX_LINES, MAX_NESTING_DEPTH } from '../src/source/scan-tokens';
import type { SourceFile } from '../src/source/source-file';
import { rewriteNumber, splitRow } from '../src/validate/number-spelling';
import { runReport, STACK_FRAME, tempDir } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';

const host = nodeHost();
const seed = fs.readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'), 'utf8');
const dir = tempDir();

/** The seed report with each `from` replaced by `to` (every `from` must occur). */
function variant(name: string, edits: readonly (readonly [string, string])[]): { file: string; text: string } {
  let text = seed;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`test setup: ${JSON.stringify(from)} is not in the seed`);
    text = text.replace(from, to);
  }
  const file = path.join(dir, `${name.replace(/[^\w\u4e00-\u9fff-]/g, '_')}.yaml`);
  fs.writeFileSync(file, text);
  return { file, text };
}

/** line:column of the first occurrence of `needle` (after `after`, when given) in a text. */
function pos(text: string, needle: string, after = ''): string {
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  if (offset < 0) throw new Error(`test setup: ${JSON.stringify(needle)} not found`);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before[before.length - 1] ?? '').length + 1}`;
}

const check = (file: string) => checkReport(host, file).diagnostics;
const placed = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${d.span ? `${d.span.start.line}:${d.span.start.column}` : '-'} ${d.code}`);
const hintOf = (d: Diagnostic | undefined) => d?.hints[0]?.zh;

describe('1. empty or whitespace-only text', () => {
  test.each([
    ['organ', 'organ: 宜春经济技术开发区管理委员会', 'organ: ""', '""'],
    ['title (full-width spaces)', 'title: 宜春经济技术开发区2023年度政府信息公开工作年度报告', 'title: "　　"', '"　　"'],
    ['website', 'website: http://jkq.yichun.gov.cn/', "website: ' '", "' '"],
    ['contact office', 'office: 宜春经济技术开发区管委会办公室', 'office: "\u3000"', '"\u3000"'],
    ['preamble', 'preamble: |', 'preamble: "  "\nx_preamble: |', '"  "'],
    ['a heading', 'heading: 主动公开情况', 'heading: "　"', '"　"'],
    ['a paragraph in a list', '  - |\n    2023年，我区始终坚持', '  - " "\n  - |\n    2023年，我区始终坚持', '" "'],
    ['problems', 'problems: |', 'problems: "\\t"\nx_problems: |', '"\\t"'],
    ['an empty list', 'overview:', 'overview: []\nx_overview:', '[]'],
    ['an empty body', '    body: |\n      2023年，我区未收到', '    body: ""\n    x_body: |\n      2023年，我区未收到', '""'],
  ])('%s', (name, from, to, needle) => {
    const { file, text } = variant(`blank-${name}`, [[from, to]]);
    const diagnostics = check(file).filter((d) => d.code !== 'RPT2003');
    expect(placed(diagnostics)).toEqual([`${pos(text, needle, to)} RPT2012`]);
  });

  test('other_matters written as blank text', async () => {
    const { file, text } = variant('blank-other-matters', [['processing_fees:', 'other_matters: "　"\nprocessing_fees:']]);
    expect(placed(check(file))).toEqual([`${pos(text, '"　"')} RPT2012`]);
  });
});

describe('2. numbers written one way', () => {
  test.each([
    ['1e3', 'licensing: 49255', 'licensing: 1e3', '1000'],
    ['1.5e3', 'licensing: 49255', 'licensing: 1.5e3', '1500'],
    ['0x10', 'punishment: 45', 'punishment: 0x10', '16'],
    ['0o17', 'punishment: 45', 'punishment: 0o17', '15'],
    ['-0', 'enforcement: 3', 'enforcement: -0', '0'],
    ['5.0 as a count', 'enforcement: 3', 'enforcement: 5.0', '5'],
    ['+5', 'enforcement: 3', 'enforcement: +5', '5'],
    ['012', 'punishment: 45', 'punishment: 012', '12'],
    ['-0.0 as the fee', 'fees: 378.42', 'fees: -0.0', '0.0'],
    ['1e3 as the fee', 'fees: 378.42', 'fees: 3.7842e2', '378.42'],
    ['1_000 (YAML 1.2 reads text)', 'licensing: 49255', 'licensing: 1_000', '1000'],
    ['full-width digits', 'licensing: 49255', 'licensing: １２', '12'],
    ['thousands separator', 'licensing: 49255', 'licensing: 49,255', '49255'],
    ['Chinese thousands separator', 'licensing: 49255', 'licensing: 49，255', '49255'],
    ['a count inside a row', 'new: [0, 0, 0, 0, 0, 0, 0]', 'new: [0, 0, 0, 0, 0, 00, 0]', '0'],
  ])('%s', (name, from, to, plain) => {
    const { file, text } = variant(`number-${name}`, [[from, to]]);
    const diagnostics = check(file);
    const value = to.includes('[') ? '00' : to.slice(to.indexOf(': ') + 2);
    expect(placed(diagnostics)).toEqual([`${pos(text, value, to)} RPT2020`]);
    expect(hintOf(diagnostics[0])).toBe(`写成 ${plain}`);
    expect(diagnostics[0]?.hints[0]?.en).toBe(`write ${plain}`);
    expect(diagnostics[0]?.message.zh).toContain(value);
  });

  test('a quoted number keeps RPT2005 and gets the plain rewrite', async () => {
    const { file, text } = variant('number-quoted', [['licensing: 49255', 'licensing: "１２"']]);
    const diagnostics = check(file);
    expect(placed(diagnostics)).toEqual([`${pos(text, '"１２"')} RPT2005`]);
    expect(hintOf(diagnostics[0])).toBe('去掉引号，直接写 12');
  });

  test('plain numbers stay clean: 0, 378.42 and 1.10 as the fee', async () => {
    expect(check(variant('number-plain', [['fees: 378.42', 'fees: 1.10']]).file)).toEqual([]);
  });

  test.each([
    [
      'Chinese commas in a flow row',
      'new: [0, 0, 0, 0, 0, 0, 0]',
      'new: [1，2，0，0，0，0，3]',
      '[1，2',
      '用英文逗号“,”代替中文逗号“，”，写成 [1, 2, 0, 0, 0, 0, 3]',
    ],
    [
      'a tab-separated row in quotes',
      'new: [0, 0, 0, 0, 0, 0, 0]',
      'new: "1\\t2\\t0\\t0\\t0\\t0\\t3"',
      '"1\\t',
      '用英文逗号代替制表符（Tab），整行写在方括号里，写成 [1, 2, 0, 0, 0, 0, 3]',
    ],
    [
      'a plain row pasted with tabs',
      'new: [0, 0, 0, 0, 0, 0, 0]',
      'new: 1\t2\t0\t0\t0\t0\t3',
      '1\t2',
      '用英文逗号代替制表符（Tab），整行写在方括号里，写成 [1, 2, 0, 0, 0, 0, 3]',
    ],
    ['a row separated by spaces', 'review: [0, 0, 0, 0, 0]', 'review: 1 0 0 0 1', '1 0', '用英文逗号代替空格，整行写在方括号里，写成 [1, 0, 0, 0, 1]'],
    [
      'a short row with enumeration commas',
      'review: [0, 0, 0, 0, 0]',
      'review: [1、0、0]',
      '[1、',
      '用英文逗号“,”代替顿号“、”，写成 [1, 0, 0]；这一行应有 4 个或 5 个数，现有 3 个',
    ],
  ])('%s: one diagnostic for the row', (name, from, to, needle, hint) => {
    const { file, text } = variant(`row-${name}`, [[from, to]]);
    const diagnostics = check(file);
    expect(placed(diagnostics)).toEqual([`${pos(text, needle, to.slice(0, 4))} RPT2021`]);
    expect(hintOf(diagnostics[0])).toBe(hint);
  });

  test('[1,234] in a flow list is two numbers: the length error names the separator', async () => {
    const { file, text } = variant('row-thousands', [['review: [0, 0, 0, 0, 0]', 'review: [1,234, 0, 0, 0, 1234]']]);
    const diagnostics = check(file);
    expect(placed(diagnostics)).toEqual([`${pos(text, '[1,234')} RPT2010`]);
    expect(hintOf(diagnostics[0])).toMatch(/^“1,234”被逗号分成了两个数，不要写千位分隔符：写成 1234；/);
  });

  test('the pure helpers agree with the cases above', async () => {
    expect(rewriteNumber('1e3', 'integer')).toEqual({ plain: '1000', reason: 'exponent' });
    expect(rewriteNumber('2.5', 'integer')).toBeUndefined();
    expect(rewriteNumber('.5', 'decimal')).toEqual({ plain: '0.5', reason: 'bareDecimalPoint' });
    expect(splitRow(['1，2', 0, 3])).toEqual({ separator: 'fullwidthComma', values: ['1', '2', '0', '3'] });
    expect(splitRow([1, 2, 3])).toBeUndefined();
  });
});

describe('3. text that looks like a number keeps its leading zeros', () => {
  test.each([
    ['postcode', 'postcode: "336000"', 'postcode: 012345', '012345'],
    ['phone', 'phone: 0795-3668066', 'phone: 07953668066', '07953668066'],
  ])('%s', (name, from, to, written) => {
    const { file, text } = variant(`zeros-${name}`, [[from, to]]);
    const diagnostics = check(file);
    expect(placed(diagnostics)).toEqual([`${pos(text, written, to)} RPT2002`]);
    expect(hintOf(diagnostics[0])).toBe(`加上引号，写成 "${written}"`);
    expect(diagnostics[0]?.message.zh).toContain(written);
  });
});

describe('4. control and bidi characters', () => {
  test.each([
    ['raw NUL in a value', 'organ: 宜春经济', 'organ: 宜春\0经济', '\0', 'U+0000 NUL'],
    ['raw ESC in a comment', '# 行政许可', '# 行政\x1b许可', '\x1b', 'U+001B ESC'],
    ['raw RLO in a value', 'title: 宜春', 'title: 宜春\u202e', '\u202e', 'U+202E RLO'],
    ['raw C1 in a heading', 'heading: 主动公开情况', 'heading: 主动\u0085公开情况', '\u0085', 'U+0085 NEL'],
    ['raw DEL in a block text', '2023年，我区未收到', '2023年，我区\x7f未收到', '\x7f', 'U+007F DEL'],
    ['an escaped ESC', 'website: http://jkq.yichun.gov.cn/', 'website: "http://jkq\\x1b.gov.cn/"', '\\x1b', 'U+001B ESC'],
    ['an escaped RLO', 'office: 宜春经济技术开发区管委会办公室', 'office: "办公室\\u202e"', '\\u202e', 'U+202E RLO'],
    ['an escaped lone surrogate', 'office: 宜春经济技术开发区管委会办公室', 'office: "办公室\\ud800"', '\\ud800', 'U+D800'],
    ['an escaped BEL letter escape', 'office: 宜春经济技术开发区管委会办公室', 'office: "办公室\\a"', '\\a', 'U+0007 BEL'],
  ])('%s', (name, from, to, needle, code) => {
    const { file, text } = variant(`char-${name}`, [[from, to]]);
    const diagnostics = check(file);
    expect(placed(diagnostics)).toEqual([`${pos(text, needle, to.slice(0, 6))} RPT1014`]);
    expect(diagnostics[0]?.message.zh).toContain(code);
    expect(hintOf(diagnostics[0])).not.toMatch(/[\0-\x08\x1b\x7f-\x9f\u202e]|\\x1b|\\u202e|\\ud800/);
  });

  test('one diagnostic per value, however many characters it holds; the hint gives the value without them', async () => {
    const { file, text } = variant('char-several', [['office: 宜春经济技术开发区管委会办公室', 'office: "办\\x1b公\\u202e室\\a"']]);
    const diagnostics = check(file);
    expect(placed(diagnostics)).toEqual([`${pos(text, '\\x1b')} RPT1014`]);
    expect(hintOf(diagnostics[0])).toBe('删除这个字符，写成 office: "办公室"');
  });

  test('a surrogate pair written as two escapes is one valid character', async () => {
    expect(check(variant('char-pair', [['office: 宜春经济技术开发区管委会办公室', 'office: "办公室\\ud83d\\ude00"']]).file)).toEqual([]);
  });

  test('a few NUL bytes are positioned errors; a binary file stays RPT1011', async () => {
    const { file, text } = variant('char-nuls', [
      ['organ: 宜春', 'organ: \0宜春'],
      ['title: 宜春', 'title: \0宜春'],
    ]);
    expect(placed(check(file))).toEqual([`${pos(text, '\0')} RPT1014`, `${pos(text, '\0', 'title')} RPT1014`]);
    const binary = path.join(dir, 'binary.yaml');
    fs.writeFileSync(binary, Buffer.concat([Buffer.from('a: 1\n'), Buffer.alloc(64)]));
    expect(placed(check(binary))).toEqual(['- RPT1011']);
  });

  test('printers never echo the characters raw; carets stay aligned', async () => {
    const { file } = variant('char-print', [['organ: 宜春经济', 'organ: 宜春\u202e\x1b经济']]);
    const checked = checkReport(host, file);
    const sources = new Map<string, SourceFile>(checked.source ? [[file, checked.source]] : []);
    const human = printHuman(checked.diagnostics, sources, 'zh');
    expect(human).not.toMatch(/[\0-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    const lines = human.split('\n');
    const frame = lines.findIndex((l) => l.startsWith('> '));
    const row = lines[frame] ?? '';
    const caretRow = lines[frame + 1] ?? '';
    // The carets sit under the escape, measured in display columns (宜春 takes four).
    expect(displayWidth(row.slice(0, row.indexOf('\\u{202E}')))).toBe(caretRow.indexOf('^'));
    expect(caretRow).toMatch(/[^^]\^{8}$/);
    const json = printJson([{ file, diagnostics: checked.diagnostics, skipped: checked.skipped }]);
    expect(json).not.toMatch(/[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(json).files[0].diagnostics.length).toBe(checked.diagnostics.length);
    expect(escapeForTerminal('a\tb\u2028')).toBe('a\\tb\\u{2028}');
    expect(escapeJsonInvisibles('"\u202e\x85"')).toBe('"\\u202E\\u0085"');
  });

  test('build writes nothing for such a file (exit 1)', async () => {
    const { file } = variant('char-build', [
      ['organ: 宜春经济', 'organ: 宜春\u202e经济'],
      ['title: 宜春', 'title: "\\x1b宜春"'],
    ]);
    const out = path.join(dir, 'out-char');
    const r = await runReport(['build', file, '--out', out, '--format', 'docx']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('RPT1014');
    expect(r.stderr).not.toMatch(/[\x1b\u202e]/);
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  });
});

describe('5. duplicate keys name the whole key', () => {
  test.each([
    ['plain', 'punishment: 45', 'punishment: 45\n  punishment: 46', 'punishment: 46', 'punishment'],
    ['quoted', 'punishment: 45', 'punishment: 45\n  "punishment": 46', '"punishment"', '"punishment"'],
  ])('%s', (name, from, to, needle, spanText) => {
    const { file, text } = variant(`dup-${name}`, [[from, to]]);
    const diagnostics = check(file);
    expect(placed(diagnostics)).toEqual([`${pos(text, needle)} RPT1001`]);
    expect(diagnostics[0]?.message.zh).toBe('键“punishment”重复出现');
    expect((diagnostics[0]?.span?.end.offset ?? 0) - (diagnostics[0]?.span?.start.offset ?? 0)).toBe(spanText.length);
  });
});

describe('6. YAML tags are not allowed', () => {
  test.each([
    ['!!str keeps leading zeros but is still refused', 'postcode: "336000"', 'postcode: !!str 012345', '!!str', '删除“!!str”，写成 "012345"'],
    ['!!binary', 'office: 宜春经济技术开发区管委会办公室', 'office: !!binary aGVsbG8=', '!!binary', '删除“!!binary”，写成 aGVsbG8='],
    ['a custom tag', 'licensing: 49255', 'licensing: !count 49255', '!count', '删除“!count”，写成 49255'],
    ['!!js/function', 'office: 宜春经济技术开发区管委会办公室', 'office: !!js/function "x"', '!!js/function', '删除“!!js/function”，写成 "x"'],
    ['a tag on a list', 'new: [0, 0, 0, 0, 0, 0, 0]', 'new: !row [0, 0, 0, 0, 0, 0, 0]', '!row', '删除“!row”，直接写出内容'],
  ])('%s', (name, from, to, tag, hint) => {
    const { file, text } = variant(`tag-${name}`, [[from, to]]);
    const diagnostics = check(file);
    expect(placed(diagnostics)).toEqual([`${pos(text, tag)} RPT1015`]);
    expect(hintOf(diagnostics[0])).toBe(hint);
  });

  test('anchors and aliases still work', async () => {
    expect(
      check(
        variant('alias-ok', [
          ['new: [0, 0, 0, 0, 0, 0, 0]', 'new: &zero [0, 0, 0, 0, 0, 0, 0]'],
          ['carried_over: [0, 0, 0, 0, 0, 0, 0]', 'carried_over: *zero'],
        ]).file,
      ),
    ).toEqual([]);
  });

  test('an alias inside the node it names is refused at the alias', async () => {
    const { file, text } = variant('alias-cycle', [['overview:', 'overview: &loop\n  - heading: 循环\n    body: *loop\nx_overview:']]);
    expect(placed(check(file))).toEqual([`${pos(text, '*loop')} RPT1018`]);
  });
});

describe('7. resource limits', () => {
  /** Runs a check and logs how long it took; jest's per-test timeout is the only bound asserted. */
  function timed(name: string, file: string): Diagnostic[] {
    const started = process.hrtime.bigint();
    const diagnostics = check(file);
    console.log(`${name}: ${Number(process.hrtime.bigint() - started) / 1e6} ms`);
    return diagnostics;
  }

  test('a 5 MB line of [ is refused for its size', async () => {
    const file = path.join(dir, 'huge.yaml');
    fs.writeFileSync(file, 'a: ' + '['.repeat(5 * 1024 * 1024));
    const diagnostics = timed('5 MB of [', file);
    expect(placed(diagnostics)).toEqual(['- RPT1016']);
    expect(diagnostics[0]?.message.zh).toBe(`文件过大（5121 KiB），超过 ${MAX_SOURCE_BYTES / 1024} KiB 的上限`);
  });

  test('1 MiB of [ is refused for its depth, at the first bracket too deep', async () => {
    const file = path.join(dir, 'deep-flow.yaml');
    fs.writeFileSync(file, 'a: ' + '['.repeat(MAX_SOURCE_BYTES - 10));
    expect(placed(timed('1 MiB of [', file))).toEqual([`1:${4 + MAX_NESTING_DEPTH - 1} RPT1017`]);
  });

  test('deeply nested block mappings and sequences are refused for their depth', async () => {
    const mappings = path.join(dir, 'deep-block.yaml');
    fs.writeFileSync(mappings, Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + '\n');
    expect(placed(timed('200 nested mappings', mappings))).toEqual([`${MAX_NESTING_DEPTH + 1}:${2 * MAX_NESTING_DEPTH + 1} RPT1017`]);
    const sequences = path.join(dir, 'deep-seq.yaml');
    fs.writeFileSync(sequences, 'a:\n' + '- '.repeat(400_000) + 'x\n');
    expect(placed(timed('400 000 nested sequences', sequences))).toEqual([`2:${2 * MAX_NESTING_DEPTH + 1} RPT1017`]);
  });

  test('more items than a report may hold are refused at the first item past the limit', async () => {
    // The seed, then a list of zeros: one item per `-` and one per value.
    const extra = Math.ceil(MAX_ITEMS / 2) + 10;
    const file = path.join(dir, 'many-items.yaml');
    const text = `${seed}stray:\n${'  - 0\n'.repeat(extra)}`;
    fs.writeFileSync(file, text);
    const diagnostics = timed('items past the limit', file);
    expect(diagnostics.map((d) => d.code)).toEqual(['RPT1032']);
    expect(diagnostics[0]?.message.zh).toBe(`报告过长：超过 ${MAX_ITEMS} 个值、键或列表项，从这里起未再检查`);
    // The place is an item of the stray list, never before it.
    expect(diagnostics[0]?.span?.start.line).toBeGreaterThan(seed.split('\n').length);
  });

  test('more lines than a report may have are refused at the first line past the limit', async () => {
    const file = path.join(dir, 'many-lines.yaml');
    fs.writeFileSync(file, 'year: 2023\n' + '\n'.repeat(MAX_LINES));
    const diagnostics = timed('lines past the limit', file);
    expect(placed(diagnostics)).toEqual([`${MAX_LINES + 1}:1 RPT1032`]);
    expect(diagnostics[0]?.message.en).toBe(`the report is too long: more than ${MAX_LINES} lines; not checked from here on`);
  });

  test('the lines of a multi-line text do not count: a quote left open is still found at its opening', async () => {
    const file = path.join(dir, 'open-quote.yaml');
    fs.writeFileSync(file, 'year: 2023\norgan: "某局\n' + 'a: 1\n'.repeat(MAX_LINES + 10));
    expect(placed(check(file))).toEqual(['2:8 RPT1041']);
  });

  test('a report just within both limits is checked in full', async () => {
    // Blank lines and comments up to the line limit and a long list are no problem in themselves.
    const file = path.join(dir, 'within-limits.yaml');
    const lines = seed.split('\n').length;
    fs.writeFileSync(file, seed + '# 注释\n'.repeat(MAX_LINES - lines + 1));
    expect(check(file)).toEqual([]);
  });

  test('a report nested as deep as the format allows is fine', async () => {
    const { file } = variant('nested-ok', [
      ['    body: |\n      2023年，我区未收到', '    body:\n      - heading: 小节\n        body:\n          - 2023年，我区未收到'],
    ]);
    expect(check(file)).toEqual([]);
  });

  test('none of these crash the CLI', async () => {
    const files = ['huge', 'deep-flow', 'deep-block', 'deep-seq', 'alias-cycle', 'many-items', 'many-lines'].map((f) => path.join(dir, `${f}.yaml`));
    const r = await runReport(['validate', ...files]);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr.split('\n').every((line) => line.length < 400)).toBe(true);
  });
});
