/**
 * DOCX (Word, WPS) → source lines: word/document.xml read in document order. A body paragraph is
 * one line (第 N 段, counting the non-empty ones); a table is read row by row, one line per cell
 * (表 T 第 R 行第 C 格), its column counted in grid columns so gridSpan is respected, a vMerge
 * continuation skipped (the merged cell appears once, at its first row), the cell's paragraphs and
 * w:br joined with '\n'.
 */
import type { Reader, SourceLine } from './reader';
import { ImportError } from './reader';
import { forEachMarkupToken } from './markup-tokens';
import { isZip, listZip, readZipEntry, ZipError } from '../zip';

const DOCUMENT_PART = 'word/document.xml';

/** Content that is not the document's current text: the fallback copy of a drawing, tracked deletions and moves. */
const SKIPPED = new Set(['mc:Fallback', 'w:del', 'w:moveFrom']);

interface Cell {
  col: number;
  span: number;
  /** A vMerge continuation: covered by the cell above. */
  continuation: boolean;
  paragraphs: string[];
}

interface Table {
  index: number;
  row: number;
  col: number;
  cell?: Cell;
}

export const docxReader: Reader = {
  format: 'docx',
  detect(bytes, name) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return isZip(bytes) && (/\.docx$/i.test(name) || buffer.includes(DOCUMENT_PART));
  },
  async read(bytes) {
    try {
      const entry = listZip(bytes).find((e) => e.name === DOCUMENT_PART);
      if (!entry) throw new ImportError(`不是 Word 文档：压缩包中没有 ${DOCUMENT_PART}`, `not a Word document: the zip has no ${DOCUMENT_PART}`, 'format');
      return documentLines(new TextDecoder('utf-8').decode(readZipEntry(bytes, entry)));
    } catch (error) {
      // A zip that cannot be read is this file's import failure, in the zip's words.
      if (error instanceof ZipError) throw new ImportError(error.zh, error.en, error.kind);
      throw error;
    }
  },
};

/** The lines of word/document.xml. */
export function documentLines(xml: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const tables: Table[] = [];
  let tableCount = 0;
  let paragraphCount = 0;
  let skipDepth = 0;
  let paragraphDepth = 0;
  let runDepth = 0;
  let inText = false;
  let text = '';

  forEachMarkupToken(xml, true, (token) => {
    if (skipDepth > 0) {
      if (token.kind === 'open' && !token.selfClosing && SKIPPED.has(token.name)) skipDepth++;
      else if (token.kind === 'close' && SKIPPED.has(token.name)) skipDepth--;
      return;
    }
    const table = tables[tables.length - 1];
    if (token.kind === 'text') {
      // Word joiners are invisible break controls (our DOCX puts one after a hyphen between digits), not text.
      if (inText) text += token.text.replace(/\u2060/g, '');
      return;
    }
    if (token.kind === 'close') {
      switch (token.name) {
        case 'w:t':
          inText = false;
          break;
        case 'w:r':
          runDepth--;
          break;
        case 'w:p':
          if (--paragraphDepth > 0) break;
          if (table?.cell) table.cell.paragraphs.push(text);
          else if (text.trim()) lines.push({ text: text.trim(), at: `第 ${++paragraphCount} 段` });
          text = '';
          break;
        case 'w:tc':
          if (table?.cell) {
            const { col, span, continuation, paragraphs } = table.cell;
            if (!continuation) {
              const cell = { table: table.index, row: table.row, col };
              lines.push({ text: paragraphs.join('\n').trim(), at: `表 ${table.index + 1} 第 ${table.row + 1} 行第 ${col + 1} 格`, cell });
            }
            table.col += span;
            table.cell = undefined;
          }
          break;
        case 'w:tbl':
          tables.pop();
          break;
      }
      return;
    }
    const { name, attrs, selfClosing } = token;
    if (SKIPPED.has(name)) {
      if (!selfClosing) skipDepth = 1;
      return;
    }
    switch (name) {
      case 'w:t':
        inText = !selfClosing;
        break;
      case 'w:r':
        if (!selfClosing) runDepth++;
        break;
      case 'w:br':
      case 'w:cr':
        if (runDepth > 0 && attrs['w:type'] !== 'page' && attrs['w:type'] !== 'column') text += '\n';
        break;
      case 'w:tab':
        if (runDepth > 0) text += '\t';
        break;
      case 'w:p':
        if (!selfClosing) paragraphDepth++;
        break;
      case 'w:tbl':
        if (!selfClosing) tables.push({ index: tableCount++, row: -1, col: 0 });
        break;
      case 'w:tr':
        if (table) {
          table.row++;
          table.col = 0;
        }
        break;
      case 'w:gridBefore':
        if (table) table.col += gridValue(attrs);
        break;
      case 'w:tc':
        if (table && !selfClosing) table.cell = { col: table.col, span: 1, continuation: false, paragraphs: [] };
        break;
      case 'w:gridSpan':
        if (table?.cell) table.cell.span = Math.max(1, gridValue(attrs));
        break;
      case 'w:vMerge':
        if (table?.cell) table.cell.continuation = attrs['w:val'] !== 'restart';
        break;
    }
  });
  return lines;
}

const gridValue = (attrs: Record<string, string>) => Number.parseInt(attrs['w:val'] ?? '', 10) || 0;
