/**
 * The page's inline CSS, from the page standard (format/page-standard.ts) and the model's tables: no web fonts, no
 * external resources. On screen it reads on a phone (body ≥ 16 px at line-height 1.8, tables that
 * scroll sideways in their wrapper instead of squashing, numbers that never wrap) and grows with the
 * reader's own text size and zoom; a checkbox (CSS only, no script) turns on 大字 large type. In
 * print it takes the PDF's look: A4 with the 公文 margins, 仿宋 3号 on the 22-line grid, 0.5 pt
 * table rules, header rows repeated on every page, page numbers — 3 — outside.
 *
 * Every rule of the article is scoped to `.nianbao-report`, so the article and its style can be
 * pasted into a CMS page (--fragment) without touching the page's own elements.
 */
import type { ReportDoc, SignatureBlock, TableBlock, TitleBlock } from '../../model/types';
import { estimatedWidth, fullWidthChars } from '../../model/title-lines';
import { signaturePlacement } from '../../model/signature';
import { CELL_LINE_HEIGHT, CELL_PADDING_PT, LINE_PITCH_PT, PAGE, ROLE, SIZE_PT, TABLE_BORDER_PT } from '../../format/page-standard';
import { faces, LOOK, type Part } from './look';
import { columnGroups, columnPercent, tableId } from './table';

/** A number for CSS: at most three decimals, no trailing zeros (the output must not depend on float printing). */
const n = (value: number) => String(Number(value.toFixed(3)));

const R = '.nianbao-report';

/** Where each part's look (look.ts) applies in the stylesheet. */
const SELECTORS: Readonly<Record<Part, string>> = {
  article: R,
  h1: `${R} h1`,
  titleLine: `${R} h1 .line`,
  titleWord: `${R} h1 .w`,
  h2: `${R} h2`,
  h3: `${R} h3`,
  h4: `${R} h4`,
  p: `${R} p`,
  nobr: `${R} .nobr`,
  scroll: `${R} .table-scroll`,
  table: `${R} table`,
  caption: `${R} caption`,
  cell: `${R} th, ${R} td`,
  th: `${R} th`,
  num: `${R} td.num`,
  signatureP: `${R} .signature p`,
  signatureLine: `${R} .signature .line`,
};

/**
 * The title's size on screen: 2号 to the body's 3号, smaller only where the container is too narrow
 * for its widest word (plus a character of slack for the face's own widths), so no word ever breaks.
 */
export function titleSize(block: TitleBlock): string {
  let start = 0;
  let widest = 0;
  for (const end of [...block.breaks, block.text.length]) {
    widest = Math.max(widest, estimatedWidth(block.text.slice(start, end)));
    start = end;
  }
  return `min(${n(SIZE_PT.title / SIZE_PT.body)}em, calc(100cqi / ${n(widest + 1)}))`;
}

/** Column widths and print sizes of the model's tables. */
function tableRules(tables: readonly TableBlock[]): { widths: string[]; print: string[] } {
  const widths: string[] = [];
  const print: string[] = [];
  for (const table of tables) {
    const id = `#${tableId(table)}`;
    columnGroups(table.grid).forEach(([start, end], g) => {
      for (let c = start; c < end; c++) {
        widths.push(`${R} ${id} colgroup:nth-of-type(${g + 1}) > col:nth-child(${c - start + 1}) { width: ${columnPercent(table.grid, c)}%; }`);
      }
    });
    print.push(`  ${R} ${id} { font-size: ${n(table.grid.fontSizePt)}pt !important; }`);
    // Numbers too wide for their column at the table's size are set smaller on paper, as in the PDF (on screen the table scrolls).
    if (table.grid.numberSizePt < table.grid.fontSizePt) print.push(`  ${R} ${id} td.num { font-size: ${n(table.grid.numberSizePt)}pt !important; }`);
  }
  return { widths, print };
}

/** Where the organ's name and the date end, in characters from the right, as the PDF places them (model/signature.ts). */
export function signatureRules(signature: SignatureBlock): { signature: string; organ: string; date: string } {
  const place = signaturePlacement(signature, fullWidthChars(signature.organLines[0] ?? signature.organ), fullWidthChars(signature.dateText), 1);
  return {
    signature: `text-align: right; margin-top: ${n(signature.spaceBeforeLines * 1.8)}em;`,
    organ: `padding-right: ${n(place.organRight)}em;`,
    date: `padding-right: ${n(place.dateRight)}em;`,
  };
}

/**
 * Rules for a medium: `!important` on each declaration, as a fragment's elements carry their screen look
 * in `style` attributes, which outweigh every rule that is not important.
 */
const important = (rules: string[]) => rules.map((rule) => rule.replace(/;/g, ' !important;').replace(/ !important !important/g, ' !important'));

