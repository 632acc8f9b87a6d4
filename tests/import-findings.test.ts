/**
 * Every finding code of the import band (RPT4xxx) raised by a hand-made deviating input
 * (tests/helpers/import-deviations.ts): the code, where, the value it concerns and what was read.
 * Then the contract: findingDiagnostic, the YAML comment at the value, the fee kept as written.
 */
import { parse } from 'yaml';
import { build, check } from '../src/index';
import { docxReader } from '../src/import/docx-reader';
import { catalog } from '../src/diagnostics/catalog';
import { findingDiagnostic, type Finding, type ImportCode } from '../src/import/findings';
import { htmlLines } from '../src/import/html-reader';
import { importReport, type Imported } from '../src/import/import';
import { DEFAULT_FORMAT } from '../src/format/registry';
import { recognise } from '../src/import/recognise';
import { DEVIATIONS, deviationBytes, edit, otherAsOneRow, seedText } from './helpers/import-deviations';
import { once } from './helpers/once';

const options = { schemaPath: '../schemas/report.schema.json' };
/** A deviation imported, once for the whole file: the tests only read what an import gives. */
const importDeviation = once((code: ImportCode): Promise<Imported> => {
  const deviation = DEVIATIONS[code];
  return importReport(deviationBytes(deviation), deviation.name, { ...options, blankAsZero: deviation.blankAsZero === true });
});
const importText = (text: string) => importReport(Buffer.from(text, 'utf8'), 'report.txt', options);
const codes = (imported: Imported) => imported.findings.map((f) => f.code);
const ofCode = (imported: Imported, code: ImportCode) => imported.findings.filter((f) => f.code === code);
type Data = Record<string, Record<string, unknown>>;

