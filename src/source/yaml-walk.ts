/**
 * Stage 1 helper: every node of a YAML document with its JSON Pointer, mapping keys included.
 * Iterative (an explicit stack), so no input can overflow the call stack.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node as YamlNode, type Scalar } from 'yaml';
import { formatPointer } from './pointer';

/** One node: where it is, and whether it is a mapping key (a key's pointer is its pair's). */
export interface WalkedNode {
  node: YamlNode;
  path: readonly string[];
  readonly pointer: string;
  isKey: boolean;
}

/** A node the walk met. The pointer is formatted only when asked for: most walks need the nodes or the path alone. */
class Walked implements WalkedNode {
  constructor(
    readonly node: YamlNode,
    readonly path: readonly string[],
    readonly isKey: boolean,
  ) {}

  get pointer(): string {
    return formatPointer(this.path);
  }
}

/**
 * The nodes of a document, parents before children; aliases are yielded, not followed. Validation
 * walks every node of a report more than once (written values, duplicate keys): what each node met
 * costs is an instance of a class and, for a collection, its children pushed straight onto the stack.
 */
export function* walkNodes(doc: Document): Generator<WalkedNode> {
  const stack: { node: unknown; path: readonly string[]; isKey: boolean }[] = [{ node: doc.contents, path: [], isKey: false }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, path, isKey } = item;
    if (!isScalar(node) && !isMap(node) && !isSeq(node) && !isAlias(node)) continue;
    yield new Walked(node, path, isKey);
    // Children go onto the stack last first, so that they come out in document order (a key before its value).
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i];
        if (!isPair(pair)) continue;
        const childPath = [...path, isScalar(pair.key) ? String(pair.key.value) : String(pair.key)];
        stack.push({ node: pair.value, path: childPath, isKey: false }, { node: pair.key, path: childPath, isKey: true });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], path: [...path, String(i)], isKey: false });
    }
  }
}

/**
 * For each offset, the innermost value node of a kind whose source range holds it (absent when
 * none does). One walk for all offsets: ranges of a document nest, and the walk meets them in
 * order of their start, so a stack of the ranges still open answers each offset in turn.
 */
export function innermostAt(doc: Document, offsets: readonly number[], kind: (node: unknown) => boolean): Map<number, WalkedNode> {
  const pending = [...new Set(offsets)].sort((a, b) => a - b);
  const found = new Map<number, WalkedNode>();
  const open: WalkedNode[] = [];
  let next = 0;
  const answerBefore = (limit: number) => {
    for (; next < pending.length && (pending[next] as number) < limit; next++) {
      const offset = pending[next] as number;
      while (open.length > 0 && (open[open.length - 1]?.node.range?.[2] ?? 0) <= offset) open.pop();
      const top = open[open.length - 1];
      if (top) found.set(offset, top);
    }
  };
  for (const walked of walkNodes(doc)) {
    const range = walked.node.range;
    if (walked.isKey || !kind(walked.node) || !range) continue;
    answerBefore(range[0]);
    open.push(walked);
  }
  answerBefore(Infinity);
  return found;
}

/** A mapping key equal to an earlier key of its mapping, with the pointer both share. */
export interface DuplicateKey {
  key: Scalar;
  pointer: string;
}

/**
 * Keys that repeat an earlier key of the same mapping (equal as yaml compares them: scalars of the
 * same value). yaml's own check (`uniqueKeys`) compares each key with every earlier one, minutes
 * for a file of 70,000 keys; a set per mapping does it in one pass.
 */
export function* duplicateKeys(doc: Document): Generator<DuplicateKey> {
  for (const { node, path } of walkNodes(doc)) {
    if (!isMap(node)) continue;
    const seen = new Set<unknown>();
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      if (seen.has(pair.key.value)) yield { key: pair.key, pointer: formatPointer([...path, String(pair.key.value)]) };
      seen.add(pair.key.value);
    }
  }
}

/**
 * The node each alias refers to: the last node before it with its anchor (yaml's rule), found in
 * one walk. yaml's `Alias.resolve` without a toJS context walks the whole document for each alias.
 */
export function aliasTargets(doc: Document): Map<Alias, YamlNode> {
  const anchors = new Map<string, YamlNode>();
  const targets = new Map<Alias, YamlNode>();
  for (const { node } of walkNodes(doc)) {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) targets.set(node, target);
    } else if (node.anchor) {
      anchors.set(node.anchor, node);
    }
  }
  return targets;
}
