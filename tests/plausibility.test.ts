/**
 * The plausibility warnings (P1–P4, RPT3018–RPT3021): each with its numbers in the message, and
 * what must not be flagged — a small count moving from 1 to 6, a normal year, a rewritten text, a
 * period of the report's own year, a batch without an outlier or too small to judge.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReport } from '../src/check';
import type { Diagnostic } from '../src/diagnostics/diagnostic';
import { nodeHost } from '../src/host';
import { alike } from '../src/validate/rules/copied-text';
import { implausibleChange } from '../src/validate/rules/year-change';
import { tempDir } from './helpers/cli';
import { FIXTURES } from './helpers/fixtures';
import { runInProcess } from './helpers/in-process';

const host = nodeHost();
const dir = tempDir();
const county = fs.readFileSync(path.join(FIXTURES, 'valid', 'busy-county.yaml'), 'utf8');
const county2022 = path.join(FIXTURES, 'valid', 'busy-county-2022.yaml');
const seed = fs.readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'), 'utf8');
let written = 0;
const write = (text: string) => {
  const file = path.join(dir, `${++written}.yaml`);
  fs.writeFileSync(file, text);
  return file;
};
/** The diagnostics of `code` when `text` is checked (against `previous`, when given). */
const found = (code: string, text: string, previous?: string): Diagnostic[] =>
  checkReport(host, write(text), previous ? { previous } : {}).diagnostics.filter((d) => d.code === code);

describe('P1: a figure that changes by a factor of 5 or more (RPT3018)', () => {
  it('flags 12 → 1,200 and 100 → 10, with both numbers and the factor; not 1 → 6 or 0 → 24', () => {
    expect(implausibleChange(12, 1200)).toBe(true);
    expect(implausibleChange(100, 10)).toBe(true);
    expect(implausibleChange(5, 25)).toBe(true);
    expect(implausibleChange(0, 25)).toBe(true);
    expect(implausibleChange(1, 6)).toBe(false);
    expect(implausibleChange(0, 24)).toBe(false);
    expect(implausibleChange(30, 140)).toBe(false);
  });

  it('warns at the figure in the report, against last year’s', () => {
    // 行政许可 1200 in 2022; 12000 in 2023 (a digit too many), and 处罚 30 → 3 is under the floor's reach.
    const [licensing, ...rest] = found('RPT3018', county.replace('licensing: 1200', 'licensing: 12000'), county2022);
    expect(rest).toEqual([]);
    expect(licensing?.pointer).toBe('/proactive/licensing');
    expect(licensing?.message.zh).toBe('表二“行政许可”由2022年的 1200 变为 12000（是上年的 10 倍），变化异常大');
    expect(licensing?.message.en).toContain('went from 1200 in 2022 to 12000 (10 times');
    const [down] = found('RPT3018', county.replace('licensing: 1200', 'licensing: 200'), county2022);
    expect(down?.message.zh).toContain('由2022年的 1200 变为 200（是上年的 17%）');
  });

  it('does not flag a normal year, nor new applications going from 1 to 12', () => {
    // busy-county: 1 application in 2022, 12 in 2023 — under the floor.
    expect(found('RPT3018', county, county2022)).toEqual([]);
  });
});

