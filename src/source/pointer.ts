/**
 * JSON Pointers (RFC 6901) and their places in a YAML document. Diagnostics carry pointers; they are
 * turned into text ranges only when printed.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';

export type Pointer = string;

/** '/a/b~1c/0' → ['a', 'b/c', '0'] */
export function parsePointer(pointer: Pointer): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** ['a', 'b/c', 0] → '/a/b~1c/0' */
export function formatPointer(path: readonly (string | number)[]): Pointer {
  let pointer = '';
  for (const part of path) {
    const text = String(part);
    // Most parts need no escape: validation formats a pointer for every node of a report.
    pointer += '/' + (text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text);
  }
  return pointer;
}

/** The pointers of the values that contain a pointer's, nearest first: '/a/b/0' → ['/a/b', '/a', '']. */
export function ancestorPointers(pointer: Pointer): Pointer[] {
  const out: Pointer[] = [];
  for (let end = pointer.lastIndexOf('/'); end >= 0; end = pointer.lastIndexOf('/', end - 1)) {
    out.push(pointer.slice(0, end));
    if (end === 0) break;
  }
  return out;
}

/** A place in the source: [start, end) offsets, and whether the pointer's own node was found. */
export interface Located {
  start: number;
  end: number;
  exact: boolean;
}

/**
 * Finds the text range of the node a pointer names. `key` asks for the mapping key instead of the
 * value (for unknown keys). A pointer to a node that does not exist lands on its nearest ancestor.
 */
export function locatePointer(doc: Document, pointer: Pointer, key = false): Located | undefined {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  let exact = true;
  for (const segment of parsePointer(pointer)) {
    let next: unknown;
    keyNode = undefined;
    if (isMap(node)) {
      const pair = pairsByKey(node).get(segment);
      if (pair) {
        next = pair.value;
        keyNode = pair.key;
        // A key with no value (`new:`) has a null value node; point at the key then.
        if (next === null || next === undefined) next = pair.key;
      }
    } else if (isSeq(node)) {
      next = /^\d+$/.test(segment) ? node.items[Number(segment)] : undefined;
    }
    if (next === undefined || next === null) {
      exact = false;
      break;
    }
    node = next;
  }
  const target = (key && keyNode ? keyNode : node) as YamlNode | null;
  const range = target?.range;
  if (!range) return undefined;
  return { start: range[0], end: Math.max(range[1], range[0]), exact };
}

/**
 * A mapping's pairs by key text, the first of equal keys winning (as a search from the top would).
 * Built once per mapping and kept while the mapping lives: a file of 50,000 unknown keys places its
 * 50,000 diagnostics in linear time, where a search per pointer took minutes.
 */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let index = pairIndex.get(map);
  if (index) return index;
  index = new Map();
  for (const item of map.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const key = String(item.key.value);
    if (!index.has(key)) index.set(key, item as Pair);
  }
  pairIndex.set(map, index);
  return index;
}