describe('each finding code', () => {
  it('the band is RPT4001… and every code is a warning with a hint', () => {
    // RPT4025 is the checker's: a blank stretch of a table in a YAML report (validate/collapse.ts).
    const band = Object.keys(catalog).filter((code) => code.startsWith('RPT4') && code !== 'RPT4025');
    expect(band.sort()).toEqual(Object.keys(DEVIATIONS).sort());
    expect(catalog.RPT4025.severity).toBe('error');
    for (const code of band) expect(catalog[code as ImportCode]).toMatchObject({ severity: 'warning', hint: expect.any(Function) });
  });

  it.each(Object.entries(DEVIATIONS).map(([code, deviation]) => [code, deviation.what] as const))('%s: %s', async (code) => {
    const deviation = DEVIATIONS[code as ImportCode];
    const imported = await importDeviation(code as ImportCode);
    expect([deviation.what, codes(imported)]).toEqual([deviation.what, expect.arrayContaining([code])]);
    expect(() => parse(imported.yaml) as unknown).not.toThrow();
    for (const f of ofCode(imported, code as ImportCode)) {
      const d = findingDiagnostic(f);
      expect(d.message.zh.startsWith(f.at ? `原文${f.at}：` : '')).toBe(true);
      expect(d.pointer).toBe(f.pointer === '' ? null : f.pointer);
    }
  });

  it('RPT4001 "/" read as 0, RPT4002 a non-number null', async () => {
    const none = await importDeviation('RPT4001');
    expect(ofCode(none, 'RPT4001')).toEqual([{ code: 'RPT4001', at: '第 38 行', pointer: '/proactive/rules/issued', params: { written: '/' } }]);
    expect((none.data as Data).proactive?.rules).toEqual({ issued: 0, repealed: 0, in_force: 0 });
    const bad = await importDeviation('RPT4002');
    expect((bad.data as Data).proactive?.rules).toEqual({ issued: null, repealed: 0, in_force: 0 });
  });

  it('RPT4003 a missing row, RPT4004 a row with too few numbers: the row null, never a guess at the column missing', async () => {
    const missing = await importDeviation('RPT4003');
    expect((missing.data as Data).proactive?.licensing).toBeNull();
    const short = await importDeviation('RPT4004');
    expect(ofCode(short, 'RPT4004')).toEqual([
      { code: 'RPT4004', at: '第 37 行', pointer: '/proactive/rules', params: { row: '规章', found: 2, expected: 3 } },
    ]);
    expect((short.data as Data).proactive?.rules).toEqual({ issued: null, repealed: null, in_force: null });
  });

  it('RPT4005 a part not found: its text stays with the part before', async () => {
    const imported = await importDeviation('RPT4005');
    expect(ofCode(imported, 'RPT4005')).toEqual([
      expect.objectContaining({ pointer: '/other_matters', params: { heading: '六、其他需要报告的事项', part: 6 } }),
    ]);
    expect(imported.data.problems).toContain('2023年，本机关无收取信息处理费情况。');
    expect(imported.yaml).toContain('# 导入：原文');
  });

  it('RPT4007 a wrong numeral, RPT4008 a heading worded differently: the part is still found', async () => {
    const wrong = await importDeviation('RPT4007');
    expect(ofCode(wrong, 'RPT4007')).toEqual([{ code: 'RPT4007', at: '第 362 行', pointer: '', params: { written: '三、', numeral: '四、', part: 4 } }]);
    expect(findingDiagnostic(ofCode(wrong, 'RPT4007')[0] as Finding).message.zh).toBe('原文第 362 行：标题序号为“三、”，应为“四、”');
    const misprint = await importDeviation('RPT4008');
    expect(ofCode(misprint, 'RPT4008')).toEqual([
      {
        code: 'RPT4008',
        at: '第 362 行',
        pointer: '',
        params: { written: '四、政府信息公开行政法复议、行政诉讼情况', heading: '四、政府信息公开行政复议、行政诉讼情况' },
      },
    ]);
    expect((misprint.data as Data).review_litigation?.review).toEqual([0, 0, 0, 0, 0]);
  });

  it.each([
    ['五、存在的主要问题及改进措施', 4],
    ['五、存在的主要问题及明年工作计划', 4],
    ['五、政府信息公开工作存在的主要问题及改进情况', 4],
    ['(五)存在的主要问题及改进情况', 4],
    ['五.存在的主要问题及改进情况', 4],
  ])('finds the heading "%s"', async (heading, part) => {
    const imported = await importText(edit(seedText(), { 419: heading }));
    expect(imported.findings.filter((f) => f.code === 'RPT4005')).toEqual([]);
    expect(imported.data.problems).toMatch(/^2023年，我区在推进政务公开工作中/);
    expect(part).toBe(4);
  });

  it('does not take part 一 sub-headings, table labels or the preamble for part headings', async () => {
    // （一）主动公开情况 is part 一's; 行政复议 a label of table 四; neither is part 二 or 四.
    const imported = await importText(edit(seedText(), { 29: '' }));
    expect(ofCode(imported, 'RPT4005')).toEqual([expect.objectContaining({ params: { heading: '二、主动公开政府信息情况', part: 2 } })]);
    expect(JSON.stringify(imported.data.overview)).toContain('主动公开情况');
  });

  it('does not cut part headings out of a sentence that lists them', async () => {
    const listing = '本报告由一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况等六部分组成，数据统计期限为2023年全年。';
    const imported = await importText(edit(seedText(), { 3: listing }));
    expect(imported.data.preamble).toBe(listing);
    expect(codes(imported)).toEqual(['RPT4006', 'RPT4006']);
  });

  it('RPT4009 parts out of order: each text still lands in its part', async () => {
    const imported = await importDeviation('RPT4009');
    expect(ofCode(imported, 'RPT4009')).toEqual([
      expect.objectContaining({ params: { heading: '六、其他需要报告的事项', after: '五、存在的主要问题及改进情况' } }),
    ]);
    expect(imported.data.processing_fees).toEqual({ notices: 0, amount_yuan: 0, collected_yuan: 0 });
    expect(imported.data.problems).toMatch(/^2023年，我区在推进政务公开工作中/);
    expect(imported.data.problems).not.toContain('信息处理费');
  });

  it('RPT4010/RPT4011 no date, no organ; RPT4012 no year in the title (the year from the date)', async () => {
    const noDate = await importDeviation('RPT4010');
    expect(codes(noDate)).toEqual(expect.arrayContaining(['RPT4010', 'RPT4011']));
    const noOrgan = await importDeviation('RPT4011');
    expect(codes(noOrgan)).not.toContain('RPT4010');
    // No signature: the organ as the title names it.
    expect(noOrgan.data.organ).toBe('宜春经济技术开发区');
    expect(noOrgan.data.processing_fees).toEqual({ notices: 0, amount_yuan: 0, collected_yuan: 0 });
    const noYear = await importDeviation('RPT4012');
    expect(noYear.data.year).toBe(2023);
  });

  it('RPT4013/RPT4014 table 二 in the 2019 columns: what maps onto 2021 is read, the rest null with a comment', async () => {
    const imported = await importDeviation('RPT4013');
    expect(ofCode(imported, 'RPT4013')).toEqual([expect.objectContaining({ pointer: '/proactive', params: expect.objectContaining({ table: '表二' }) })]);
    expect(imported.data.proactive).toEqual({
      rules: { issued: 0, repealed: null, in_force: null },
      normative_documents: { issued: 7, repealed: null, in_force: null },
      licensing: 49255,
      punishment: 45,
      enforcement: 3,
      fees: null,
    });
    expect(ofCode(imported, 'RPT4014').map((f) => f.pointer)).toEqual([
      '/proactive/rules/repealed',
      '/proactive/rules/in_force',
      '/proactive/normative_documents/repealed',
      '/proactive/normative_documents/in_force',
      '/proactive/fees',
    ]);
    expect(imported.yaml).toMatch(/fees: null # 行政事业性收费；导入：原文第 \d+ 行：2019 年格式中没有与“本年收费金额（单位：万元）”对应的数/);
  });

  it('RPT4013 table 三 with the single-row （六）其他处理: all zero splits into zero sub-rows, else null (RPT4017)', async () => {
    const zeros = await importText(edit(seedText(), otherAsOneRow([0, 0, 0, 0, 0, 0, 0])));
    expect(ofCode(zeros, 'RPT4013')).toEqual([expect.objectContaining({ params: expect.objectContaining({ table: '表三' }) })]);
    const other = ((zeros.data as Data).applications?.results as Data).other;
    expect(other).toEqual({ overdue_correction: [0, 0, 0, 0, 0, 0, 0], overdue_fee: [0, 0, 0, 0, 0, 0, 0], other: [0, 0, 0, 0, 0, 0, 0] });
    expect(ofCode(zeros, 'RPT4003')).toEqual([]);
    const some = await importText(edit(seedText(), otherAsOneRow([1, 0, 0, 0, 0, 0, 1])));
    expect(((some.data as Data).applications?.results as Data).other).toEqual({
      overdue_correction: Array(7).fill(null),
      overdue_fee: Array(7).fill(null),
      other: Array(7).fill(null),
    });
    expect(ofCode(some, 'RPT4017')).toEqual([expect.objectContaining({ pointer: '/applications/results/other', params: { row: '（六）其他处理', rows: 3 } })]);
  });

  it('RPT4015 numbers run together: split only when each is one digit', async () => {
    const imported = await importDeviation('RPT4015');
    expect((imported.data as Data).proactive?.rules).toEqual({ issued: null, repealed: null, in_force: null });
    const oneDigitEach = await importText(edit(seedText(), { 37: '\t规章000', 38: '', 39: '', 40: '' }));
    expect((oneDigitEach.data as Data).proactive?.rules).toEqual({ issued: 0, repealed: 0, in_force: 0 });
    expect(codes(oneDigitEach)).toEqual(['RPT4006', 'RPT4006']);
  });

  it('RPT4016 table 四 with a number too few: all null', async () => {
    const imported = await importDeviation('RPT4016');
    expect(imported.data.review_litigation).toEqual({
      review: Array(5).fill(null),
      litigation_direct: Array(5).fill(null),
      litigation_after_review: Array(5).fill(null),
    });
  });

  it('RPT4017 a table cell holding two numbers is null, not their digits joined', async () => {
    const imported = await importDeviation('RPT4017');
    expect(imported.format).toBe('html');
    expect(ofCode(imported, 'RPT4017')).toEqual([
      { code: 'RPT4017', at: '表 1 第 1 行第 2 格', pointer: '/applications/new/0', params: { row: '一、本年新收政府信息公开申请数量', rows: 2 } },
    ]);
    expect(((imported.data as Data).applications?.new as unknown[])[0]).toBeNull();
  });
});

describe('blank cells', () => {
  it('RPT4018 a blank cell is null, each with its place', async () => {
    const imported = await importDeviation('RPT4018');
    expect(ofCode(imported, 'RPT4018').map((f) => [f.at, f.pointer])).toEqual(
      [2, 3, 4, 5, 6, 7].map((col, i) => [`表 1 第 1 行第 ${col} 格`, `/applications/new/${i}`]),
    );
    expect(((imported.data as Data).applications?.new as unknown[]).slice(5)).toEqual([null, 0]);
  });
});

describe('the title', () => {
  it('is one title when an HTML page breaks it with <br> after the organ', () => {
    const html = `<html><body><div class="title">宜春经济技术开发区管理委员会<br>2023年政府信息公开工作年度报告</div><p>一、总体情况</p><p>正文。</p></body></html>`;
    const { data } = recognise(htmlLines(html), DEFAULT_FORMAT);
    expect(data.title).toBe('宜春经济技术开发区管理委员会2023年政府信息公开工作年度报告');
    expect(data.year).toBe(2023);
  });

  it('is none when the report has none, not a line of its body', async () => {
    const imported = await importText(edit(seedText(), { 1: '', 12: '2023年度报告' }));
    expect(imported.data.title).toBeUndefined();
    expect(codes(imported)).toContain('RPT4012');
    expect(JSON.stringify(imported.data.overview)).toContain('2023年度报告');
  });

  it('is one title over two paragraphs of a text: the organ, then the year and 年度报告', async () => {
    const organFirst = await importText(edit(seedText(), { 1: '宜春经济技术开发区\n2023年度政府信息公开工作年度报告' }));
    expect(organFirst.data.title).toBe('宜春经济技术开发区2023年度政府信息公开工作年度报告');
    const yearFirst = await importText(edit(seedText(), { 1: '宜春经济技术开发区2023年度\n政府信息公开工作年度报告' }));
    expect(yearFirst.data.title).toBe('宜春经济技术开发区2023年度政府信息公开工作年度报告');
    expect(codes(yearFirst)).not.toContain('RPT4012');
  });
});

describe('part 六', () => {
  it('reads the fee sentence with figures into processing_fees; the rest stays other_matters', async () => {
    const sentence = '2023年，本机关共发出收费通知2件，收费通知总金额300元，实际收取信息处理费200元。';
    const imported = await importText(edit(seedText(), { 428: `${sentence}本年度无其他需要报告的事项。` }));
    expect(imported.data.processing_fees).toEqual({ notices: 2, amount_yuan: 300, collected_yuan: 200 });
    expect(imported.data.other_matters).toBe('本年度无其他需要报告的事项。');
  });

  it('reads "无收取信息处理费" worded without 本机关 as no fees', async () => {
    const imported = await importText(edit(seedText(), { 428: '2022年，无收取信息处理费情况。' }));
    expect(imported.data.processing_fees).toEqual({ notices: 0, amount_yuan: 0, collected_yuan: 0 });
    expect(imported.data.other_matters).toBeUndefined();
  });

  it('leaves a fee sentence without all three figures as text', async () => {
    const imported = await importText(edit(seedText(), { 428: '2023年，本机关收取信息处理费200元。' }));
    expect(imported.data.processing_fees).toBeUndefined();
    expect(imported.data.other_matters).toBe('2023年，本机关收取信息处理费200元。');
  });
});

describe('the fee of table 二 kept as written', () => {
  it.each([
    ['1.10', '1.10'],
    ['0.00', '0.00'],
    ['378.42', '378.42'],
    ['24252.311082', '24252.311082'],
    ['5', '5'],
  ])('"%s" is written %s in the YAML, and the DOCX built from it prints it so', async (written, expected) => {
    const imported = await importText(edit(seedText(), { 72: `\t${written}` }));
    expect(imported.yaml).toContain(`fees: ${expected} # 行政事业性收费`);
    expect(check(imported.yaml).report?.proactive.fees_text).toBe(expected);
    const built = await build(imported.yaml, { formats: ['docx'] });
    const [docx] = built.outputs;
    const cells = (await docxReader.read((docx as { bytes: Uint8Array }).bytes)).map((line) => line.text);
    expect(cells[cells.indexOf('行政事业性收费') + 1]).toBe(expected);
  });
});
