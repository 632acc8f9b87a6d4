/**
 * Stage 4 (render): ReportDoc → one self-contained, accessible HTML5 page (or, for a CMS, only the
 * article with its scoped style). Reads only the model and the page standard; no script, no external
 * resource, no web font. Deterministic: the same model gives the same bytes.
 *
 *   <main><article class="nianbao-report">
 *     <h1>title</h1> <p>preamble</p>
 *     <section aria-labelledby="nb-part-1"><h2 id="nb-part-1">一、…</h2> <h3>（一）…</h3> <h4>1.…</h4> <p>…</p></section>
 *     … the tables in scrolling regions (table.ts) …
 *     <footer class="signature"><p class="organ">…</p><p class="date"><time datetime="…">…</time></p></footer>
 *   </article></main>
 */
import type { Block, HeadingBlock, ReportDoc, SignatureBlock, TitleBlock } from '../../model/types';
import { escapeHtml } from './escape';
import { articleCss, pageCss } from './style';
import { tableHtml } from './table';

export interface HtmlOptions {
  /** Only the article and its scoped style, for pasting into a CMS page. */
  fragment?: boolean;
}

const TAG = { 1: 'h2', 2: 'h3', 3: 'h4' } as const;

const title = (block: TitleBlock) => `<h1>${block.lines.map((line) => `<span class="line">${escapeHtml(line)}</span>`).join('')}</h1>`;

function heading(block: HeadingBlock, part: number): string {
  const tag = TAG[block.level];
  const id = block.level === 1 ? ` id="nb-part-${part}"` : '';
  return `<${tag}${id}>${escapeHtml(block.text)}</${tag}>`;
}

const signature = (block: SignatureBlock, date: string) =>
  [
    '<footer class="signature">',
    `<p class="organ">${block.organLines.map((line) => `<span class="line">${escapeHtml(line)}</span>`).join('')}</p>`,
    `<p class="date"><time datetime="${escapeHtml(date)}">${escapeHtml(block.dateText)}</time></p>`,
    '</footer>',
  ].join('\n');

/** The article: each part (一、 … 六、) a section named by its heading. */
export function articleHtml(model: ReportDoc): string {
  const out: string[] = ['<article class="nianbao-report">'];
  let part = 0;
  const close = () => {
    if (part > 0) out.push('</section>');
  };
  for (const block of model.blocks as Block[]) {
    switch (block.kind) {
      case 'title':
        out.push(title(block));
        break;
      case 'heading':
        if (block.level === 1) {
          close();
          part++;
          out.push(`<section aria-labelledby="nb-part-${part}">`);
        }
        out.push(heading(block, part));
        break;
      case 'paragraph':
        out.push(`<p>${escapeHtml(block.text)}</p>`);
        break;
      case 'table':
        out.push(tableHtml(block));
        break;
      case 'signature':
        close();
        part = 0;
        out.push(signature(block, model.meta.date));
        break;
    }
  }
  close();
  out.push('</article>');
  return out.join('\n');
}

/** The whole page, or with `fragment` the article after its scoped style. */
export function renderHtml(model: ReportDoc, options: HtmlOptions = {}): string {
  if (options.fragment) return `<style>\n${articleCss(model)}\n</style>\n${articleHtml(model)}\n`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(model.meta.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(model.meta.title)}</title>`,
    `<meta name="author" content="${escapeHtml(model.meta.author)}">`,
    '<meta name="generator" content="nianbao">',
    `<style>\n${pageCss()}\n${articleCss(model)}\n</style>`,
    '</head>',
    '<body>',
    '<header class="nb-tools"><input type="checkbox" id="nb-large"><label for="nb-large">大字阅读</label></header>',
    '<main>',
    articleHtml(model),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
