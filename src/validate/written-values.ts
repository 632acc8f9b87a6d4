/**
 * Stage 2 helper: each value's source text as written, by JSON Pointer, so a message or hint can
 * quote what the clerk typed (012345, 1e3) rather than what YAML read from it (12345, 1000).
 */
import { isScalar, type Document, type Node as YamlNode } from 'yaml';
import type { SourceFile } from '../source/source-file';
import { walkNodes } from '../source/yaml-walk';

/** A value as written: its source text, whether it was a plain (unquoted) scalar, and what YAML read. */
export interface WrittenValue {
  text: string;
  plain: boolean;
  value: unknown;
}

/** The values of one parsed file, looked up by pointer. */
export class WrittenValues {
  private readonly nodes = new Map<string, YamlNode>();

  constructor(
    doc: Document,
    private readonly source: SourceFile,
  ) {
    for (const { node, pointer, isKey } of walkNodes(doc)) if (!isKey) this.nodes.set(pointer, node);
  }

  /** The value at a pointer as written, if the pointer names a node. */
  get(pointer: string): WrittenValue | undefined {
    const node = this.nodes.get(pointer);
    return node ? this.describe(node) : undefined;
  }

  /** Every unquoted scalar YAML read as a number, with its pointer. */
  *numbers(): Generator<WrittenValue & { pointer: string; value: number }> {
    for (const [pointer, node] of this.nodes) {
      if (isScalar(node) && typeof node.value === 'number' && node.type === 'PLAIN') {
        // describe(node) spelled out: this runs for every number of a report.
        yield { text: this.textOf(node), plain: true, value: node.value, pointer };
      }
    }
  }

  private describe(node: YamlNode): WrittenValue {
    return { text: this.textOf(node), plain: isScalar(node) && node.type === 'PLAIN', value: isScalar(node) ? node.value : undefined };
  }

  private textOf(node: YamlNode): string {
    const [start, end] = node.range ?? [0, 0];
    return this.source.text.slice(start, end);
  }
}
