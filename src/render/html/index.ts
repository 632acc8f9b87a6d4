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
import { isTurned } from '../../model/turned';
import type { Block, HeadingBlock, ReportDoc, SignatureBlock, TitleBlock } from '../../model/types';
import { escapeHtml } from './escape';
import { LOOK, styleOf } from './look';
import { paragraphHtml } from './paragraph';
import { articleCss, pageCss, signatureRules, titleSize } from './style';
import { tableHtml } from './table';

export interface HtmlOptions {
  /** Only the article and its scoped style, for pasting into a CMS page. */
  fragment?: boolean;
}

const TAG = { 1: 'h2', 2: 'h3', 3: 'h4' } as const;

/**
 * The title: the model's lines (the PDF's), each made of the words between the model's break points,
 * which never break inside; a screen narrower than a line wraps it between its words.
 */
function title(block: TitleBlock, inline: boolean): string {
  let start = 0;
  const lines = block.lines.map((line) => {
    const end = start + line.length;
    const cuts = [start, ...block.breaks.filter((at) => at > start && at < end), end];
    start = end;
    const words = cuts.slice(1).map((cut, i) => `<span class="w"${styleOf(inline, LOOK.titleWord)}>${escapeHtml(block.text.slice(cuts[i], cut))}</span>`);
    return `<span class="line"${styleOf(inline, LOOK.titleLine)}>${words.join('')}</span>`;
  });
  return `<h1${styleOf(inline, LOOK.h1, `font-size: ${titleSize(block)};`)}>${lines.join('')}</h1>`;
}

/** `turned`: the heading of a table the model turns goes onto the turned page with it, as in the PDF. */
function heading(block: HeadingBlock, part: number, inline: boolean, turned: boolean): string {
  const tag = TAG[block.level];
  const id = block.level === 1 ? ` id="nb-part-${part}"` : '';
  return `<${tag}${id}${turned ? ' class="turned"' : ''}${styleOf(inline, LOOK[tag])}>${escapeHtml(block.text)}</${tag}>`;
}

function signature(block: SignatureBlock, date: string, inline: boolean): string {
  const rules = signatureRules(block);
  const line = (text: string) => `<span class="line"${styleOf(inline, LOOK.signatureLine)}>${escapeHtml(text)}</span>`;
  return [
    `<footer class="signature"${styleOf(inline, rules.signature)}>`,
    `<p class="organ"${styleOf(inline, LOOK.signatureP, rules.organ)}>${block.organLines.map(line).join('')}</p>`,
    `<p class="date"${styleOf(inline, LOOK.signatureP, rules.date)}><time datetime="${escapeHtml(date)}">${escapeHtml(block.dateText)}</time></p>`,
    '</footer>',
  ].join('\n');
}

/** The article: each part (一、 … 六、) a section named by its heading; with `inline` (a fragment) each element carries its look. */
export function articleHtml(model: ReportDoc, inline = false): string {
  const out: string[] = [`<article class="nianbao-report"${styleOf(inline, LOOK.article)}>`];
  let part = 0;
  const close = () => {
    if (part > 0) out.push('</section>');
  };
  const blocks = model.blocks as Block[];
  for (const [i, block] of blocks.entries()) {
    switch (block.kind) {
      case 'title':
        out.push(title(block, inline));
        break;
      case 'heading':
        if (block.level === 1) {
          close();
          part++;
          out.push(`<section aria-labelledby="nb-part-${part}">`);
        }
        out.push(heading(block, part, inline, isTurned(block, blocks[i + 1])));
        break;
      case 'paragraph':
        out.push(paragraphHtml(block.text, inline));
        break;
      case 'table':
        out.push(tableHtml(block, inline));
        break;
      case 'signature':
        close();
        part = 0;
        out.push(signature(block, model.meta.date, inline));
        break;
    }
  }
  close();
  out.push('</article>');
  return out.join('\n');
}

/** The whole page, or with `fragment` the article after its scoped style. */
export function renderHtml(model: ReportDoc, options: HtmlOptions = {}): string {
  if (options.fragment) return `<style>\n${articleCss(model)}\n</style>\n${articleHtml(model, true)}\n`;
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
