#!/usr/bin/env node
/**
 * Makes fixtures/import/pages/ (issue #19, "Pages"): Word files written for the purpose, each with
 * its page numbers printed in one of the styles published reports use, exported to PDF by
 * LibreOffice as a clerk's office suite would, then pages removed, repeated or reordered with qpdf
 * as a careless scan-and-merge or a portal's upload leaves them. ORIGIN.md says what each file is.
 *
 * Each DOCX is our own DOCX of one report (pages-2023.yaml, written here: the seed's text with a
 * paragraph holding "GB/T 9704" and one holding a URL longer than a line, and the relabelled
 * fixture's tables, each row its own numbers), built by the library's `build` with a fixed date,
 * with its footers rewritten: the text around the PAGE field (— 3 —, - 3 -, 第3页, 3/7 with
 * NUMPAGES, a bare 3), for one a first page printed without a number (titlePg, as many reports
 * print their first page). The URL's paragraph is set flush left, so the lines before its parts end
 * short. In gaps.docx table rows may break over a page (cantSplit, keepNext and the page break
 * before table 三 dropped), one empty line before table 三 putting a wrapped row label on the break.
 *
 * Run (after `npm run build`; needs LibreOffice and qpdf): node scripts/make-page-fixtures.js
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { build } = require('../dist/api.js');
const { listZip, readZipEntry, writeZip } = require('../dist/zip.js');

const root = path.join(__dirname, '..');
const out = path.join(root, 'fixtures', 'import', 'pages');
const seedYaml = fs.readFileSync(path.join(root, 'fixtures', 'yichun-2023.yaml'), 'utf8');
/** The paragraph set flush left. */
const FLUSH_LEFT = '5.公开政策文件库';

/**
 * The report of every fixture: the seed's text with two paragraphs added — "GB/T 9704", which
 * LibreOffice breaks after "GB/T", and a URL too long for the rest of its line — and the tables of
 * the relabelled fixture, whose rows each hold their own numbers (a row read as its neighbour, or
 * a page's rows lost or read twice, cannot pass).
 */
