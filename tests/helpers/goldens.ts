/**
 * Renderer goldens: a DOCX and a PDF turned into plain text that a reviewer can read in a diff.
 *
 * DOCX (`docxGolden`): the sorted list of parts, then word/document.xml (and any header/footer
 * parts) one line per paragraph, table row and table cell:
 *   P Heading1 keepNext | 一、总体情况          style id (- for none), other paragraph properties, text
 *   TABLE grid=1200,800,…  [tblHeader rows]     column widths in twips
 *   TR 0 header cantSplit trHeight=…            row index and row properties
 *   TC r0 c2 span=2 vMerge=restart vAlign=center w=1600 | text
 * Cell positions are grid positions: the column is the sum of the gridSpans before the cell, so a
 * vMerge continuation keeps its place. A line break inside a run is shown as ⏎, a tab as ⇥.
 * Properties are written as `name` or `name=val` (attributes sorted), so nothing depends on the
 * order docx happens to emit them in.
 *
 * PDF (`pdfGolden`): `pdftotext -layout` of the file, form feeds kept, so each page ends with \f and
 * the page count is the number of \f.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

const tagOf = (node: Node) => Object.keys(node).find((k) => k !== ':@') ?? '';
const childrenOf = (node: Node) => (node[tagOf(node)] as Node[] | undefined) ?? [];
const attrsOf = (node: Node) => (node[':@'] ?? {}) as Record<string, string>;
const child = (node: Node, tag: string) => childrenOf(node).find((c) => tagOf(c) === tag);
const short = (name: string) => name.replace(/^w:/, '');

/** A property element as `name`, `name=val` or `name(a=1,b=2)`; nested properties flattened the same way. */
function prop(node: Node): string {
  const attrs = Object.entries(attrsOf(node))
    .filter(([k]) => !k.startsWith('xmlns'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const nested = childrenOf(node)
    .filter((c) => tagOf(c) !== '#text')
    .map(prop);
  const name = short(tagOf(node));
  if (attrs.length === 1 && attrs[0]?.[0] === 'w:val' && nested.length === 0) return `${name}=${attrs[0][1]}`;
  const parts = [...attrs.map(([k, v]) => `${short(k)}=${v}`), ...nested];
  return parts.length ? `${name}(${parts.join(',')})` : name;
}

/** The text of a paragraph's runs, in order. */
function textOf(nodes: Node[]): string {
  let out = '';
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === '#text') continue;
    if (tag === 'w:t' || tag === 'w:instrText')
      out += childrenOf(node)
        .map((c) => String(c['#text'] ?? ''))
        .join('');
    else if (tag === 'w:br' || tag === 'w:cr') out += '⏎';
    else if (tag === 'w:tab') out += '⇥';
    else if (tag === 'w:fldChar') out += `{${attrsOf(node)['w:fldCharType'] ?? ''}}`;
    else out += textOf(childrenOf(node));
  }
  return out;
}

/** Run properties that differ from the style, once per distinct set in the paragraph. */
function runProps(p: Node): string[] {
  const sets = new Set<string>();
  for (const r of childrenOf(p).filter((c) => tagOf(c) === 'w:r')) {
    const rPr = child(r, 'w:rPr');
    if (rPr)
      sets.add(
        `rPr(${childrenOf(rPr)
          .filter((c) => tagOf(c) !== '#text')
          .map(prop)
          .join(',')})`,
      );
  }
  return [...sets];
}

function paragraph(p: Node, indent: string): string {
  const pPr = child(p, 'w:pPr');
  const props = pPr ? childrenOf(pPr).filter((c) => tagOf(c) !== '#text') : [];
  const style = props.find((c) => tagOf(c) === 'w:pStyle');
  const others = props.filter((c) => c !== style && tagOf(c) !== 'w:rPr').map(prop);
  const head = [style ? attrsOf(style)['w:val'] : '-', ...others, ...runProps(p)].join(' ');
  return `${indent}P ${head} | ${textOf(childrenOf(p).filter((c) => tagOf(c) !== 'w:pPr'))}`;
}