/** The article's rules (scoped), for the whole page and for --fragment alike. */
export function articleCss(model: ReportDoc): string {
  const tables = model.blocks.filter((block): block is TableBlock => block.kind === 'table');
  const { widths, print } = tableRules(tables);
  const title = model.blocks.find((block) => block.kind === 'title');
  const signature = model.blocks.find((block) => block.kind === 'signature');
  const pitch = n(LINE_PITCH_PT);
  const look = (Object.keys(SELECTORS) as Part[]).map((part) => `${SELECTORS[part]} { ${LOOK[part]} }`);
  const sign = signature ? signatureRules(signature) : undefined;
  return [
    ...look,
    `${R} { container-type: inline-size; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }`,
    ...(title ? [`${R} h1 { font-size: ${titleSize(title)}; }`] : []),
    `${R} .table-scroll { container-type: inline-size scroll-state; }`,
    `${R} .table-scroll:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }`,
    `${R} table { line-height: ${CELL_LINE_HEIGHT + 0.2}; }`,
    // The caption is as wide as the table: its text stays in view, wrapped to the region's width, while the table scrolls.
    `${R} caption > span { display: inline-block; position: sticky; left: 0; max-width: 100cqi; }`,
    `${R} .nb-hint { display: block; }`,
    // Told only where the table does not fit: a browser that cannot tell shows the hint always.
    `@container not scroll-state(scrollable: inline) {`,
    `  ${R} .nb-hint { display: none; }`,
    `}`,
    `${R} th.l, ${R} td.l { text-align: left; }`,
    `${R} th.r, ${R} td.r { text-align: right; }`,
    `${R} th.j, ${R} td.j { text-align: justify; }`,
    ...widths,
    ...(sign ? [`${R} .signature { ${sign.signature} }`, `${R} .signature .organ { ${sign.organ} }`, `${R} .signature .date { ${sign.date} }`] : []),
    `@media (prefers-contrast: more) {`,
    ...important([
      `  ${R} { color: #000; }`,
      `  ${R} caption { color: #000; }`,
      `  ${R} th, ${R} td { border: 2px solid #000; }`,
      `  ${R} th { background: #fff; }`,
    ]),
    `}`,
    `@media print {`,
    ...important([
      `  ${R} { font-size: ${SIZE_PT.body}pt; line-height: ${pitch}pt; max-width: none; color: #000; }`,
      `  ${R} h1 { font-size: ${SIZE_PT.title}pt; line-height: ${pitch}pt; margin: 0 0 ${pitch}pt; }`,
      `  ${R} h2, ${R} h3, ${R} h4 { margin: 0; break-after: avoid; }`,
      // Justified as in the PDF, but never letter-spaced: URLs and e-mail addresses break anywhere, and a paragraph
      // with a number too long to go down whole without stretching its line is set flush left (paragraph.ts).
      `  ${R} p { margin: 0; orphans: 2; widows: 2; text-align: justify; }`,
      `  ${R} p.ragged { text-align: start; }`,
      `  ${R} .signature p { text-align: right; }`,
      `  ${R} .url { word-break: break-all; }`,
      // Half a line after a table, as the PDF leaves, so the next heading never touches it.
      `  ${R} .table-scroll { overflow: visible; margin: 0 0 ${n(LINE_PITCH_PT / 2)}pt; background: none; }`,
      `  ${R} caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }`,
      `  ${R} table { line-height: ${CELL_LINE_HEIGHT}; }`,
      `  ${R} th, ${R} td { border: ${TABLE_BORDER_PT}pt solid #000; padding: ${CELL_PADDING_PT.y}pt ${CELL_PADDING_PT.x}pt; background: none; }`,
      `  ${R} thead { display: table-header-group; }`,
      `  ${R} tr { break-inside: avoid; }`,
      `  ${R} .keep { break-inside: avoid; }`,
      // A table the model turns (too wide upright even at 8 pt) and its heading print on turned pages (pageCss).
      `  ${R} .turned { page: turned; }`,
      `  ${R} .signature { margin-top: ${pitch}pt; break-inside: avoid; break-before: avoid; }`,
    ]),
    ...print,
    `}`,
  ].join('\n');
}

/** The page around the article: margins, the large-type switch, A4 pages with their numbers. */
export function pageCss(): string {
  const number = `content: "— " counter(page) " —"; font-family: ${faces(ROLE.pageNumber)}; font-size: ${SIZE_PT.pageNumber}pt; vertical-align: top; padding-top: ${PAGE.pageNumberGapMm}mm;`;
  return [
    `html { color-scheme: light; background: #fff; }`,
    `body { margin: 0; padding: 0.75rem 1rem 3rem; }`,
    `.nb-tools { max-width: 40rem; margin: 0 auto; text-align: right; font-size: 1rem; }`,
    `.nb-tools label { display: inline-block; padding: 0.5rem 0.75rem; min-height: 44px; box-sizing: border-box; cursor: pointer; }`,
    `.nb-tools input { width: 1.25rem; height: 1.25rem; vertical-align: -0.2rem; margin-right: 0.4rem; }`,
    `body:has(#nb-large:checked) ${R} { font-size: 1.5rem; line-height: 1.9; }`,
    `body:has(#nb-large:checked) ${R} table { font-size: 0.95em; }`,
    `@page { size: A4; margin: ${PAGE.marginTopMm}mm ${PAGE.marginRightMm}mm ${PAGE.marginBottomMm}mm ${PAGE.marginLeftMm}mm; }`,
    // Turned pages (GB/T 9704 10.2): A4 landscape, the upright margins gone round with the page, so the type area is 225 × 156 mm.
    `@page turned { size: A4 landscape; margin: ${PAGE.marginLeftMm}mm ${PAGE.marginTopMm}mm ${PAGE.marginRightMm}mm ${PAGE.marginBottomMm}mm; }`,
    `@page :right { @bottom-right { ${number} text-align: right; padding-right: 1em; } }`,
    `@page :left { @bottom-left { ${number} text-align: left; padding-left: 1em; } }`,
    `@media print {`,
    `  body { padding: 0; }`,
    `  .nb-tools { display: none; }`,
    `}`,
  ].join('\n');
}
