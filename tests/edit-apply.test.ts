/** The page's edits written into the YAML: only the edited values change (src/edit/apply-edits.ts). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { applyEdits } from '../src/edit/apply-edits';
import { ROOT } from './helpers/fixtures';

const SEED = fs.readFileSync(path.join(ROOT, 'fixtures', 'yichun-2023.yaml'), 'utf8');

/** The lines that differ between two texts of the same line count. */
const changedLines = (a: string, b: string) => {
  const left = a.split('\n');
  const right = b.split('\n');
  expect(right).toHaveLength(left.length);
  return right.flatMap((line, i) => (line === left[i] ? [] : [[left[i], line]]));
};

const applied = (text: string, edits: Parameters<typeof applyEdits>[1]) => {
  const result = applyEdits(text, edits);
  if (!('text' in result)) throw new Error(`refused: ${result.refused}`);
  return result.text;
};

test('a cell of table 三 is a one-line diff, the comments and spacing kept', () => {
  const text = applied(SEED, [{ pointer: '/applications/new/1', value: '26', number: true }]);
  expect(changedLines(SEED, text)).toEqual([['  new: [0, 0, 0, 0, 0, 0, 0]', '  new: [0, 26, 0, 0, 0, 0, 0]']]);
  expect(parse(text).applications.new).toEqual([0, 26, 0, 0, 0, 0, 0]);
});

test('a value with an aligned comment after it keeps the comment where it was', () => {
  const text = applied(SEED, [{ pointer: '/proactive/normative_documents/issued', value: '8', number: true }]);
  expect(changedLines(SEED, text)).toEqual([
    [
      '  normative_documents: {issued: 7, repealed: 11, in_force: 18}  # 行政规范性文件',
      '  normative_documents: {issued: 8, repealed: 11, in_force: 18}  # 行政规范性文件',
    ],
  ]);
});

test('text: a quoted string stays quoted, a literal block keeps its header and indentation', () => {
  const text = applied(SEED, [
    { pointer: '/contact/postcode', value: '336001' },
    { pointer: '/overview/2/body', value: '2023年，我区收到依申请公开办理件1件。' },
  ]);
  expect(changedLines(SEED, text)).toEqual([
    ['  postcode: "336000"', '  postcode: "336001"'],
    ['      2023年，我区未收到依申请公开办理件。', '      2023年，我区收到依申请公开办理件1件。'],
  ]);
  expect(parse(text).overview[2].body).toBe('2023年，我区收到依申请公开办理件1件。\n');
});

test('a text with a colon in a flow mapping is quoted; words typed into a number cell are written as text for the checker to judge', () => {
  const text = applied(SEED, [
    { pointer: '/organ', value: '某局: 办公室' },
    { pointer: '/applications/carried_over/0', value: '十', number: true },
  ]);
  const data = parse(text);
  expect(data.organ).toBe('某局: 办公室');
  expect(data.applications.carried_over[0]).toBe('十');
});

test('a fee keeps its trailing zero', () => {
  const text = applied(SEED, [{ pointer: '/proactive/fees', value: '1.10', number: true }]);
  expect(changedLines(SEED, text)).toEqual([['  fees: 378.42       # 行政事业性收费', '  fees: 1.10       # 行政事业性收费']]);
});

test('a total added to a row written without it', () => {
  const source = SEED.replace('  new: [0, 0, 0, 0, 0, 0, 0]', '  new: [1, 2, 0, 0, 0, 0]');
  const text = applied(source, [{ pointer: '/applications/new/6', value: '3', number: true }]);
  expect(changedLines(source, text)).toEqual([['  new: [1, 2, 0, 0, 0, 0]', '  new: [1, 2, 0, 0, 0, 0, 3]']]);
});

test('a pointer to no value of the file is refused, and so is a file that does not parse', () => {
  expect(applyEdits(SEED, [{ pointer: '/applications/nothing/0', value: '1', number: true }])).toEqual({
    refused: 'absent',
    pointer: '/applications/nothing/0',
  });
  expect(applyEdits('a: [1\n', [{ pointer: '/a/0', value: '2', number: true }])).toEqual({ refused: 'yaml' });
});
