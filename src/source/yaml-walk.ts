/**
 * Stage 1 helper: every node of a YAML document with its JSON Pointer, mapping keys included.
 * Iterative (an explicit stack), so no input can overflow the call stack.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import { formatPointer } from './pointer';

/** One node: where it is, and whether it is a mapping key (a key's pointer is its pair's). */
export interface WalkedNode {
  node: YamlNode;
  path: readonly string[];
  pointer: string;
  isKey: boolean;
}

/** The nodes of a document, parents before children; aliases are yielded, not followed. */
export function* walkNodes(doc: Document): Generator<WalkedNode> {
  const stack: { node: unknown; path: string[]; isKey: boolean }[] = [{ node: doc.contents, path: [], isKey: false }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, path, isKey } = item;
    if (!isScalar(node) && !isMap(node) && !isSeq(node) && !isAlias(node)) continue;
    yield { node, path, pointer: formatPointer(path), isKey };
    const children: { node: unknown; path: string[]; isKey: boolean }[] = [];
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const childPath = [...path, isScalar(pair.key) ? String(pair.key.value) : String(pair.key)];
        children.push({ node: pair.key, path: childPath, isKey: true }, { node: pair.value, path: childPath, isKey: false });
      }
    } else if (isSeq(node)) {
      node.items.forEach((child, index) => children.push({ node: child, path: [...path, String(index)], isKey: false }));
    }
    // Reversed onto the stack, so nodes come out in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as (typeof children)[number]);
  }
}
