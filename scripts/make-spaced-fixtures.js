#!/usr/bin/env node
/**
 * Makes fixtures/import/spaced/: the seed report's text (fixtures/seed/yichun-2023.txt) with one
 * sentence of Latin text added to its preamble (original.txt), and the same report as a WPS-exported
 * PDF's text layer gives it, a space between every two characters of which one is CJK (Latin words
 * and numbers stay whole, as WPS sets them):
 *   wps.txt   the text copied out of such a PDF;
 *   wps.html  a portal page into which that text was pasted, a <p> per line;
 *   original.fodt the original as a LibreOffice document, and
 *   wps.fodt  the spaced text as a LibreOffice document: its PDF's text layer holds a space between
 *             the glyphs as WPS's does (on the page the characters stand apart, as on WPS's grid; a
 *             space set smaller than the text is a text item of its own, which pdfjs drops, and one
 *             narrowed by letter-spacing is not written into the text layer at all); `soffice --headless
 *             --convert-to pdf *.fodt` makes original.pdf and wps.pdf (committed, so the tests need no LibreOffice).
 * Run: node scripts/make-spaced-fixtures.js && (cd fixtures/import/spaced && soffice --headless --convert-to pdf original.fodt wps.fodt)
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const out = path.join(root, 'fixtures', 'import', 'spaced');
const seed = fs.readFileSync(path.join(root, 'fixtures', 'seed', 'yichun-2023.txt'), 'utf8');
// Latin text whose spaces are real: they must survive the import of the spaced copies.
const original = seed.replace('邮编：336000）。', '邮编：336000，电子邮箱：jkq_gk@163.com）。本报告按GB/T 9704的版式用Microsoft Word排版。');
if (original === seed) throw new Error('the seed preamble changed: update make-spaced-fixtures.js');

const WIDE = /[\u00b7\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]/u;
/** A space between two characters when one of them is CJK (a tab or a line's end is no character). */
const spaced = (line, space = ' ') =>
  line.replace(/(?<=[^\s])(?=[^\s])/gu, (_, offset) => (WIDE.test(line[offset - 1]) || WIDE.test(line[offset]) ? space : ''));

const lines = original.split('\n');
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'original.txt'), original);
fs.writeFileSync(path.join(out, 'wps.txt'), lines.map((line) => spaced(line)).join('\n'));
fs.writeFileSync(
  path.join(out, 'wps.html'),
  `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>宜春经济技术开发区2023年度政府信息公开工作年度报告</title></head>\n<body>\n${lines
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escape(spaced(line.replace(/\t/g, ' ').trim()))}</p>`)
    .join('\n')}\n</body></html>\n`,
);
const paragraph = (space) => (line) =>
  `<text:p text:style-name="P">${escape(spaced(line, space))
    .replace(/\t/g, '<text:tab/>')
    .replace(/\u0001/g, ' ')}</text:p>`;
const fodt = (space) => `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
<style:style style:name="P" style:family="paragraph"><style:text-properties fo:font-size="11pt" style:font-name="Noto Serif CJK SC" style:font-name-asian="Noto Serif CJK SC"/></style:style>
</office:automatic-styles>
<office:body><office:text>
${lines.map(paragraph(space)).join('\n')}
</office:text></office:body></office:document>
`;
fs.writeFileSync(path.join(out, 'wps.fodt'), fodt('\u0001'));
// The same document without the spaces: the PDF the spaced one is compared with.
fs.writeFileSync(path.join(out, 'original.fodt'), fodt(''));
