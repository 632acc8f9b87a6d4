/**
 * The DOCX really opens in an office suite: LibreOffice converts it to PDF, and the converted text
 * holds every heading, table label and number of the seed report in order.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { docxOf, modelOf } from './helpers/build';
import { tempDir } from './helpers/cli';
import { convertWithLibreOffice } from './helpers/libreoffice';

test('LibreOffice converts the seed DOCX; headings, labels and numbers come back in order', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'yichun-2023.docx');
  fs.writeFileSync(file, (await docxOf('yichun-2023.yaml')).bytes);
  const [pdf] = convertWithLibreOffice([file], dir);
  const text = execFileSync('pdftotext', [pdf as string, '-'], { encoding: 'utf8' });
  // A table cell wrapped over several lines comes out interleaved with its neighbours (自然 … 人),
  // so each expected text must appear as an in-order subsequence within a short window, and the
  // windows must start in document order.
  // Page numbers (— 5 —) come out inside a paragraph that crosses a page: take them out first.
  const flat = text.replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, '');
  const findNear = (needle: string, from: number): number => {
    for (let start = flat.indexOf(needle[0] ?? '', from); start >= 0; start = flat.indexOf(needle[0] ?? '', start + 1)) {
      const limit = start + needle.length * 3 + 40;
      let at = start;
      let matched = 0;
      for (const char of needle) {
        at = flat.indexOf(char, matched === 0 ? at : at + 1);
        if (at < 0 || at > limit) break;
        matched++;
      }
      if (matched === needle.length) return start;
    }
    return -1;
  };
  const doc = modelOf('yichun-2023.yaml');
  // Headings, title lines and the signature in strict order; a table's labels and non-zero numbers
  // anywhere inside the table (its extraction order follows positions, not the grid), after what precedes it.
  const groups: string[][] = doc.blocks.flatMap((b) =>
    b.kind === 'title'
      ? b.lines.map((l) => [l])
      : b.kind === 'heading'
        ? [[b.text]]
        : b.kind === 'table'
          ? [b.grid.cells.filter((c) => c.header || /[1-9]/.test(c.text)).map((c) => c.text)]
          : b.kind === 'signature'
            ? [[b.organ], [b.dateText]]
            : [],
  );
  let from = 0;
  const missing: string[] = [];
  for (const group of groups) {
    const found = group.map((item) => [item, findNear(item.replace(/\s+/g, ''), from)] as const);
    missing.push(...found.filter(([, index]) => index < 0).map(([item]) => item));
    from = Math.max(from, ...found.map(([, index]) => index + 1));
  }
  const expected = groups.flat();
  expect(missing).toEqual([]);
  expect(expected.length).toBeGreaterThan(80);
  // Every paragraph's text is there too.
  for (const b of doc.blocks) if (b.kind === 'paragraph') expect(flat.includes(b.text.replace(/\s+/g, ''))).toBe(true);
  // Table 三 stands on one page with its heading: the heading and the table's last row share a page.
  const pages = text.split('\f').map((page) => page.replace(/\s+/g, ''));
  const pageOf = (needle: string) => pages.findIndex((page) => page.includes(needle));
  expect(pageOf('三、收到和处理政府信息公开申请情况')).toBeGreaterThan(0);
  expect(pageOf('四、结转下年度继续办理')).toBe(pageOf('三、收到和处理政府信息公开申请情况'));
});
