/**
 * The DOCX as written: word/document.xml parsed; text in order; merges, header rows, fonts, sizes,
 * margins and page numbers as the template wants; properties; byte-identical rebuilds.
 */
import { XMLParser } from 'fast-xml-parser';
import type { TableBlock } from '../src/model/types';
import { docxOf, modelOf } from './helpers/build';

type Xml = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: true, trimValues: false });

/** Depth-first walk over preserveOrder nodes, yielding [tag, node]. */
function* walk(nodes: unknown): Generator<[string, Xml]> {
  if (!Array.isArray(nodes)) return;
  for (const node of nodes as Xml[]) {
    for (const [tag, children] of Object.entries(node)) {
      if (tag === ':@' || tag === '#text') continue;
      yield [tag, node];
      yield* walk(children);
    }
  }
}

const attrs = (node: Xml) => (node[':@'] ?? {}) as Record<string, string>;
const textOf = (node: unknown): string =>
  [...walk([node])].map(([tag, n]) => (tag === 'w:t' ? ((n['w:t'] as Xml[])[0]?.['#text'] ?? '') : tag === 'w:br' ? '\n' : '')).join('');

let parts: Record<string, string>;
/** The XML of one style in word/styles.xml. */
const styleXml = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`, 's').exec(parts['word/styles.xml'] ?? '')?.[0] ?? '';
let bytes: Uint8Array;
let body: Xml[];

beforeAll(async () => {
  ({ parts, bytes } = await docxOf('yichun-2023.yaml'));
  body = parser.parse(parts['word/document.xml'] ?? '') as Xml[];
});

test('every heading, paragraph and table label of the seed is there, in order', () => {
  const doc = modelOf('yichun-2023.yaml');
  const expected = doc.blocks.flatMap((b) =>
    b.kind === 'title'
      ? [b.lines.join('\n')]
      : b.kind === 'heading' || b.kind === 'paragraph'
        ? [b.text]
        : b.kind === 'table'
          ? b.grid.cells.map((c) => c.text)
          : [b.organ, b.dateText],
  );
  const bodyNode = [...walk(body)].find(([tag]) => tag === 'w:body')?.[1];
  const paragraphs = [...walk(bodyNode?.['w:body'])]
    .filter(([tag]) => tag === 'w:p')
    .map(([, n]) => textOf(n))
    .filter(Boolean);
  // A hyphen between digits is followed by a word joiner (LibreOffice breaks after it otherwise).
  expect(paragraphs).toEqual(expected.map((text) => text.replace(/(?<=\d)-(?=\d)/g, '-\u2060')));
  expect(paragraphs.join('')).toContain('0795-\u20603668066');
});

test('merged cells: gridSpan and vMerge match the model grid of each table', () => {
  const doc = modelOf('yichun-2023.yaml');
  const tables = [...walk(body)].filter(([tag]) => tag === 'w:tbl').map(([, n]) => n);
  expect(tables).toHaveLength(3);
  doc.blocks
    .filter((b): b is TableBlock => b.kind === 'table')
    .forEach((table, i) => {
      const rows = [...walk(tables[i]?.['w:tbl'])].filter(([tag]) => tag === 'w:tr').map(([, n]) => n);
      expect(rows).toHaveLength(table.grid.rowCount);
      const spans = rows.map((row) =>
        [...walk(row['w:tr'])]
          .filter(([tag]) => tag === 'w:tc')
          .map(([, cell]) => {
            const props = [...walk(cell['w:tc'])];
            const span = props.find(([tag]) => tag === 'w:gridSpan');
            const merge = props.find(([tag]) => tag === 'w:vMerge');
            const mergeValue = merge ? (attrs(merge[1])['@w:val'] ?? 'continue') : '';
            return `${span ? attrs(span[1])['@w:val'] : 1}${mergeValue ? ':' + mergeValue : ''}`;
          })
          .join(' '),
      );
      // Expected from the model: each grid row lists its anchors (restart if rowSpan > 1) and the continuations of cells above.
      const expected = Array.from({ length: table.grid.rowCount }, (_, r) =>
        table.grid.cells
          .filter((c) => c.row <= r && r < c.row + c.rowSpan && (c.row === r || c.rowSpan > 1))
          .sort((a, b) => a.col - b.col)
          .map((c) => `${c.colSpan}${c.rowSpan > 1 ? (c.row === r ? ':restart' : ':continue') : ''}`)
          .join(' '),
      );
      expect(spans).toEqual(expected);
      const headerRows = rows.filter((row) => [...walk(row['w:tr'])].some(([tag, n]) => tag === 'w:tblHeader' && attrs(n)['@w:val'] !== 'off')).length;
      expect(headerRows).toBe(table.grid.headerRows);
      expect(rows.every((row) => [...walk(row['w:tr'])].some(([tag]) => tag === 'w:cantSplit'))).toBe(true);
      const gridCols = [...walk(tables[i]?.['w:tbl'])].filter(([tag]) => tag === 'w:gridCol');
      expect(gridCols).toHaveLength(table.grid.columns.length);
    });
});

test('page: A4, GB/T 9704 margins, exact 22-line pitch, even/odd footers with — N —', () => {
  const xml = parts['word/document.xml'] ?? '';
  const sectPr = /<w:sectPr>.*<\/w:sectPr>/s.exec(xml)?.[0] ?? '';
  const twips = (name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(sectPr)?.[1]);
  const mm = (value: number) => (value / 1440) * 25.4;
  expect([mm(twips('w:w')), mm(twips('w:h'))].map(Math.round)).toEqual([210, 297]);
  expect(['w:top', 'w:bottom', 'w:left', 'w:right'].map((side) => Math.round(mm(twips(side))))).toEqual([37, 35, 28, 26]);
  // 22 lines fill the type area as the margins set it (12757 twips): 579 twips, rounded down so that 22 fit.
  const pitch = Math.floor((twips('w:h') - twips('w:top') - twips('w:bottom')) / 22);
  expect(styleXml('Normal')).toContain(`<w:spacing w:after="0" w:before="0" w:line="${pitch}" w:lineRule="exact"/>`);
  expect(sectPr).toContain(`<w:docGrid w:linePitch="${pitch}"/>`);
  expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
  for (const footer of ['word/footer1.xml', 'word/footer2.xml']) {
    expect(parts[footer]).toContain('PAGE');
    expect(parts[footer]).toMatch(/— <\/w:t>.*PAGE.* —<\/w:t>/s);
    expect(parts[footer]).toContain('<w:pStyle w:val="Footer"/>');
  }
  expect(styleXml('Footer')).toMatch(/w:eastAsia="宋体".*<w:sz w:val="28"\/>/s);
  expect(parts['word/footer1.xml']).toContain('<w:jc w:val="right"/>');
  expect(parts['word/footer2.xml']).toContain('<w:jc w:val="left"/>');
});

test('styles: title 2号 小标宋, headings 黑体/楷体/仿宋 bold, body 3号 仿宋 justified with a two-character indent, table sizes', () => {
  expect(styleXml('Title')).toMatch(/<w:jc w:val="center"\/>.*w:eastAsia="方正小标宋简体".*<w:sz w:val="44"\/>/s);
  expect(styleXml('Normal')).toMatch(/<w:ind w:firstLine="632"\/><w:jc w:val="both"\/>.*w:eastAsia="仿宋_GB2312".*<w:sz w:val="32"\/>/s);
  expect(styleXml('Heading1')).toMatch(/<w:outlineLvl w:val="0"\/>.*w:eastAsia="黑体".*<w:sz w:val="32"\/>/s);
  expect(styleXml('Heading2')).toMatch(/<w:outlineLvl w:val="1"\/>.*w:eastAsia="楷体_GB2312"/s);
  expect(styleXml('Heading3')).toMatch(/w:eastAsia="仿宋_GB2312".*<w:b\/>/s);
  // Table 三 and 四 at 五号 (10.5 pt), table 二 at 4号 (14 pt).
  expect(styleXml('TableText21')).toContain('<w:sz w:val="21"/>');
  expect(styleXml('TableText28')).toContain('<w:sz w:val="28"/>');
  expect(parts['word/fontTable.xml']).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
  expect(parts['word/styles.xml']).toContain('w:eastAsia="zh-CN"');
  // Paragraphs use the styles.
  const xml = parts['word/document.xml'] ?? '';
  const styleBefore = (text: string) =>
    /<w:pStyle w:val="([^"]+)"\/>(?!.*<w:pStyle)/s.exec(xml.slice(xml.lastIndexOf('<w:p>', xml.indexOf(`>${text}<`)), xml.indexOf(`>${text}<`)))?.[1];
  expect(styleBefore('宜春经济技术开发区2023年度')).toBe('Title');
  expect(styleBefore('一、总体情况')).toBe('Heading1');
  expect(styleBefore('（一）主动公开情况')).toBe('Heading2');
  expect(styleBefore('申请人情况')).toBe('TableText21');
  expect(styleBefore('2023年，本机关无收取信息处理费情况。')).toBeUndefined();
});

test('document properties: title, author = organ, language, pinned dates', () => {
  const core = parts['docProps/core.xml'] ?? '';
  expect(core).toContain('<dc:title>宜春经济技术开发区2023年度政府信息公开工作年度报告</dc:title>');
  expect(core).toContain('<dc:creator>宜春经济技术开发区管理委员会</dc:creator>');
  expect(core).toContain('<dc:language>zh-CN</dc:language>');
  expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-25T00:00:00Z</dcterms:created>');
});

test('two builds are byte-identical; every entry carries the pinned date', async () => {
  const again = await docxOf('yichun-2023.yaml');
  expect(Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true);
  const { unzipSync } = await import('fflate');
  expect(Object.keys(unzipSync(bytes))).toContain('[Content_Types].xml');
  // Every local header (PK\x03\x04) holds the DOS date of 2024-01-25 00:00.
  const buffer = Buffer.from(bytes);
  const dosDate = ((2024 - 1980) << 9) | (1 << 5) | 25;
  let headers = 0;
  for (let at = buffer.indexOf('PK\x03\x04', 0, 'latin1'); at >= 0; at = buffer.indexOf('PK\x03\x04', at + 4, 'latin1')) {
    expect([buffer.readUInt16LE(at + 10), buffer.readUInt16LE(at + 12)]).toEqual([0, dosDate]);
    headers++;
  }
  expect(headers).toBeGreaterThan(10);
});

test('titles and text with XML special characters stay well-formed', async () => {
  const { XMLValidator } = await import('fast-xml-parser');
  const doc = modelOf('yichun-2023.yaml');
  const tricky = {
    ...doc,
    meta: { ...doc.meta, title: 'A&B <年报> "引号"' },
    blocks: [...doc.blocks, { kind: 'paragraph' as const, text: '1 < 2 & 3 > 2', origin: '' }],
  };
  const { renderDocx } = await import('../src/render/docx');
  const { unzipSync } = await import('fflate');
  const files = unzipSync(await renderDocx(tricky, { timestamp: new Date('2024-01-25T00:00:00Z') }));
  for (const name of ['docProps/core.xml', 'word/document.xml']) {
    expect(XMLValidator.validate(Buffer.from(files[name] as Uint8Array).toString('utf8'))).toBe(true);
  }
  expect(Buffer.from(files['docProps/core.xml'] as Uint8Array).toString('utf8')).toContain('<dc:title>A&amp;B &lt;年报&gt; &quot;引号&quot;</dc:title>');
});
