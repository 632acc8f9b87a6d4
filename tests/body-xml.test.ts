/**
 * The DOCX body writer (src/render/docx/body-xml.ts) writes what docx writes for the same options:
 * each case is compiled by docx into a document of one section and compared with our text, so a
 * docx upgrade that changes its output fails here, whatever the fixtures happen to use.
 */
import {
  AlignmentType,
  Document,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { documentParts, documentSkeleton, documentXml } from '../src/render/docx/docx-adapter';
import { paragraphXml, runXml, tableXml, type CellOptions, type Justification, type ParagraphOptions, type RowOptions } from '../src/render/docx/body-xml';

/** The body docx writes for `children` (word/document.xml between <w:body> and the section's properties). */
function docxBody(children: (Paragraph | Table)[]): string {
  const xml = Buffer.from(documentParts(new Document({ sections: [{ children }] }), {}).find(([name]) => name === 'word/document.xml')?.[1] ?? []).toString();
  return xml.slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.lastIndexOf('<w:sectPr>'));
}

const JUSTIFY = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED } as const;
const docxParagraph = (options: ParagraphOptions, runs: { text: string; break?: number; size?: number }[]): IParagraphOptions => ({
  ...options,
  ...(options.alignment ? { alignment: JUSTIFY[options.alignment] } : {}),
  children: runs.map((run) => new TextRun(run)),
});

test('paragraphs and runs: every property the renderer sets, escaping, breaks, sizes', () => {
  const cases: [ParagraphOptions, { text: string; break?: number; size?: number }[]][] = [
    [{}, []],
    [{}, [{ text: '' }]],
    [{ style: 'Title' }, [{ text: '第一行' }, { text: '第二行 & <三> "四" \'五\'\u0001', break: 1 }]],
    [{ style: 'Heading1', pageBreakBefore: true }, [{ text: '一、总体情况' }]],
    [{ keepNext: true, keepLines: true }, [{ text: '0517-\u206087654321' }]],
    [{ spacing: { line: 290, lineRule: 'exact', before: 0, after: 0 } }, []],
    [
      {
        keepNext: false,
        keepLines: true,
        spacing: { line: 579, lineRule: 'exact', before: 1158, after: 0 },
        indent: { left: 4423, right: -632, firstLine: 0 },
        alignment: 'left',
      },
      [{ text: '2024年1月25日' }],
    ],
    [
      { style: 'TableText21', keepNext: true, alignment: 'right' },
      [
        { text: '12', size: 16 },
        { text: '34', size: 16, break: 1 },
      ],
    ],
    [{ indent: { right: 280, firstLine: 0 }, alignment: 'both' }, [{ text: 'x' }]],
  ];
  for (const [options, runs] of cases) {
    expect(paragraphXml(options, runs.map(runXml).join(''))).toBe(docxBody([new Paragraph(docxParagraph(options, runs))]));
  }
});

test('a table with merged cells across rows and columns, header rows and cells not centred', () => {
  const widths = [1000, 1200, 1400, 1600];
  const border = { style: 'single', size: 4, color: '000000' } as const;
  const margins = { top: 40, left: 50, bottom: 40, right: 50 };
  // [col, colSpan, rowSpan, alignment] of each row's own cells (a cell spanning rows is not repeated below).
  const layout: [number, number, number, Justification | undefined][][] = [
    [
      [0, 2, 3, 'left'],
      [2, 1, 2, undefined],
      [3, 1, 1, undefined],
    ],
    [[3, 1, 1, 'right']],
    [[2, 2, 1, undefined]],
    [
      [0, 1, 1, 'both'],
      [1, 3, 1, undefined],
    ],
  ];
  const paragraph = (r: number, c: number, alignment: Justification | undefined): ParagraphOptions => ({
    style: 'TableText28',
    keepNext: r < 2,
    ...(alignment ? { alignment } : {}),
  });
  const width = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const rows: RowOptions[] = layout.map((cells, r) => ({
    tableHeader: r < 1,
    cantSplit: true,
    height: 416,
    cells: cells.map(([col, colSpan, rowSpan, alignment]): CellOptions => ({
      width: width(col, colSpan),
      columnSpan: colSpan,
      rowSpan,
      verticalAlign: 'center',
      paragraph: paragraphXml(paragraph(r, col, alignment), runXml({ text: `${r}${col}` })),
      ...(alignment ? { alignment } : {}),
    })),
  }));
  const ours = tableXml({ width: 5200, columnWidths: widths, margins, border, rows });
  const theirs = new Table({
    columnWidths: widths,
    width: { size: 5200, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: layout.map(
      (cells, r) =>
        new TableRow({
          ...(r < 1 ? { tableHeader: true } : {}),
          cantSplit: true,
          height: { value: 416, rule: 'atLeast' },
          children: cells.map(
            ([col, colSpan, rowSpan, alignment]) =>
              new TableCell({
                children: [new Paragraph(docxParagraph(paragraph(r, col, alignment), [{ text: `${r}${col}` }]))],
                columnSpan: colSpan,
                rowSpan,
                width: { size: width(col, colSpan), type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.CENTER,
              }),
          ),
        }),
    ),
  });
  expect(ours).toBe(docxBody([theirs]));
  expect(ours).toContain('<w:vMerge w:val="continue"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:jc w:val="left"/></w:pPr></w:p>');
});

test('a document without content is its sections alone, each w:sectPr where the body puts it', () => {
  const section = (orientation: 'portrait' | 'landscape') => ({ properties: { page: { size: { orientation } } }, children: [] });
  const skeleton = documentSkeleton(new Document({ sections: [section('portrait'), section('landscape'), section('portrait')] }), {});
  expect(skeleton.sectionProperties).toHaveLength(3);
  expect(skeleton.sectionProperties[1]).toContain('w:orient="landscape"');
  const body = skeleton.sectionProperties.map((properties, i) => (i < 2 ? paragraphXml({}, '', properties) : properties)).join('');
  expect(documentXml(skeleton, body)).toBe(Buffer.from(skeleton.parts.find(([name]) => name === 'word/document.xml')?.[1] ?? []).toString());
});
