/**
 * `report import` of a web page: our seed rendered the way a government portal publishes it (a
 * navigation bar, scripts, the article with its tables in rowspan/colspan, a footer; GB2312 or
 * UTF-8) imports to the data of fixtures/yichun-2023.yaml: tables exactly, text modulo whitespace.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { decodeHtml, htmlLines, htmlReader } from '../src/import/html-reader';
import { importReport } from '../src/import/import';
import { ImportError } from '../src/import/reader';
import type { ReportDoc } from '../src/model/types';
import { modelOf } from './helpers/build';
import { FIXTURES } from './helpers/fixtures';
import { encodeGb18030, squeeze } from './helpers/text';

const options = { schemaPath: '../schemas/report.schema.json' };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The model as a portal's article page: unclosed <p>, <br> in cells, &nbsp;, nav, scripts and a footer around it. */
function portalPage(doc: ReportDoc, charset: string): string {
  const article = doc.blocks.map((block) => {
    switch (block.kind) {
      case 'title':
        return `<h1 class="title">${escape(block.text)}</h1>`;
      case 'heading':
        return `<p style="text-indent:2em"><strong>${escape(block.text)}</strong>`;
      case 'paragraph':
        return `<p style="text-indent:2em">&nbsp;&nbsp;${escape(block.text)}`;
      case 'signature':
        return `<p align="right">${block.organLines.map(escape).join('')}<p align="right">${escape(block.dateText)}`;
      case 'table': {
        const rows = Array.from({ length: block.grid.rowCount }, (_, r) =>
          block.grid.cells
            .filter((c) => c.row === r)
            .map((c) => {
              const tag = c.header ? 'th' : 'td';
              const spans = `${c.rowSpan > 1 ? ` rowspan=${c.rowSpan}` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
              // Cells are left unclosed half of the time, as old editors write them.
              return `<${tag}${spans} valign=middle>${c.text.split('\n').map(escape).join('<br>')}${(c.row + c.col) % 2 ? '' : `</${tag}>`}`;
            })
            .join('\n'),
        );
        return `<table border="1" cellspacing=0 style="border-collapse:collapse">\n<tbody>\n${rows.map((r) => `<tr>\n${r}\n</tr>`).join('\n')}\n</tbody></table>`;
      }
    }
  });
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}" />
<title>${escape(doc.meta.title)}_宜春经济技术开发区</title>
<script type="text/javascript">var nav = "<p>不是正文</p>"; if (a < b && c > d) {}</script>
<style>p { margin: 0 }</style>
</head>
<body>
<!-- 导航 <p>注释里的段落</p> -->
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href=/zwgk>政务公开</a></li><li>当前位置：首页 &gt; 政府信息公开 &gt; 年度报告</li></ul></div>
<noscript>请启用脚本</noscript>
<div class="article">
${article.join('\n')}
</div>
<div class="share">【打印本页】 【关闭窗口】</div>
<div class="footer"><p>主办单位：宜春经济技术开发区管理委员会 &nbsp;&copy; 2024<p>赣ICP备00000000号 联系电话：0795-0000000</div>
<script>document.write("<table><tr><td>9</td></tr></table>")</script>
</body>
</html>
`;
}

const written = () => parse(fs.readFileSync(path.join(FIXTURES, 'yichun-2023.yaml'), 'utf8')) as Record<string, unknown>;

describe('html reader', () => {
  it('reads blocks as paragraphs and table cells in grid columns, a rowspan-covered cell once', () => {
    const lines = htmlLines(
      '<p>甲&nbsp;乙<br>丙<div>丁 &ldquo;戊&rdquo;&#8212;&#x41;</div>' +
        '<table><tr><td rowspan=2>商业<br>企业<td colspan="2">a<td>b</tr><tr><td>1</td><td>2<td>3</table>尾',
    );
    expect(lines).toEqual([
      { text: '甲\u00a0乙', at: '第 1 段' },
      { text: '丙', at: '第 2 段' },
      { text: '丁 “戊”—A', at: '第 3 段' },
      { text: '商业\n企业', at: '表 1 第 1 行第 1 格', cell: { table: 0, row: 0, col: 0 } },
      { text: 'a', at: '表 1 第 1 行第 2 格', cell: { table: 0, row: 0, col: 1 } },
      { text: 'b', at: '表 1 第 1 行第 4 格', cell: { table: 0, row: 0, col: 3 } },
      { text: '1', at: '表 1 第 2 行第 2 格', cell: { table: 0, row: 1, col: 1 } },
      { text: '2', at: '表 1 第 2 行第 3 格', cell: { table: 0, row: 1, col: 2 } },
      { text: '3', at: '表 1 第 2 行第 4 格', cell: { table: 0, row: 1, col: 3 } },
      { text: '尾', at: '第 4 段' },
    ]);
  });

  it("reads HTML's whole table of named references, the legacy ones without a semicolon, and ends <head> where a browser does", () => {
    expect(
      htmlLines(
        '<html><head><title>题</title><meta charset=utf-8><style>p{}</style>' +
          '<p>正文&frac12;&hookleftarrow;&nbsp&amp&notit;&unknown;<td __proto__=x rowspan=2 title="a&quot;b">' +
          '<script>document.write("<p>不是正文</p>")</script><p>第二段</p>',
      ),
    ).toEqual([
      { text: '正文½↩\u00a0&¬it;&unknown;', at: '第 1 段' },
      { text: '第二段', at: '第 2 段' },
    ]);
    // A table cell's spans come from its own attributes, whatever else it carries.
    expect(htmlLines('<table><tr><td __proto__=x rowspan=2>a<td>b<tr><td>c</table>').map((line) => line.at)).toEqual([
      '表 1 第 1 行第 1 格',
      '表 1 第 1 行第 2 格',
      '表 1 第 2 行第 2 格',
    ]);
  });

  it('detects a page by its name or its first bytes, and honours the declared charset and a BOM', () => {
    expect(htmlReader.detect(Buffer.from('x'), 'a.HTM')).toBe(true);
    expect(htmlReader.detect(Buffer.from('\ufeff \n<!doctype html><p>x'), 'a')).toBe(true);
    expect(htmlReader.detect(Buffer.from('<HTML><p>x'), 'a.txt')).toBe(true);
    expect(htmlReader.detect(Buffer.from('一、总体情况'), 'a.txt')).toBe(false);
    expect(decodeHtml(Uint8Array.from([...Buffer.from('<meta charset=gbk>'), 0xb9, 0xe6, 0xd5, 0xc2]))).toBe('<meta charset=gbk>规章');
    expect(decodeHtml(Buffer.from('\ufeff<p>规章', 'utf8'))).toBe('<p>规章');
  });
});

describe('a portal page of the seed', () => {
  for (const charset of ['utf-8', 'gb2312']) {
    it(`imports to the report data (${charset}): tables exactly, text modulo whitespace`, async () => {
      const page = portalPage(modelOf('yichun-2023.yaml'), charset);
      const bytes = charset === 'utf-8' ? Buffer.from(page, 'utf8') : encodeGb18030(page);
      const imported = await importReport(bytes, 'yichun-2023.html', options);
      expect(imported.format).toBe('html');
      const expected = written();
      for (const key of ['organ', 'year', 'date', 'title', 'website', 'proactive', 'applications', 'review_litigation', 'processing_fees']) {
        expect([key, imported.data[key]]).toEqual([key, expected[key]]);
      }
      // Navigation before the title and the footer after the date are not part of the report.
      expect(squeeze(imported.data)).toEqual(squeeze(expected));
      expect(imported.yaml).not.toMatch(/首页|ICP|打印本页/);
    });
  }

  it('a page without a report gives findings or a clear error, never a crash', async () => {
    const page = '<!doctype html><html><head><title>404</title></head><body><div class="nav">首页</div><p>页面不存在</p></body></html>';
    const result = await importReport(Buffer.from(page, 'utf8'), 'broken.html', options).catch((e: unknown) => e as Error);
    if (result instanceof Error) expect(result).toBeInstanceOf(ImportError);
    else expect(result.findings.length).toBeGreaterThan(0);
    const empty = await importReport(Buffer.from('<html><body><script>x()</script></body></html>'), 'empty.html', options).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(ImportError);
  });
});

test('bytes that are not in the encoding of the page are placed at their line and column, a run of them once', () => {
  const page = Buffer.concat([Buffer.from('<meta charset=gb2312>\n<p>'), Buffer.from([0xb9, 0xe6, 0xff, 0xff, 0xd5, 0xc2]), Buffer.from('</p>\n<p>ok')]);
  expect(htmlReader.badBytes?.(page)).toEqual([{ line: 2, column: 5, encoding: 'GB18030' }]);
  expect(htmlReader.badBytes?.(Buffer.from('<p>规章</p>', 'utf8'))).toEqual([]);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>a', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from('b', 'utf16le')]);
  expect(htmlReader.badBytes?.(utf16)).toEqual([{ line: 1, column: 5, encoding: 'UTF-16LE' }]);
});
