/**
 * Page size and East Asian spacing of the DOCX (issue #8), read from the parsed XML: A4 exactly as
 * Word writes it, and no automatic space between Chinese and Latin letters or digits anywhere.
 */
import { XMLParser } from 'fast-xml-parser';
import { docxOf } from './helpers/build';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
type Node = Record<string, unknown>;
const listOf = (value: unknown): Node[] => (value === undefined ? [] : Array.isArray(value) ? (value as Node[]) : [value as Node]);

let parts: Record<string, string>;

beforeAll(async () => {
  ({ parts } = await docxOf('yichun-2023.yaml'));
});

test('the page is A4 exactly as Word writes it: 11906 × 16838 twips, portrait', () => {
  const document = parser.parse(parts['word/document.xml'] ?? '') as Node;
  const body = (document['w:document'] as Node)['w:body'] as Node;
  const pgSz = (body['w:sectPr'] as Node)['w:pgSz'] as Node;
  expect([pgSz['@w:w'], pgSz['@w:h'], pgSz['@w:orient']]).toEqual(['11906', '16838', 'portrait']);
});

test('automatic space between Chinese and Latin text or digits is off in the paragraph defaults, and no style turns it back on', () => {
  const styles = (parser.parse(parts['word/styles.xml'] ?? '') as Node)['w:styles'] as Node;
  const pPr = ((styles['w:docDefaults'] as Node)['w:pPrDefault'] as Node)['w:pPr'] as Node;
  expect([(pPr['w:autoSpaceDE'] as Node)['@w:val'], (pPr['w:autoSpaceDN'] as Node)['@w:val']]).toEqual(['0', '0']);
  // CT_PPrBase wants autoSpaceDE before autoSpaceDN (Word rejects elements out of order).
  expect(parts['word/styles.xml']).toContain('<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>');
  for (const style of listOf(styles['w:style'])) {
    const own = (style['w:pPr'] ?? {}) as Node;
    expect([style['@w:styleId'], own['w:autoSpaceDE'], own['w:autoSpaceDN']]).toEqual([style['@w:styleId'], undefined, undefined]);
  }
  expect(parts['word/document.xml']).not.toContain('w:autoSpaceD');
});

test('the grid fits the type area: 22 lines of 579 twips and 28 characters of 16 pt − 0.25 pt, never rounded past it', () => {
  const document = parser.parse(parts['word/document.xml'] ?? '') as Node;
  const sectPr = ((document['w:document'] as Node)['w:body'] as Node)['w:sectPr'] as Node;
  const size = sectPr['w:pgSz'] as Node;
  const margin = sectPr['w:pgMar'] as Node;
  const height = Number(size['@w:h']) - Number(margin['@w:top']) - Number(margin['@w:bottom']);
  const width = Number(size['@w:w']) - Number(margin['@w:left']) - Number(margin['@w:right']);
  const pitch = Number((sectPr['w:docGrid'] as Node)['@w:linePitch']);
  expect(22 * pitch).toBeLessThanOrEqual(height);
  expect(23 * pitch).toBeGreaterThan(height);
  const styles = (parser.parse(parts['word/styles.xml'] ?? '') as Node)['w:styles'] as Node;
  const normal = listOf(styles['w:style']).find((s) => s['@w:styleId'] === 'Normal') as Node;
  expect(((normal['w:pPr'] as Node)['w:spacing'] as Node)['@w:line']).toBe(String(pitch));
  const rPr = normal['w:rPr'] as Node;
  const charTwips = Number((rPr['w:sz'] as Node)['@w:val']) * 10 + Number((rPr['w:spacing'] as Node)['@w:val']);
  expect(28 * charTwips).toBeLessThanOrEqual(width);
  expect(29 * charTwips).toBeGreaterThan(width);
});

test('Latin text is marked en-US and East Asian text zh-CN for every run; hanging punctuation set for LibreOffice’s reading', () => {
  const styles = (parser.parse(parts['word/styles.xml'] ?? '') as Node)['w:styles'] as Node;
  const defaults = styles['w:docDefaults'] as Node;
  const lang = ((defaults['w:rPrDefault'] as Node)['w:rPr'] as Node)['w:lang'] as Node;
  expect([lang['@w:val'], lang['@w:eastAsia']]).toEqual(['en-US', 'zh-CN']);
  expect(parts['word/styles.xml']?.match(/<w:lang /g)).toHaveLength(1);
  expect(parts['word/document.xml']).not.toContain('<w:lang ');
  expect(parts['word/styles.xml']).toContain('<w:pPrDefault><w:pPr><w:overflowPunct w:val="1"/>');
});
