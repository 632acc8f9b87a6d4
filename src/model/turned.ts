/**
 * Which blocks are set on turned pages (GB/T 9704 10.2): a table the model turned (`grid.landscape`,
 * too wide upright even at 8 pt: tables.ts) and the heading right before it, which goes with its table.
 * One rule for every renderer: the PDF's rotated pages, the DOCX's landscape sections, the HTML's print pages.
 */
import type { Block } from './types';

/** Whether `block`, followed by `next`, is set on turned pages. */
export function isTurned(block: Block, next: Block | undefined): boolean {
  if (block.kind === 'table') return block.grid.landscape === true;
  return block.kind === 'heading' && next?.kind === 'table' && next.grid.landscape === true;
}
