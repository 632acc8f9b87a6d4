/**
 * The source place survives: `report import` writes where each value was printed in the published
 * report as a 原文… comment on its line, and a later `validate` of that YAML reads it back, so the
 * checker's diagnostics still name 第 P 页第 L 行 / 表 T 第 R 行 / 第 L 行. Run in this process.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { checkReport } from '../src/check';
import { withSource } from '../src/core/source-host';
import { nodeHost } from '../src/host';
import { importReport } from '../src/import/import';
import { SCHEMA_REFERENCE } from '../src/schema/schema-file';
import { sourcePlace, sourcePlaceComment } from '../src/source/source-place';
import { FIXTURES } from './helpers/fixtures';

const seedText = fs.readFileSync(path.join(FIXTURES, 'seed', 'yichun-2023.txt'), 'utf8');

describe('the 原文 comment', () => {
  it('is one place for a value, one per cell for a row, written as compactly as can be read back', () => {
    expect(sourcePlaceComment(['第 2 页第 7 行'])).toBe('原文第 2 页第 7 行');
    expect(sourcePlaceComment(['第 2 页第 7 行', '第 2 页第 7 行'])).toBe('原文第 2 页第 7 行');
    expect(sourcePlaceComment(['第 96 行', '第 97 行', '第 98 行'])).toBe('原文第 96–98 行');
    expect(sourcePlaceComment(['表 3 第 4 行第 2 格', '表 3 第 4 行第 3 格'])).toBe('原文表 3 第 4 行第 2–3 格');
    expect(sourcePlaceComment(['第 2 页第 7 行', undefined, '第 3 页第 1 行'])).toBe('原文第 2 页第 7 行、?、第 3 页第 1 行');
    expect(sourcePlaceComment([undefined, undefined])).toBeUndefined();
  });

  it('gives each cell of a row its own place back, among the other notes on the line', () => {
    const doc = parseDocument(
      [
        'proactive:',
        '  normative_documents: {issued: 7, repealed: 11, in_force: 18} # 行政规范性文件；原文第 43–45 行',
        '  licensing: 49255 # 行政许可；原文第 2 页第 12 行',
        'applications:',
        '  new: [1, 2, 3] # 原文表 3 第 4 行第 2–4 格；导入：原文第 9 行：某条发现',
        '  carried_over: [0, 0, 0] # 原文第 2 页第 7 行、?、第 3 页第 1 行',
        '  carry_forward: [0, 0, 0] # 导入：原文第 9 行：某条发现',
      ].join('\n'),
    );
    expect(sourcePlace(doc, '/proactive/normative_documents/in_force')).toBe('第 45 行');
    expect(sourcePlace(doc, '/proactive/licensing')).toBe('第 2 页第 12 行');
    expect(sourcePlace(doc, '/applications/new/2')).toBe('表 3 第 4 行第 4 格');
    expect(sourcePlace(doc, '/applications/new')).toBe('表 3 第 4 行第 2–4 格');
    expect(sourcePlace(doc, '/applications/carried_over/2')).toBe('第 3 页第 1 行');
    expect(sourcePlace(doc, '/applications/carried_over/1')).toBeUndefined();
    // A finding's own place is not the value's.
    expect(sourcePlace(doc, '/applications/carry_forward/0')).toBeUndefined();
  });

  it('is read, not expanded: a hostile range costs nothing and names no cell outside it', () => {
    const doc = parseDocument('applications:\n  new: [1, 2] # 原文第 1–999999999999 行\n  carried_over: [1, 2] # 原文第 5–5 行\n');
    expect(sourcePlace(doc, '/applications/new/1')).toBe('第 2 行');
    expect(sourcePlace(doc, '/applications/carried_over/1')).toBeUndefined();
    // Longer than any row's places: not import's, not read.
    const long = parseDocument(`applications:\n  new: [1, 2] # 原文${'第 1 行、'.repeat(500)}第 2 行\n`);
    expect(sourcePlace(long, '/applications/new/0')).toBeUndefined();
  });
});

describe('validate of an imported YAML', () => {
  it('names the place in the published report, as the import did', async () => {
    const lines = seedText.split('\n');
    lines[101] = '\t5'; // the 总计 of 一、本年新收 (0 in the seed): line 102
    const imported = await importReport(Buffer.from(lines.join('\n')), 'b.txt', { schemaPath: SCHEMA_REFERENCE });
    expect(imported.yaml).toMatch(/^ {2}new: \[0, 0, 0, 0, 0, 0, 5\] # 原文第 96–102 行$/m);
    expect(imported.yaml).toMatch(/^ {2}licensing: 49255 # 行政许可；原文第 53 行$/m);
    const checked = checkReport(withSource(nodeHost(), 'b.yaml', Buffer.from(imported.yaml)), 'b.yaml');
    const total = checked.diagnostics.find((d) => d.code === 'RPT3003');
    expect(total?.hints.map((h) => h.zh)).toContain('原文位置：第 102 行');
    expect(total?.hints.map((h) => h.en)).toContain('in the source: line 102');
  });

  it('adds no place to a hand-written report', () => {
    const file = path.join(FIXTURES, 'invalid', 'r2-row-total.yaml');
    const hints = checkReport(nodeHost(), file).diagnostics.flatMap((d) => d.hints.map((h) => h.zh));
    expect(hints.filter((h) => h.startsWith('原文位置'))).toEqual([]);
  });
});
