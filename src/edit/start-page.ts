/**
 * The start page of `report edit` without a file: open a report of the folder, make a blank one
 * (`init`), or import a published one. Made on the server; its script (start-client.ts) sends the
 * clerk's choice, and the same address then serves the editing page of the chosen file.
 */
import { DEFAULT_FORMAT } from '../format/registry';
import { escapeHtml } from '../render/html/escape';
import { pageHead } from './page';
import { IMPORTABLE, MAX_UPLOAD_BYTES, type Listed } from './start';

const pad = (n: number) => String(n).padStart(2, '0');
/** When a file was changed, as the clerk's clock says it (the page is made on the same machine). */
const when = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export function startPageHtml(folder: string, listed: readonly Listed[], lastYear: number): string {
  const { first, last } = DEFAULT_FORMAT.years;
  const files =
    listed.length === 0
      ? '<p>这个文件夹里还没有报告（.yaml 文件）。</p>'
      : `<ul class="reports">${listed
          .map(
            (file) =>
              `<li><button type="button" class="open" data-name="${escapeHtml(file.name)}">${escapeHtml(file.name)}</button> <span>修改于 ${when(file.modified)}</span></li>`,
          )
          .join('')}</ul>`;
  return [
    ...pageHead('打开或新建年报 — nianbao', 'start.js', { maxBytes: MAX_UPLOAD_BYTES }),
    '<body>',
    '<header class="bar"><h1>打开或新建年报</h1></header>',
    '<div id="notice" role="alert"></div>',
    '<main class="start">',
    `<p>文件夹：${escapeHtml(folder)}</p>`,
    '<section aria-labelledby="open-title"><h2 id="open-title">打开已有报告</h2>',
    files,
    '</section>',
    '<section aria-labelledby="init-title"><h2 id="init-title">新建空白报告</h2>',
    '<div class="field"><label for="organ">发布机关全称</label><input type="text" id="organ" autocomplete="organization"></div>',
    `<div class="field"><label for="year">年度</label><input type="number" id="year" min="${first}" max="${last}" value="${lastYear}"></div>`,
    '<div class="field"><label for="init-name">文件名（不填则为“年度.yaml”）</label><input type="text" id="init-name" autocomplete="off"></div>',
    '<button type="button" id="create">新建并填写</button>',
    '</section>',
    '<section aria-labelledby="import-title"><h2 id="import-title">导入已发布的报告</h2>',
    `<p>选择去年或今年已发布的报告（${IMPORTABLE.join('、')}，${MAX_UPLOAD_BYTES / 1024 / 1024} MB 以内），导入为 YAML 后填写。</p>`,
    `<div class="field"><label for="source">已发布的报告文件</label><input type="file" id="source" accept="${IMPORTABLE.join(',')}"></div>`,
    '<div class="field"><label for="import-name">文件名（不填则与所选文件同名，扩展名为 .yaml）</label><input type="text" id="import-name" autocomplete="off"></div>',
    '<button type="button" id="import">导入并填写</button>',
    '</section>',
    '<p id="status" role="status" aria-live="polite"></p>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