function table(tbl: Node, indent: string, out: string[]): void {
  const grid = child(tbl, 'w:tblGrid');
  const widths = grid
    ? childrenOf(grid)
        .filter((c) => tagOf(c) === 'w:gridCol')
        .map((c) => attrsOf(c)['w:w'])
    : [];
  const tblPr = child(tbl, 'w:tblPr');
  out.push(
    `${indent}TABLE grid=${widths.join(',')}${
      tblPr
        ? ` ${childrenOf(tblPr)
            .filter((c) => tagOf(c) !== '#text')
            .map(prop)
            .join(' ')}`
        : ''
    }`,
  );
  childrenOf(tbl)
    .filter((c) => tagOf(c) === 'w:tr')
    .forEach((tr, row) => {
      const trPr = child(tr, 'w:trPr');
      out.push(
        `${indent}  TR ${row}${
          trPr
            ? ` ${childrenOf(trPr)
                .filter((c) => tagOf(c) !== '#text')
                .map(prop)
                .join(' ')}`
            : ''
        }`,
      );
      let col = 0;
      for (const tc of childrenOf(tr).filter((c) => tagOf(c) === 'w:tc')) {
        const tcPr = child(tc, 'w:tcPr');
        const props = tcPr ? childrenOf(tcPr).filter((c) => tagOf(c) !== '#text') : [];
        const spanNode = props.find((c) => tagOf(c) === 'w:gridSpan');
        const span = spanNode ? Number(attrsOf(spanNode)['w:val']) : 1;
        const tcW = props.find((c) => tagOf(c) === 'w:tcW');
        const rest = props.filter((c) => c !== spanNode && c !== tcW).map(prop);
        const head = [`r${row}`, `c${col}`, ...(span !== 1 ? [`span=${span}`] : []), ...rest, ...(tcW ? [`w=${attrsOf(tcW)['w:w']}`] : [])].join(' ');
        const paragraphs = childrenOf(tc).filter((c) => tagOf(c) === 'w:p');
        // A cell with one plain paragraph fits on one line; otherwise its paragraphs follow it.
        const only = paragraphs.length === 1 ? paragraphs[0] : undefined;
        if (only && !child(only, 'w:pPr')) out.push(`${indent}    TC ${head} | ${textOf(childrenOf(only))}`);
        else {
          out.push(`${indent}    TC ${head}`);
          for (const p of paragraphs) out.push(paragraph(p, `${indent}      `));
        }
        col += span;
      }
    });
}

function body(nodes: Node[], out: string[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'w:p') out.push(paragraph(node, ''));
    else if (tag === 'w:tbl') table(node, '', out);
    else if (tag === 'w:sectPr')
      out.push(
        `SECT ${childrenOf(node)
          .filter((c) => tagOf(c) !== '#text')
          .map(prop)
          .join(' ')}`,
      );
    else if (tag !== '#text') out.push(`? ${prop(node)}`);
  }
}

/** The root element's children (below w:body for document.xml). */
function contentOf(xml: string): Node[] {
  const root = (parser.parse(xml) as Node[]).find((n) => !tagOf(n).startsWith('?'));
  if (!root) return [];
  const bodyNode = child(root, 'w:body');
  return childrenOf(bodyNode ?? root);
}

/** The reviewable text of a DOCX (see the header). */
export function docxGolden(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  const names = Object.keys(files).sort();
  const xml = (name: string) => Buffer.from(files[name] as Uint8Array).toString('utf8');
  const out = ['# parts', ...names, '', '# word/document.xml'];
  body(contentOf(xml('word/document.xml')), out);
  for (const name of names.filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n))) {
    out.push('', `# ${name}`);
    body(contentOf(xml(name)), out);
  }
  return `${out.join('\n')}\n`;
}

/** `pdftotext -layout` of a PDF, form feeds kept (one per page). */
export function pdfGolden(bytes: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-golden-'));
  try {
    const file = path.join(dir, 'out.pdf');
    fs.writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The one stylesheet of a rendered page, its lines between <style> and </style>. */
const STYLE = /<style>\n([\s\S]*?)\n<\/style>/;
/** Where the shared rules stood in a page golden: one line per run of them. */
export const SHARED_CSS_MARK = '/* shared.css */';

const styleLines = (page: string): string[] => {
  const match = STYLE.exec(page);
  if (!match) throw new Error('the page has no <style> block');
  return (match[1] as string).split('\n');
};

/**
 * The stylesheet lines every page has (the rules that do not depend on the report), in the first
 * page's order: stored once as tests/golden/html/shared.css, so a change to a shared rule rewrites
 * that one golden, not every report's.
 */
export function sharedCss(pages: readonly string[]): string[] {
  const [first = [], ...rest] = pages.map(styleLines);
  const others = rest.map((lines) => new Set(lines));
  return first.filter((line) => others.every((set) => set.has(line)));
}

/**
 * A page with the shared rules taken out of its stylesheet, each run of them one SHARED_CSS_MARK
 * line, so its golden holds what is the report's own. Throws when the page does not hold the shared
 * rules in their order: the page golden and shared.css together then still pin the whole sheet.
 */
export function withoutSharedCss(page: string, shared: readonly string[]): string {
  const lines = styleLines(page);
  const isShared = new Set(shared);
  if (lines.filter((line) => isShared.has(line)).join('\n') !== shared.join('\n')) throw new Error('the page does not hold the shared rules in their order');
  const own: string[] = [];
  for (const line of lines) {
    if (!isShared.has(line)) own.push(line);
    else if (own[own.length - 1] !== SHARED_CSS_MARK) own.push(SHARED_CSS_MARK);
  }
  return page.replace(STYLE, () => `<style>\n${own.join('\n')}\n</style>`);
}
