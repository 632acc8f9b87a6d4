/**
 * Rows found as a person would find them (issue #19): a row label printed differently from the
 * format's — numbering 1、 （1） (1) ①, full/half-width forms, 行政 dropped, one character off — is read
 * as the format's row when the match is certain (RPT4021 names both), and left null (RPT4022) when it
 * is not. The made-for-purpose report fixtures/import/relabelled/ (ORIGIN.md) as HTML, DOCX and a
 * LibreOffice PDF: every row's numbers read right.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { Format } from '../src/format/format';
import { DEFAULT_FORMAT } from '../src/format/registry';
import { findingDiagnostic, type Finding } from '../src/import/findings';
import { importReport, type Imported } from '../src/import/import';
import { canonical, closeness, matcher, oneApart } from '../src/import/label-match';
import { recognise } from '../src/import/recognise';
import { textReader } from '../src/import/text-reader';
import { FIXTURES } from './helpers/fixtures';
import { DEVIATIONS, deviationBytes, edit, seedText } from './helpers/import-deviations';

const options = { schemaPath: '../schemas/report.schema.json' };
const near = (printed: string, label: string) => closeness(canonical(printed), canonical(label));
const ofCode = (findings: readonly Finding[], code: string) => findings.filter((f) => f.code === code);
type Data = Record<string, Record<string, unknown>>;

describe('a printed label against one of the format', () => {
  it.each([
    '1、属于国家秘密',
    '1．属于国家秘密',
    '1，属于国家秘密',
    '（1）属于国家秘密',
    '(1)属于国家秘密',
    '1)属于国家秘密',
    '①属于国家秘密',
    '①、属于国家秘密',
    '１、属于国家秘密',
    '1. 属于 国家秘密',
    '属于国家秘密',
  ])('numbering: %s is 1.属于国家秘密', (printed) => {
    expect(canonical('1.属于国家秘密')).toBe('1.属于国家秘密');
    expect(near(printed, '1.属于国家秘密')).toBe('exact');
  });

  it('numbering: a different number is not the same label, and Chinese numerals keep their own styles', () => {
    expect(near('2、属于国家秘密', '1.属于国家秘密')).toBe('near'); // one character off (a label of 6+)
    expect(near('②重复申请', '1.重复申请')).toBeUndefined(); // body of 4: no character off
    expect(near('(七)总计', '（七）总计')).toBe('exact');
    expect(near('七、总计', '（七）总计')).toBeUndefined();
    expect(near('一.本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数量')).toBe('exact');
    expect(near('(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('exact');
  });

  it('full/half-width forms and quotation marks', () => {
    expect(near('3、危及"三安全一稳定"', '3.危及“三安全一稳定”')).toBe('exact');
    expect(near('３．危及「三安全一稳定」', '3.危及“三安全一稳定”')).toBe('exact');
  });

  it('行政 dropped, only where four characters or more are left', () => {
    expect(near('规范性文件', '行政规范性文件')).toBe('near');
    expect(near('事业性收费', '行政事业性收费')).toBe('near');
    expect(near('许可', '行政许可')).toBeUndefined();
    expect(near('复议', '行政复议')).toBeUndefined();
  });

  it('one character missing, extra or wrong, on labels of six characters or more only', () => {
    expect(oneApart('abc', 'abd')).toBe(true);
    expect(oneApart('abc', 'ab')).toBe(true);
    expect(oneApart('abc', 'xabc')).toBe(true);
    expect(oneApart('abc', 'acb')).toBe(false);
    expect(oneApart('abc', 'abc')).toBe(false);
    expect(near('2、没有现成信息需另行制作', '2.没有现成信息需要另行制作')).toBe('near'); // missing
    expect(near('一、本年新收的政府信息公开申请数量', '一、本年新收政府信息公开申请数量')).toBe('near'); // extra
    expect(near('一、本年新收政府信息公开申情数量', '一、本年新收政府信息公开申请数量')).toBe('near'); // wrong
    expect(near('一、本年新收政府信息公开数量', '一、本年新收政府信息公开申请数量')).toBeUndefined(); // two missing
    expect(near('行政许口', '行政许可')).toBeUndefined(); // four characters: too short
    expect(near('未经复议直接起', '未经复议直接起诉')).toBe('near');
  });

  it('a text as near to two labels matches neither; an exact match beats a near one', () => {
    const match = matcher(['本年制发件数', '本年废止件数', '行政规范性文件', '规范性文件']);
    expect(match('本年废发件数')).toEqual({ labels: ['本年制发件数', '本年废止件数'], closeness: 'near' });
    expect(match('规范性文件')).toEqual({ labels: ['规范性文件'], closeness: 'exact' });
    expect(match('合计')).toBeUndefined();
    // A label that lost a character to bad bytes is not known: RPT1035 says so (tests/import-lost-text.test.ts).
    expect(match('本年制发\ufdd0件数')).toBeUndefined();
  });

  it('no two rows of the national format are within reach of one printed label', () => {
    const { APPLICATION_ROWS, CASE_ROWS, DOCUMENT_ROWS, SINGLE_VALUE_BLOCKS } = DEFAULT_FORMAT.labels;
    const rows = [...APPLICATION_ROWS, ...CASE_ROWS, ...DOCUMENT_ROWS, ...SINGLE_VALUE_BLOCKS.flatMap((b) => b.rows)].map((r) => r.label);
    const match = matcher(rows);
    // Each label with each of its characters dropped: never nearer to another row than to its own.
    for (const label of rows)
      for (let i = 0; i < label.length; i++) {
        const found = match(label.slice(0, i) + label.slice(i + 1));
        if (found) expect([label, found.labels]).toEqual([label, [label]]);
      }
  });
});

describe('the seed text with a row label printed differently', () => {
  const seed = () => importReport(Buffer.from(seedText(), 'utf8'), 'seed.txt', options);

  it.each([
    ['numbered 1、', 135, '1、属于国家秘密', '1.属于国家秘密', '/applications/results/withheld/state_secret'],
    ['numbered （1）', 223, '（1）本机关不掌握相关政府信息', '1.本机关不掌握相关政府信息', '/applications/results/unavailable/not_held'],
    ['numbered ①', 256, '①信访举报投诉类申请', '1.信访举报投诉类申请', '/applications/results/not_processed/petition_complaint'],
    ['half-width brackets', 343, '(七)总计', '（七）总计', '/applications/results/total'],
    ['行政 dropped', 42, '规范性文件', '行政规范性文件', '/proactive/normative_documents'],
    ['a character missing', 234, '2.没有现成信息需另行制作', '2.没有现成信息需要另行制作', '/applications/results/unavailable/needs_creation'],
    ['a character extra', 95, '一、本年新收的政府信息公开申请数量', '一、本年新收政府信息公开申请数量', '/applications/new'],
  ])('%s: %s', async (_, line, printed, row, pointer) => {
    const expected = await seed();
    const imported = await importReport(Buffer.from(edit(seedText(), { [line]: `\t${printed}` }), 'utf8'), 'edited.txt', options);
    expect(ofCode(imported.findings, 'RPT4021')).toEqual([{ code: 'RPT4021', at: `第 ${line} 行`, pointer, params: { printed, row } }]);
    expect(imported.data.proactive).toEqual(expected.data.proactive);
    expect(imported.data.applications).toEqual(expected.data.applications);
    expect(imported.findings.map((f) => f.code).sort()).toEqual([...expected.findings.map((f) => f.code), 'RPT4021'].sort());
    const message = findingDiagnostic(ofCode(imported.findings, 'RPT4021')[0] as Finding).message;
    expect(message.zh).toBe(`原文第 ${line} 行：行名印作“${printed}”，按格式的“${row}”一行读入`);
  });

  it('a row printed exactly is never taken from a nearer-looking line elsewhere', async () => {
    // 规范性文件 above the table's own 行政规范性文件: the exact label is the row.
    const text = edit(seedText(), { 31: '\t规范性文件\n\t9\n\t9\n\t9' });
    const imported = await importReport(Buffer.from(text, 'utf8'), 'exact.txt', options);
    expect((imported.data as Data).proactive?.normative_documents).toEqual({ issued: 7, repealed: 11, in_force: 18 });
    expect(ofCode(imported.findings, 'RPT4021')).toEqual([]);
  });
});

describe('ambiguity: the row stays null, with a finding naming the printed label', () => {
  it('a printed label as near to two rows of the format (政规范性文件: 行政… or 党政…)', async () => {
    const labels = DEFAULT_FORMAT.labels;
    const party = { key: 'party_documents', label: '党政规范性文件', en: 'party and government documents' };
    const format = { ...DEFAULT_FORMAT, labels: { ...labels, DOCUMENT_ROWS: [...labels.DOCUMENT_ROWS, party] } } as unknown as Format;
    const lines = await textReader.read(Buffer.from(edit(seedText(), { 42: '\t政规范性文件' }), 'utf8'));
    const { data, findings } = recognise(lines, format);
    const proactive = (data as Data).proactive as Record<string, unknown>;
    expect(proactive.normative_documents).toEqual({ issued: null, repealed: null, in_force: null });
    expect(proactive.party_documents).toEqual({ issued: null, repealed: null, in_force: null });
    const candidates = '“行政规范性文件”、“党政规范性文件”';
    expect(ofCode(findings, 'RPT4022')).toEqual([
      { code: 'RPT4022', at: '第 42 行', pointer: '/proactive/normative_documents', params: { printed: '政规范性文件', row: '行政规范性文件', candidates } },
      { code: 'RPT4022', at: '第 42 行', pointer: '/proactive/party_documents', params: { printed: '政规范性文件', row: '党政规范性文件', candidates } },
    ]);
    expect(ofCode(findings, 'RPT4021')).toEqual([]);
    // The unmatched label still ends the row before it: 规章 keeps its three numbers.
    expect(proactive.rules).toEqual({ issued: 0, repealed: 0, in_force: 0 });
    expect(findingDiagnostic(ofCode(findings, 'RPT4022')[0] as Finding).message.zh).toBe(
      `原文第 42 行：行名“政规范性文件”与格式的${candidates}同样相近，无法确定是哪一行，“行政规范性文件”一行留空（null）`,
    );
  });

  it('two printed labels as near to one row: neither is taken for it', async () => {
    const imported = await importReport(deviationBytes(DEVIATIONS.RPT4022), 'two.txt', options);
    expect((imported.data as Data).proactive?.normative_documents).toEqual({ issued: null, repealed: null, in_force: null });
    expect(ofCode(imported.findings, 'RPT4022').map((f) => [f.pointer, f.params.printed])).toEqual([
      ['/proactive/normative_documents', '行政规范性文'],
      ['/proactive/normative_documents', '规范性文件'],
    ]);
    expect(ofCode(imported.findings, 'RPT4003')).toEqual([]);
    expect(ofCode(imported.findings, 'RPT4021')).toEqual([]);
  });
});

describe('fixtures/import/relabelled: a report with its labels printed as published reports print them', () => {
  const dir = path.join(FIXTURES, 'import', 'relabelled');
  const written = parse(fs.readFileSync(path.join(dir, 'relabelled-2023.yaml'), 'utf8')) as Data;
  /** The data without the printed row totals (the YAML leaves them to the sums). */
  const withoutTotals = (value: unknown, width: number): unknown =>
    Array.isArray(value)
      ? value.slice(0, width)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutTotals(v, width)]))
        : value;

  it.each(['relabelled-2023.html', 'relabelled-2023.docx', 'relabelled-2023.pdf'])('%s: every row read right', async (name) => {
    const imported: Imported = await importReport(fs.readFileSync(path.join(dir, name)), name, options);
    const data = imported.data as Data;
    expect(data.proactive).toEqual(written.proactive);
    expect(withoutTotals(data.applications, 6)).toEqual(written.applications);
    expect(withoutTotals(data.review_litigation, 4)).toEqual(withoutTotals(written.review_litigation, 4));
    expect(imported.findings.filter((f) => f.code !== 'RPT4021')).toEqual([]);
    const relabelled = ofCode(imported.findings, 'RPT4021').map((f) => [f.params.printed, f.params.row]);
    expect(relabelled).toHaveLength(22);
    expect(relabelled).toEqual(
      expect.arrayContaining([
        ['规范性文件', '行政规范性文件'],
        ['一、本年新收政府信息公开申请数', '一、本年新收政府信息公开申请数量'],
        ['1、属于国家秘密', '1.属于国家秘密'],
        ['８、属于行政查询事项', '8.属于行政查询事项'],
        ['（2）没有现成信息需另行制作', '2.没有现成信息需要另行制作'],
        ['①信访举报投诉类申请', '1.信访举报投诉类申请'],
        ['(3)其他', '3.其他'],
        ['(七)总计', '（七）总计'],
      ]),
    );
  });
});
