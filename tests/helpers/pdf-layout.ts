/** Where a PDF's text lines are, from pdftotext -bbox-layout (points, top-left origin). */
import { execFileSync } from 'node:child_process';

export interface LineBox {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
}

/** Line boxes of a PDF in reading order. */
export function lineBoxes(file: string): LineBox[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const boxes: LineBox[] = [];
  html.split('<page ').slice(1).forEach((page, index) => {
    for (const line of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...(line[5] ?? '').matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join('');
      const text = words.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
      boxes.push({ page: index + 1, xMin: Number(line[1]), yMin: Number(line[2]), xMax: Number(line[3]), yMax: Number(line[4]), text });
    }
  });
  return boxes;
}