describe('P2: text copied from last year’s report (RPT3019)', () => {
  const problems = (text: string) => county.replace(/^problems: \|\n(?: {2}.*\n|\n)*/m, `problems: |\n  ${text}\n`);
  const long = '本年度政务公开工作仍存在一些不足：部分单位对主动公开的范围把握不准，信息更新不够及时，政策解读的形式较为单一，依申请公开答复的规范性有待提高。';
  const last = write(
    problems(long)
      .replace(/^year: 2023/m, 'year: 2022')
      .replace('date: 2024-03-15', 'date: 2023-03-10'),
  );

  it('says "the same" for an unchanged text and gives the share for an almost unchanged one', () => {
    const [same] = found('RPT3019', problems(long), last);
    expect(same?.pointer).toBe('/problems');
    expect(same?.message.zh).toBe(`“五、存在的主要问题及改进情况”的文字（${long.length} 字）与2022年报告完全相同`);
    const [almost] = found('RPT3019', problems(long.replace('部分单位', '个别单位')), last);
    expect(almost?.message.zh).toMatch(/几乎相同（相似度 9\d%）$/);
  });

  it('does not flag a rewritten text, nor short boilerplate', () => {
    const rewritten = '一是信息发布审核流程仍需优化，个别栏目存在更新滞后；二是政策解读多为文字稿，图解、视频等形式运用不足，群众获得感不强，下一步将改进。';
    expect(found('RPT3019', problems(rewritten), last)).toEqual([]);
    const short = write(
      problems('无。')
        .replace(/^year: 2023/m, 'year: 2022')
        .replace('date: 2024-03-15', 'date: 2023-03-10'),
    );
    expect(found('RPT3019', problems('无。'), short)).toEqual([]);
  });

  it('compares headed sections by heading', () => {
    const section = (body: string) =>
      county.replace('  - heading: （二）依申请公开\n    body: 依法办理各类申请。', `  - heading: （二）依申请公开\n    body: ${body}`);
    const body =
      '全年共受理政府信息公开申请，均在法定期限内答复，答复文书载明依据和救济途径，未发生因政府信息公开引发的行政复议和行政诉讼案件，申请人满意度较高。';
    const previous = write(
      section(body)
        .replace(/^year: 2023/m, 'year: 2022')
        .replace('date: 2024-03-15', 'date: 2023-03-10'),
    );
    const [copied] = found('RPT3019', section(body), previous);
    expect(copied?.pointer).toBe('/overview/2/body');
    expect(copied?.message.zh).toContain('“一、总体情况·（二）依申请公开”的文字');
  });

  it('says once that a whole part of headed sections is copied', () => {
    // The seed's part 一 (six sections) sent again the next year with only its years changed.
    const next = seed
      .replace(/^year: 2023/m, 'year: 2024')
      .replace('date: 2024-01-25', 'date: 2025-01-20')
      .replace(/^title: .*\n/m, '');
    const overview = /^overview:\n(?: {2}.*\n|\n)*/m.exec(next)?.[0] as string;
    const copied = found('RPT3019', next.replace(overview, overview.replaceAll('2023年', '2024年')), path.join(FIXTURES, 'yichun-2023.yaml'));
    expect(copied.map((d) => [d.pointer, d.message.zh])).toEqual([
      ['/overview', expect.stringMatching(/^“一、总体情况”的文字（\d+ 字）与2023年报告几乎相同（相似度 9\d%）$/)],
      // Part 五 is copied too (its own finding); the preamble, the template's words, is not compared.
      ['/problems', expect.stringMatching(/^“五、存在的主要问题及改进情况”的文字（\d+ 字）与2023年报告完全相同$/)],
    ]);
  });

  it('measures alike in one pass over each text, 1 only for the same text', () => {
    expect(alike('abcdef', 'abcdef')).toBe(1);
    expect(alike('abcdef', 'uvwxyz')).toBe(0);
    const big = '政务公开'.repeat(50_000);
    expect(alike(big, `${big}。`)).toBeGreaterThan(0.99);
  });
});

describe('P3: the text naming another year as the reporting period (RPT3020)', () => {
  const in2024 = seed
    .replace(/^year: 2023/m, 'year: 2024')
    .replace('date: 2024-01-25', 'date: 2025-01-20')
    .replace(/^title: .*\n/m, '');

  it('flags a 2024 report whose preamble still says 统计期限为2023年1月1日至2023年12月31日', () => {
    const [period, ...rest] = found('RPT3020', in2024);
    expect(period?.pointer).toBe('/preamble');
    expect(period?.message.zh).toBe('报告中“统计期限为2023年1月1日至2023年12月31日”写的是 2023 年，本报告是 2024 年度报告');
    // Other years the overview names (2023年宜春市政务公开工作要点 …) are not periods: not flagged.
    expect(rest).toEqual([]);
  });

  it('flags 截至 and 本年度（…年） of another year; not the report’s own year', () => {
    const texts = in2024.replace('统计期限为2023年1月1日至2023年12月31日', '统计期限为2024年1月1日至2024年12月31日');
    expect(found('RPT3020', texts)).toEqual([]);
    const ends = found('RPT3020', texts.replace('2023年，我区始终坚持', '截至2023年12月31日，本年度（2023年）我区始终坚持'));
    expect(ends.map((d) => d.message.zh)).toEqual([
      '报告中“截至2023年12月31日”写的是 2023 年，本报告是 2024 年度报告',
      '报告中“本年度（2023年）”写的是 2023 年，本报告是 2024 年度报告',
    ]);
    expect(found('RPT3020', seed)).toEqual([]);
  });

  it('flags a title that names last year', () => {
    const [title] = found('RPT3020', seed.replace(/^year: 2023/m, 'year: 2024').replace('date: 2024-01-25', 'date: 2025-01-20'));
    expect(title?.pointer).toBe('/title');
    expect(title?.message.zh).toBe('报告中“2023年度”写的是 2023 年，本报告是 2024 年度报告');
  });
});

