/**
 * Spaces a text layer puts between CJK characters (WPS: “， 邮 编 ： … 电 子 邮 箱 ：”) are removed for
 * every reader, keeping the source's real spaces. The spaced reports in fixtures/import/spaced/ are made
 * by scripts/make-spaced-fixtures.js from the seed text (wps.pdf by LibreOffice, each space set at 1 pt):
 * each imports to the values of the unspaced original.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { closeCjkSpacing, closeText, letterSpaced } from '../src/import/cjk-spacing';
import { importReport, type Imported } from '../src/import/import';
import { pdfReader } from '../src/import/pdf-reader';
import { FIXTURES } from './helpers/fixtures';
import { squeeze } from './helpers/text';

const SPACED = path.join(FIXTURES, 'import', 'spaced');
const options = { schemaPath: '../schemas/report.schema.json' };
const load = (name: string) => importReport(fs.readFileSync(path.join(SPACED, name)), name, options);

describe('closeText', () => {
  it('closes a letter-spaced line, CJK punctuation and the spaces between CJK and Latin text included', () => {
    expect(closeText('， 邮 编 ： 336000 ， 电 子 邮 箱 ： jkq_gk@163.com ）')).toBe('，邮编：336000，电子邮箱：jkq_gk@163.com）');
    expect(closeText('统 计 期 限 为 2023 年 1 月 1 日 至 2023 年 12 月 31 日')).toBe('统计期限为2023年1月1日至2023年12月31日');
    expect(closeText('“ 互 联 网 + 督 查 ” 《 条 例 》 …… 〇 々')).toBe('“互联网+督查”《条例》……〇々');
    // Rare characters beyond the BMP (extension B) are CJK too.
    expect(closeText('张 𠀀 𠀁 明')).toBe('张𠀀𠀁明');
    // Letter-spaced headings typed with spaces or ideographic spaces.
    expect(closeText('目 录')).toBe('目录');
    expect(closeText('前\u3000言')).toBe('前言');
  });

  it('keeps the spaces of Latin text, and of numbers, in a letter-spaced line', () => {
    expect(closeText('按 GB/T 9704 的 版 式 用 Microsoft Word 排 版 。')).toBe('按GB/T 9704的版式用Microsoft Word排版。');
    expect(closeText('规 章 0 1 5')).toBe('规章0 1 5');
  });

  it('leaves a line that is not letter-spaced as written', () => {
    // A page whose paragraphs and cells run together with single spaces (fixtures/import/real).
    const page = '联系电话：0591-23165385）。 一、总体情况 平台建设方面 进一步加强 法律服务机构 其他 一、本年度办理结果';
    expect(letterSpaced(page)).toBe(false);
    expect(closeText(page)).toBe(page);
    expect(closeText('使用 Microsoft Word 编写，符合 GB/T 9704 的要求')).toBe('使用 Microsoft Word 编写，符合 GB/T 9704 的要求');
    expect(closeText('商业 企业')).toBe('商业 企业');
    expect(closeText('GB/T 9704-2012')).toBe('GB/T 9704-2012');
  });

  it('never joins across a line break or a tab, and leaves spaces at a line end', () => {
    expect(closeText('商 业 \n企 业')).toBe('商业 \n企业');
    expect(closeText('规 章\t行 政')).toBe('规章\t行政');
  });

  it('is linear: a line of a million spaced characters is closed in one pass', () => {
    const line = '邮 编 ： '.repeat(250_000);
    expect(closeText(line)).toBe('邮编：'.repeat(250_000).concat(' '));
  });
});

describe('closeCjkSpacing', () => {
  const line = (text: string) => ({ text, at: '第 1 行' });
  it('closes every line of a document whose text layer spaces its characters, the lines pdfjs read with fewer spaces too', () => {
    const lines = [line('信 息 内 容 本 年 处 理 决 定 数 量'), line('行 政许可49255'), line('使用 Word 编写')];
    expect(closeCjkSpacing(lines).map((l) => l.text)).toEqual(['信息内容本年处理决定数量', '行政许可49255', '使用Word编写']);
  });

  it('leaves the lines of a document that does not as written, closing only its own letter-spaced lines', () => {
    const lines = [line('平台建设方面 进一步加强政务公开平台建设'), line('行 政许可49255'), line('目 录'), line('使用 Word 编写')];
    expect(closeCjkSpacing(lines).map((l) => l.text)).toEqual(['平台建设方面 进一步加强政务公开平台建设', '行 政许可49255', '目录', '使用 Word 编写']);
  });
});

describe('WPS-spaced reports (fixtures/import/spaced)', () => {
  let original: Imported;
  let originalPdf: Imported;
  const spaced = new Map<string, Imported>();
  beforeAll(async () => {
    original = await load('original.txt');
    originalPdf = await load('original.pdf');
    for (const name of ['wps.txt', 'wps.html', 'wps.pdf']) spaced.set(name, await load(name));
  });

  it('the PDF’s text layer really holds the spaces', async () => {
    const lines = await pdfReader.read(fs.readFileSync(path.join(SPACED, 'wps.pdf')));
    const preamble = lines.find((line) => line.text.includes('336000'));
    expect(preamble?.text).toMatch(/， 邮 编 ：336000， 电 子 邮 箱 ：jkq_gk@163\.com/);
  });

  it('the original reads its contact details and keeps its Latin spaces', () => {
    expect(original.data.contact).toEqual({
      office: '宜春经济技术开发区管委会办公室',
      address: '宜春经济技术开发区春风路1号客商服务大楼921室',
      phone: '0795-3668066',
      postcode: '336000',
    });
    expect(original.data.preamble).toContain('电子邮箱：jkq_gk@163.com）。本报告按GB/T 9704的版式用Microsoft Word排版。');
  });

  it.each(['wps.txt', 'wps.html', 'wps.pdf'])('%s imports to the values of the unspaced original', (name) => {
    const { data, findings } = spaced.get(name) as Imported;
    // The PDF is compared with the PDF LibreOffice makes of the original: its paragraphs break where its lines do.
    const unspaced = name === 'wps.pdf' ? originalPdf : original;
    for (const key of ['organ', 'year', 'date', 'title', 'website', 'contact', 'proactive', 'applications', 'review_litigation', 'processing_fees']) {
      expect([key, data[key]]).toEqual([key, unspaced.data[key]]);
    }
    if (name === 'wps.pdf') {
      // The spaced page's line before the URL ends short (the URL does not fit after 网 站 （), and the
      // PDF reader does not join such a line to the next: the preamble is one paragraph broken there.
      expect(squeeze(data.preamble)).toBe(squeeze(unspaced.data.preamble));
      expect({ ...data, preamble: '' }).toEqual({ ...unspaced.data, preamble: '' });
    } else expect(data).toEqual(unspaced.data);
    expect(data.preamble).toContain('jkq_gk@163.com');
    expect(data.preamble).toContain('Microsoft Word');
    // In the PDF, GB/T ends a line and 9704 begins the next: a line break inside a word holding a / is
    // joined with nothing (a URL broken anywhere, pdf-layout.ts), so only the texts keep that space.
    if (name !== 'wps.pdf') expect(data.preamble).toContain('GB/T 9704');
    expect(JSON.stringify(data)).not.toMatch(/[\u4e00-\u9fff，：] [\u4e00-\u9fff，：]/);
    expect(findings.map((f) => [f.code, f.pointer, f.params])).toEqual(unspaced.findings.map((f) => [f.code, f.pointer, f.params]));
  });
});
