/** The texts of the document model in reading order, for tests that follow every character of it into an output. */
import type { Block } from '../../src/model/types';

/** One block's text items in reading order: the title's lines, a paragraph, each table cell, the signature's lines. */
export function blockTexts(block: Block): string[] {
  switch (block.kind) {
    case 'title':
      return block.lines;
    case 'heading':
    case 'paragraph':
      return [block.text];
    case 'table':
      return block.grid.cells.map((cell) => cell.text);
    case 'signature':
      return [...block.organLines, block.dateText];
  }
}