describe('P4: a report whose shares lie far from the batch’s (RPT3021)', () => {
  /** A county report with `disclosed` of its 12 new applications disclosed (the rest not held), balanced. */
  const withDisclosed = (disclosed: number, organ: string) =>
    county
      .replace('organ: 某某县人民政府', `organ: ${organ}`)
      .replace('overview:\n  - 2023年，本县共收到政府信息公开申请12件，现行有效行政规范性文件20件。', 'overview:\n  - 2023年，本县政务公开工作稳步推进。')
      .replace('new: [8, 2, 0, 1, 0, 1]', 'new: [12, 0, 0, 0, 0, 0]')
      .replace('carried_over: [1, 0, 0, 0, 0, 0, 1]', 'carried_over: [0, 0, 0, 0, 0, 0, 0]')
      .replace('disclosed: [4, 1, 0, 0, 0, 0]', `disclosed: [${disclosed}, 0, 0, 0, 0, 0]`)
      .replace('partially_disclosed: [1, 0, 0, 0, 0, 0]', 'partially_disclosed: [0, 0, 0, 0, 0, 0]')
      .replace('third_party_rights: [1, 0, 0, 0, 0, 0]', 'third_party_rights: [0, 0, 0, 0, 0, 0]')
      .replace('not_held: [2, 0, 0, 1, 0, 0]', `not_held: [${12 - disclosed}, 0, 0, 0, 0, 0]`)
      .replace('duplicate: [0, 1, 0, 0, 0, 0]', 'duplicate: [0, 0, 0, 0, 0, 0]')
      .replace('overdue_fee: [0, 0, 0, 0, 0, 1]', 'overdue_fee: [0, 0, 0, 0, 0, 0]')
      .replace('carry_forward: [1, 0, 0, 0, 0, 0]', 'carry_forward: [0, 0, 0, 0, 0, 0]');
  const batch = (shares: number[]) => shares.map((n, i) => write(withDisclosed(n, `某某县第${i + 1}局`)));
  const codes = async (files: string[]) => {
    const output = JSON.parse((await runInProcess(['validate', '--json', ...files])).stdout) as {
      files: { diagnostics: { code: string; message: { zh: string } }[] }[];
    };
    return output.files.map((f) => f.diagnostics.filter((d) => d.code === 'RPT3021').map((d) => d.message.zh));
  };

  it('flags the one report disclosing 1 of 12 among six disclosing 7 to 9', async () => {
    const messages = await codes(batch([8, 7, 9, 8, 1, 8, 7]));
    expect(messages[4]).toEqual([
      '予以公开占本年新收申请的比例为 8%（1/12），远离同一批 7 份 2023 年度报告的中位数 67%',
      expect.stringContaining('无法提供占本年新收申请的比例为 92%（11/12）'),
    ]);
    expect(messages.filter((m, i) => i !== 4 && m.length > 0)).toEqual([]);
  });

  it('flags nothing in a batch without an outlier, nor in a batch too small to judge', async () => {
    expect((await codes(batch([8, 7, 9, 8, 6, 8, 7]))).flat()).toEqual([]);
    expect((await codes(batch([8, 7, 9, 1, 8]))).flat()).toEqual([]);
  });
});
