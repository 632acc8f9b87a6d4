/**
 * The editing page's HTML, made on the server from the form (form.ts): the toolbar, the parts with
 * their fields and tables, the problem list (a region named 问题) and the preview beside. The page's
 * script (client.ts) and style (style.ts) are served beside it; nothing else is loaded.
 */
import { escapeHtml, textWithBreaks } from '../render/html/escape';
import type { Edit } from './apply-edits';
import { isTable, type Field, type FormPart, type FormTable } from './form';

/** What the script reads from the page: the base the edits are made on, and edits a closed page left. */
export interface PageData {
  base: string;
  recovered: Edit[];
  /** False for a file not in UTF-8: the page says at once that it cannot save it. */
  savable: boolean;
}

const attr = (name: string, value: string) => ` ${name}="${escapeHtml(value)}"`;

/** A field's input (or text area), with its message slot: the problem the checker finds at it, described to screen readers too. */
function input(field: Field, id: string, extra = ''): string {
  const common = `${attr('id', id)}${attr('data-pointer', field.pointer)}${attr('aria-describedby', `${id}-msg`)}${extra}`;
  const message = `<span class="msg" id="${id}-msg" role="tooltip"></span>`;
  if (field.kind === 'text') return `<textarea${common}${attr('aria-label', field.name)} rows="4">${escapeHtml(field.value)}</textarea>${message}`;
  const kind = field.kind === 'number' ? ' class="num" inputmode="decimal" data-number="1" autocomplete="off"' : '';
  return `<input type="text"${common}${attr('aria-label', field.name)}${attr('value', field.value)}${kind}>${message}`;
}

/** A table: the model's grid with spans, header cells as headers, value cells as inputs placed by grid row and column. */
function table(form: FormTable, ids: () => string): string {
  const rows: string[][] = Array.from({ length: form.grid.rowCount }, () => []);
  for (const cell of form.grid.cells) {
    const spans = `${cell.rowSpan > 1 ? attr('rowspan', String(cell.rowSpan)) : ''}${cell.colSpan > 1 ? attr('colspan', String(cell.colSpan)) : ''}`;
    const field = form.fields.get(cell);
    const html = field
      ? `<td${spans}>${input(field, ids(), `${attr('data-row', String(cell.row))}${attr('data-col', String(cell.col))}${field.value === '' ? attr('placeholder', '自动') : ''}`)}</td>`
      : cell.header
        ? `<th${spans}${cell.scope ? attr('scope', cell.scope === 'column' ? 'col' : 'row') : ''}>${textWithBreaks(cell.text)}</th>`
        : `<td${spans}>${textWithBreaks(cell.text)}</td>`;
    rows[cell.row]?.push(html);
  }
  const body = rows.map((cells) => `<tr>${cells.join('')}</tr>`).join('\n');
  return `<div class="table-wrap" role="group"${attr('aria-label', form.summary)}><table class="grid"${attr('data-table', form.id)}>\n${body}\n</table></div>`;
}

function field(item: Field, id: string): string {
  return `<div class="field"><label for="${id}">${escapeHtml(item.name)}</label>${input(item, id)}</div>`;
}

/** The head of the server's pages: the title, the shared style, the page's own script and the data it reads (in a JSON block, `<` escaped). */
export const pageHead = (title: string, script: string, data: unknown): string[] => [
  '<!DOCTYPE html>',
  '<html lang="zh-CN">',
  '<head>',
  '<meta charset="utf-8">',
  '<meta name="viewport" content="width=device-width, initial-scale=1">',
  `<title>${escapeHtml(title)}</title>`,
  '<link rel="icon" href="data:,">',
  '<link rel="stylesheet" href="edit.css">',
  `<script src="${script}" defer></script>`,
  `<script type="application/json" id="page-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`,
  '</head>',
];

/** The whole page. `form` is undefined when the file cannot be laid out (its YAML does not parse): the problem list says why. */
export function pageHtml(file: string, form: FormPart[] | undefined, data: PageData): string {
  let next = 0;
  const ids = () => `f${next++}`;
  const parts = (form ?? []).map((part, i) => {
    const items = part.items.map((item) => (isTable(item) ? table(item, ids) : field(item, ids()))).join('\n');
    return `<section class="part" aria-labelledby="part${i}"><h2 id="part${i}">${escapeHtml(part.heading)}</h2>\n${items}\n</section>`;
  });
  const unusable = form ? '' : '<p class="unusable">这份文件无法按表格显示（见右侧问题）。请先用文本编辑器改正后重新打开。</p>';
  return [
    ...pageHead(`${path(file)} — 填写年报`, 'edit.js', data),
    '<body>',
    '<header class="bar">',
    `<h1>${escapeHtml(path(file))}</h1>`,
    '<div class="tools">',
    '<button type="button" id="save" aria-keyshortcuts="Control+S">保存</button>',
    '<button type="button" id="totals">计算总计</button>',
    '<a id="pdf" href="report.pdf" download>下载 PDF</a>',
    '<a id="docx" href="report.docx" download>下载 DOCX</a>',
    '<button type="button" id="large" aria-pressed="false">大字</button>',
    '<span id="status" role="status" aria-live="polite"></span>',
    '</div>',
    '</header>',
    '<div id="notice" role="alert"></div>',
    // The message of the table cell in focus, shown beside it (screen readers have it as the cell's description).
    '<div id="bubble" aria-hidden="true" hidden></div>',
    '<dialog id="totals-dialog" aria-labelledby="totals-title"><h2 id="totals-title">计算总计</h2><div id="totals-list"></div>',
    '<div class="dialog-buttons"><button type="button" id="totals-apply">填入</button><button type="button" id="totals-cancel">取消</button></div></dialog>',
    '<div class="layout">',
    `<main class="form">${unusable}\n${parts.join('\n')}\n</main>`,
    '<aside class="side">',
    '<section id="problems" aria-labelledby="problems-title" aria-busy="true"><h2><span id="problems-title">问题</span> <span id="problem-count"></span></h2><ul id="problem-list"></ul><p id="machine"></p></section>',
    '<section class="preview" aria-label="预览"><h2>预览</h2><iframe id="preview" title="报告预览" src="about:blank"></iframe></section>',
    '</aside>',
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The file's name as the page shows it. */
const path = (file: string) => file.split(/[\\/]/).pop() ?? file;
