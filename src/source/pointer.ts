/**
 * JSON Pointers (RFC 6901) and their places in a YAML document. Diagnostics carry pointers; they are
 * turned into text ranges only when printed.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';

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
  return path.map((part) => '/' + String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
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
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === segment);
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
