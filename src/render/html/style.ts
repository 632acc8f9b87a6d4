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
import type { ReportDoc, TableBlock } from '../../model/types';
import { fullWidthChars } from '../../model/title-lines';
import { signaturePlacement } from '../../model/signature';
import { CELL_LINE_HEIGHT, CELL_PADDING_PT, LINE_PITCH_PT, PAGE, ROLE, SIZE_PT, TABLE_BORDER_PT } from '../../format/page-standard';
import type { FontRole } from '../../format/font-roles';
import { columnGroups, tableId } from './table';

/** System faces of each role, official Windows/macOS names first, then the open CJK faces most Linux and Android machines have. */
const FACES: Record<FontRole, readonly string[]> = {
  fangsong: [
    '仿宋_GB2312',
    'FangSong_GB2312',
    '仿宋',
    'FangSong',
    'STFangsong',
    '华文仿宋',
    'Noto Serif CJK SC',
    'Noto Serif SC',
    'Source Han Serif SC',
    'Songti SC',
    'serif',
  ],
  heiti: ['黑体', 'SimHei', 'Heiti SC', 'STHeiti', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif'],
  kaiti: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', 'Kaiti SC', 'LXGW WenKai', 'Noto Serif CJK SC', 'Noto Serif SC', 'serif'],
  xiaobiaosong: [
    '方正小标宋简体',
    '方正小标宋_GBK',
    'FZXiaoBiaoSong-B05S',
    '华文中宋',
    'STZhongsong',
    'Noto Serif CJK SC',
    'Noto Serif SC',
    'Source Han Serif SC',
    'serif',
  ],
  songti: ['宋体', 'SimSun', 'Songti SC', 'STSong', 'Noto Serif CJK SC', 'Noto Serif SC', 'serif'],
};

const GENERIC = new Set(['serif', 'sans-serif']);
const faces = (role: FontRole) => FACES[role].map((face) => (GENERIC.has(face) ? face : `"${face}"`)).join(', ');
/** Each role's stack is a custom property of the article, set once. */
const stack = (role: FontRole) => `var(--nb-${role})`;
const ROLES = Object.keys(FACES) as FontRole[];

/** A number for CSS: at most three decimals, no trailing zeros (the output must not depend on float printing). */
const n = (value: number) => String(Number(value.toFixed(3)));

const R = '.nianbao-report';

/** Column widths and print sizes of the model's tables. */
function tableRules(tables: readonly TableBlock[]): { widths: string[]; print: string[] } {
  const widths: string[] = [];
  const print: string[] = [];
  for (const table of tables) {
    const id = `#${tableId(table)}`;
    columnGroups(table.grid).forEach(([start, end], g) => {
      for (let c = start; c < end; c++) {
        const width = n((table.grid.columns[c]?.widthFraction ?? 0) * 100);
        widths.push(`${R} ${id} colgroup:nth-of-type(${g + 1}) > col:nth-child(${c - start + 1}) { width: ${width}%; }`);
      }
    });
    print.push(`  ${R} ${id} { font-size: ${n(table.grid.fontSizePt)}pt; }`);
    // Numbers too wide for their column at the table's size are set smaller on paper, as in the PDF (on screen the table scrolls).
    if (table.grid.numberSizePt < table.grid.fontSizePt) print.push(`  ${R} ${id} td.num { font-size: ${n(table.grid.numberSizePt)}pt; }`);
  }
  return { widths, print };
}

/** Where the organ's name and the date end, in characters from the right, as the PDF places them (model/signature.ts). */
function signatureRules(model: ReportDoc): string[] {
  const signature = model.blocks.find((block) => block.kind === 'signature');
  if (!signature) return [];
  const place = signaturePlacement(signature, fullWidthChars(signature.organLines[0] ?? signature.organ), fullWidthChars(signature.dateText), 1);
  return [
    `${R} .signature { margin-top: ${n(signature.spaceBeforeLines * 1.8)}em; }`,
    `${R} .signature .organ { padding-right: ${n(place.organRight)}em; }`,
    `${R} .signature .date { padding-right: ${n(place.dateRight)}em; }`,
  ];
}

/** The article's rules (scoped), for the whole page and for --fragment alike. */
export function articleCss(model: ReportDoc): string {
  const tables = model.blocks.filter((block): block is TableBlock => block.kind === 'table');
  const { widths, print } = tableRules(tables);
  const pitch = n(LINE_PITCH_PT);
  return [
    `${R} { ${ROLES.map((role) => `--nb-${role}: ${faces(role)};`).join(' ')} }`,
    `${R} { font-family: ${stack(ROLE.body)}; font-size: 1.125rem; line-height: 1.8; color: #1a1a1a; max-width: 40em; margin: 0 auto; overflow-wrap: anywhere; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }`,
    `${R} h1 { font-family: ${stack(ROLE.title)}; font-size: ${n(SIZE_PT.title / SIZE_PT.body)}em; line-height: 1.5; text-align: center; margin: 0.5em 0 1em; }`,
    `${R} h1 .line { display: inline-block; }`,
    `${R} h2 { font-family: ${stack(ROLE.heading1)}; font-size: 1em; font-weight: normal; margin: 1.2em 0 0.2em; text-indent: 2em; }`,
    `${R} h3 { font-family: ${stack(ROLE.heading2)}; font-size: 1em; font-weight: normal; margin: 0.8em 0 0.2em; text-indent: 2em; }`,
    `${R} h4 { font-family: ${stack(ROLE.heading3)}; font-size: 1em; font-weight: bold; margin: 0.6em 0 0; text-indent: 2em; }`,
    // Justified on paper only: on a screen a URL moved whole to the next line would leave wide gaps in the line before.
    `${R} p { margin: 0 0 0.3em; text-indent: 2em; text-align: start; }`,
    `${R} .table-scroll { overflow-x: auto; margin: 0.6em 0 1.2em; max-width: 100%; container-type: inline-size; }`,
    `${R} .table-scroll:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }`,
    `${R} table { font-family: ${stack(ROLE.table)}; font-size: 0.9em; line-height: ${CELL_LINE_HEIGHT + 0.2}; border-collapse: collapse; width: 100%; overflow-wrap: normal; }`,
    `${R} caption { caption-side: top; text-align: left; font-size: 0.9em; color: #444; padding: 0 0 0.3em; }`,
    // The caption is as wide as the table: its text stays in view, wrapped to the region's width, while the table scrolls.
    `${R} caption span { display: inline-block; position: sticky; left: 0; max-width: 100cqi; }`,
    `${R} th, ${R} td { border: 1px solid #333; padding: 0.3em 0.4em; text-align: center; vertical-align: middle; font-weight: normal; }`,
    `${R} th { background: #f3f3f3; white-space: nowrap; }`,
    `${R} th.l, ${R} td.l { text-align: left; }`,
    `${R} th.r, ${R} td.r { text-align: right; }`,
    `${R} th.j, ${R} td.j { text-align: justify; }`,
    `${R} td.num { white-space: nowrap; font-variant-numeric: tabular-nums; }`,
    ...widths,
    `${R} .signature { text-align: right; }`,
    `${R} .signature p { margin: 0; text-indent: 0; text-align: right; }`,
    `${R} .signature .line { display: block; }`,
    ...signatureRules(model),
    `@media (prefers-contrast: more) {`,
    `  ${R} { color: #000; }`,
    `  ${R} caption { color: #000; }`,
    `  ${R} th, ${R} td { border: 2px solid #000; }`,
    `  ${R} th { background: #fff; }`,
    `}`,
    `@media print {`,
    `  ${R} { font-size: ${SIZE_PT.body}pt; line-height: ${pitch}pt; max-width: none; color: #000; }`,
    `  ${R} h1 { font-size: ${SIZE_PT.title}pt; line-height: ${pitch}pt; margin: 0 0 ${pitch}pt; }`,
    `  ${R} h2, ${R} h3, ${R} h4 { margin: 0; break-after: avoid; }`,
    `  ${R} p { margin: 0; orphans: 2; widows: 2; text-align: justify; }`,
    `  ${R} .table-scroll { overflow: visible; margin: 0; }`,
    `  ${R} caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }`,
    `  ${R} table { line-height: ${CELL_LINE_HEIGHT}; }`,
    `  ${R} th, ${R} td { border: ${TABLE_BORDER_PT}pt solid #000; padding: ${CELL_PADDING_PT.y}pt ${CELL_PADDING_PT.x}pt; background: none; }`,
    `  ${R} thead { display: table-header-group; }`,
    `  ${R} tr { break-inside: avoid; }`,
    `  ${R} .keep { break-inside: avoid; }`,
    ...print,
    `  ${R} .signature { margin-top: ${pitch}pt; break-inside: avoid; break-before: avoid; }`,
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
    `@page :right { @bottom-right { ${number} text-align: right; padding-right: 1em; } }`,
    `@page :left { @bottom-left { ${number} text-align: left; padding-left: 1em; } }`,
    `@media print {`,
    `  body { padding: 0; }`,
    `  .nb-tools { display: none; }`,
    `}`,
  ].join('\n');
}
