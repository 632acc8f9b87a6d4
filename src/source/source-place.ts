/**
 * Where an imported value was printed in the published report, kept in the YAML `report import`
 * writes as a comment on the value's line — `# 原文第 102 行`, `# 原文第 2 页第 7 行`, for a table row
 * one place per cell: `# 原文第 96–102 行` (one cell a line), `# 原文表 3 第 4 行第 2–8 格`, or a list
 * `# 原文第 2 页第 7 行、第 2 页第 8 行、?` (? where a cell was not read) — and read back by `validate`
 * of that YAML, so its diagnostics still name the place in the source (the locator's hint). The
 * comments are the file's text, untrusted: read with anchored linear patterns, nothing expanded.
 */
import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { parsePointer } from './pointer';

const MARK = '原文';
/** Where one value stands: the forms the importers' findings use (import/findings.ts `at`). */
const PLACE = /^(?:第 \d+ 页第 \d+ 行|第 \d+ [行段]|表 \d+ 第 \d+ 行第 \d+ 格)$/;
const LINES = /^第 (\d+)–(\d+) 行$/;
const CELLS = /^(表 \d+ 第 \d+ 行第 )(\d+)–(\d+)( 格)$/;
const RANGE_MARK = '–';
/** Longer than any row's places (7 cells of ~20 characters): a longer 原文… is not one import wrote, and is not read. */
const MAX_PLACES = 1000;

/** The comment text for a value's places, one per cell of its row (undefined: not read), or undefined when none is known. */
export function sourcePlaceComment(places: readonly (string | undefined)[]): string | undefined {
  if (places.every((p) => p === undefined)) return undefined;
  const first = places[0];
  if (places.every((p) => p === first)) return MARK + first;
  const known = places as string[];
  if (known.every((p) => p !== undefined)) {
    const lines = known.map((p) => /^第 (\d+) 行$/.exec(p)?.[1]);
    if (lines.every((n, i) => n !== undefined && Number(n) === Number(lines[0]) + i)) return `${MARK}第 ${lines[0]}${RANGE_MARK}${lines.at(-1)} 行`;
    const cells = known.map((p) => /^(表 \d+ 第 \d+ 行第 )(\d+)( 格)$/.exec(p));
    const [head] = cells;
    if (head && cells.every((c, i) => c && c[1] === head[1] && Number(c[2]) === Number(head[2]) + i)) {
      return `${MARK}${head[1]}${head[2]}${RANGE_MARK}${cells.at(-1)?.[2]}${head[3]}`;
    }
  }
  return MARK + places.map((p) => p ?? '?').join('、');
}

/** The place of cell `index` of a row (undefined: the row as a whole) as its comment `written` (after 原文) says. */
function placeIn(written: string, index: number | undefined): string | undefined {
  const lines = LINES.exec(written);
  if (lines) {
    const line = Number(lines[1]) + (index ?? 0);
    return index === undefined ? written : line <= Number(lines[2]) ? `第 ${line} 行` : undefined;
  }
  const cells = CELLS.exec(written);
  if (cells) {
    const cell = Number(cells[2]) + (index ?? 0);
    return index === undefined ? written : cell <= Number(cells[3]) ? `${cells[1]}${cell}${cells[4]}` : undefined;
  }
  if (PLACE.test(written)) return written;
  const list = written.split('、');
  if (index === undefined || !list.every((p) => p === '?' || PLACE.test(p))) return undefined;
  const place = list[index];
  return place === '?' ? undefined : place;
}

/** The index of cell `key` in a table row's node (a list by position, a mapping by key); -1 when it has none. */
export function cellIndexIn(row: YAMLSeq | YAMLMap, key: string): number {
  if (isSeq(row)) return /^\d+$/.test(key) ? Number(key) : -1;
  return row.items.findIndex((pair) => isScalar(pair.key) && String(pair.key.value) === key);
}

/** Each node's 原文… read once: a file's diagnostics may all point into one row (its comment up to the file's size). */
const readPlaces = new WeakMap<Node, string | undefined>();

/** The 原文… part of a node's comment (other notes share the line, joined by ；), without the mark. */
function placeOf(node: Node): string | undefined {
  if (readPlaces.has(node)) return readPlaces.get(node);
  const comment = (isScalar(node) || isSeq(node) || isMap(node) ? node.comment : undefined) ?? '';
  const part = comment
    .split('；')
    .map((p) => p.trim())
    .find((p) => p.startsWith(MARK));
  const places = part !== undefined && part.length <= MARK.length + MAX_PLACES ? part.slice(MARK.length) : undefined;
  readPlaces.set(node, places);
  return places;
}

/** Where the value at `pointer` was printed in the published report, as the YAML's comments say. */
export function sourcePlace(doc: Document, pointer: string): string | undefined {
  const path = parsePointer(pointer);
  const node = doc.getIn(path, true) as Node | undefined;
  const own = node && (isScalar(node) || isSeq(node) || isMap(node)) ? placeOf(node) : undefined;
  if (own !== undefined) return placeIn(own, isScalar(node) ? 0 : undefined);
  // A cell of a table row written on one line: the comment is the row's.
  const row = doc.getIn(path.slice(0, -1), true) as Node | undefined;
  const key = path.at(-1);
  if (!(isSeq(row) || isMap(row)) || !row.flow || key === undefined) return undefined;
  const written = placeOf(row);
  if (written === undefined) return undefined;
  const index = cellIndexIn(row, key);
  return index >= 0 ? placeIn(written, index) : undefined;
}