function pagesYaml() {
  const paragraphs = [
    '4.规范公文版式。我区的公开文件按照国家标准GB/T 9704的版式排版印发。',
    // Set flush left (FLUSH_LEFT): the lines before the URL's parts end short, the parts being too long to start on them.
    `${FLUSH_LEFT}。本区政策文件库的地址为https://www.yichun.gov.cn/ycsrmzf/zcwjk/zcwjk_list.shtml?organId=jkq&year=2023，欢迎查阅。`,
  ];
  const relabelled = fs.readFileSync(path.join(root, 'fixtures', 'import', 'relabelled', 'relabelled-2023.yaml'), 'utf8');
  const tables = /^proactive:.*?(?=^problems:)/ms.exec(relabelled)?.[0];
  const fees = /^processing_fees:.*$/m.exec(relabelled)?.[0];
  const yaml = seedYaml
    .replace(/^# 转录自 .*$/m, '# 由种子报告的文字和 relabelled-2023.yaml 的表格写成，供导入测试用（scripts/make-page-fixtures.js 写出）')
    .replace(/(      3\.加强业务培训。[^\n]*\n)/, `$1${paragraphs.map((p) => `\n      ${p}\n`).join('')}`)
    .replace(/^proactive:.*?(?=^# 五、|^problems:)/ms, `${tables}\n`)
    .replace(/^processing_fees:.*$/m, fees ?? '')
    // The text agrees with these tables (RPT3014), and a development zone makes no 规章 (RPT3010).
    .replace('制定出台行政规范性文件7件', '制定出台行政规范性文件14件')
    .replace('我区未收到依申请公开办理件。', '我区共收到政府信息公开申请205件。')
    .replace('rules: {issued: 2, repealed: 1, in_force: 9}', 'rules: {issued: 0, repealed: 0, in_force: 0}');
  if (!tables || !fees || !yaml.includes('GB/T 9704') || !yaml.includes('141, 31, 7')) throw new Error('the seed changed: update make-page-fixtures.js');
  return yaml;
}

/** Footer paragraph runs: text before the page number, the number's fields, text after. */
const FOOTERS = {
  em: { before: '— ', after: ' —' },
  hyphen: { before: '- ', after: ' -' },
  di: { before: '第', after: '页' },
  of: { before: '', after: '/', total: true },
  bare: { before: '', after: '' },
};

const field = (instruction) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instruction}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
const text = (t) => (t ? `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>` : '');

/** A footer part with its paragraph's runs replaced by the style's. */
function restyleFooter(xml, style) {
  const runs = text(style.before) + field('PAGE') + text(style.after) + (style.total ? field('NUMPAGES') : '');
  const paragraph = /(<w:p><w:pPr>.*?<\/w:pPr>).*(<\/w:p><\/w:ftr>)$/s;
  if (!paragraph.test(xml)) throw new Error('the footer changed: update make-page-fixtures.js');
  return xml.replace(paragraph, `$1${runs}$2`);
}

/** Our DOCX of `yaml`, its footers in `style`; `firstUnnumbered` prints no number on page 1; `splitRows` lets table rows break over pages. */
async function docx(yaml, style, { firstUnnumbered = false, splitRows = false, pushTable = 0 } = {}) {
  const { outputs, diagnostics } = await build(yaml, { file: 'report.yaml', formats: ['docx'] });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code} ${d.message.en}`).join('\n'));
  const bytes = outputs[0].bytes;
  const entries = listZip(bytes).map((entry) => {
    let content = Buffer.from(readZipEntry(bytes, entry));
    if (/^word\/footer\d\.xml$/.test(entry.name)) content = Buffer.from(restyleFooter(content.toString('utf8'), style));
    if (entry.name === 'word/document.xml') {
      let xml = content.toString('utf8');
      // titlePg without a first-page footer: page 1 has no footer at all.
      if (firstUnnumbered) xml = xml.replace('<w:pgNumType/>', '<w:pgNumType/><w:titlePg/>');
      // As a clerk's Word file is: rows may break over a page, nothing kept with the next paragraph, no page break before table 三.
      if (splitRows) xml = xml.replace(/<w:cantSplit\/>|<w:keepNext\/>|<w:pageBreakBefore\/>/g, '');
      // Empty lines before the heading of table 三, so that a page break falls inside a row whose label wraps.
      const heading = '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">三、';
      xml = xml.replace(heading, '<w:p/>'.repeat(pushTable) + heading);
      // The paragraph with the URL set flush left, not justified: its line before the URL ends short.
      xml = xml.replace(
        `<w:p><w:r><w:t xml:space="preserve">${FLUSH_LEFT}`,
        `<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:t xml:space="preserve">${FLUSH_LEFT}`,
      );
      content = Buffer.from(xml);
    }
    return [entry.name, content];
  });
  return writeZip(entries, new Date(1700000000 * 1000));
}

/** In a qpdf page selection: the fixture's own export. */
const EXPORT = '%export';

/** The fixtures: a DOCX each, and the PDFs made from its LibreOffice export by qpdf page selections. */
const FIXTURES = [
  {
    name: 'em',
    style: FOOTERS.em,
    // mixed-pages: page 2 of another report's LibreOffice export (also printed — 2 —) merged in after page 2.
    pdfs: {
      'em-reordered': '1-3,5,4,6-z',
      'mixed-pages': ['1-2', path.join(root, 'fixtures', 'import', 'relabelled', 'relabelled-2023.pdf'), '2', EXPORT, '3-z'],
    },
  },
  { name: 'hyphen', style: FOOTERS.hyphen, pdfs: { 'hyphen-repeated': '1-3,3,4-z' } },
  { name: 'di', style: FOOTERS.di, pdfs: { 'di-missing': '1-2,4-z' } },
  { name: 'of', style: FOOTERS.of, pdfs: { 'of-missing-last': '1-r2' } },
  { name: 'bare', style: FOOTERS.bare, pdfs: { 'bare-reordered': '1,3,2,4-z' } },
  { name: 'unnumbered', style: FOOTERS.em, options: { firstUnnumbered: true }, pdfs: { 'unnumbered-reordered': '1-3,5,4,6-z' } },
  { name: 'gaps', style: FOOTERS.em, options: { splitRows: true, pushTable: 1 }, pdfs: { gaps: '1-z' } },
];

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'page-fixtures-'));
  const yaml = pagesYaml();
  fs.writeFileSync(path.join(out, 'pages-2023.yaml'), yaml);
  for (const fixture of FIXTURES) {
    const file = path.join(out, `${fixture.name}.docx`);
    fs.writeFileSync(file, await docx(yaml, fixture.style, fixture.options));
    execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', work, file], { stdio: 'pipe' });
    const exported = path.join(work, `${fixture.name}.pdf`);
    for (const [pdf, pages] of Object.entries(fixture.pdfs)) {
      const selection = (typeof pages === 'string' ? [pages] : pages).map((arg) => (arg === EXPORT ? exported : arg));
      execFileSync('qpdf', ['--deterministic-id', exported, '--pages', exported, ...selection, '--', path.join(out, `${pdf}.pdf`)]);
      console.log(`${pdf}.pdf: qpdf --pages ${fixture.name}.pdf ${selection.map((arg) => path.basename(arg)).join(' ')}`);
    }
  }
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
