/**
 * The page's edits written into the YAML text without touching anything else: each edited value's
 * own tokens in the yaml library's concrete syntax tree (CST) are replaced, and the tree is printed
 * back, which gives the source byte for byte everywhere else. Comments, key order, the aligned
 * comments after flow rows and blank lines stay; a one-cell edit is a one-line diff. (Printing the
 * Document instead would re-flow the whole file.)
 */
import { Composer, CST, isMap, isScalar, isSeq, Parser, type Document, type Node as YamlNode } from 'yaml';
import { parsePointer } from '../source/pointer';

/**
 * A value as the page sends it: the text typed, and whether it was typed into a number cell. A number
 * is written as typed (1.10 stays 1.10, as the fee is printed); anything else typed into a cell is
 * written as text, for the checker to say what is wrong with it.
 */
export interface Edit {
  pointer: string;
  value: string;
  number?: boolean;
}

/** A number as a cell takes it: digits, with a decimal part for the fee. */
const NUMBER = /^(0|[1-9]\d*)(\.\d+)?$/;

const isNumber = (edit: Edit) => edit.number === true && NUMBER.test(edit.value);

/** The text with the edits, or why an edit could not be written (its pointer names no value the file has, or the YAML does not parse). */
export type Applied = { text: string } | { refused: string; pointer?: string };

/** The value's node and the collection holding it, following a pointer from the document's root. */
function nodeAt(doc: Document, pointer: string): { node?: YamlNode; parent?: YamlNode; last?: string } {
  let node: unknown = doc.contents;
  let parent: unknown;
  let last: string | undefined;
  for (const segment of parsePointer(pointer)) {
    parent = node;
    last = segment;
    if (isMap(node)) node = node.get(segment, true);
    else if (isSeq(node) && /^\d+$/.test(segment)) node = node.items[Number(segment)];
    else node = undefined;
    if (node === undefined || node === null) return { parent: parent as YamlNode, last };
  }
  return { node: node as YamlNode, parent: parent as YamlNode, last };
}

/** The first non-empty line's indentation of a block scalar's body. */
const bodyIndent = (body: string): string => /^( *)\S/m.exec(body)?.[1] ?? '  ';

/**
 * A literal block scalar (`|`, `|-`, `|+`) keeps its header and indentation; only its lines change. The
 * text area does not show the final line break, so the header's chomping puts it back as it was. A
 * text the header cannot hold (a first line starting with a space, a folded `>` block) is printed
 * by the library in a form that can.
 */
function setBlockText(token: CST.BlockScalar, value: string, context: Parameters<typeof CST.setScalarValue>[2]): void {
  const header = token.props[0];
  const literal = header?.type === 'block-scalar-header' && /^\|[-+]?$/.test(header.source);
  const lines = value.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  if (!literal || /^\s/.test(lines[0] ?? '')) {
    CST.setScalarValue(token, value, context);
    return;
  }
  const indent = bodyIndent(token.source);
  const kept = header.source === '|+' ? (/\n*$/.exec(token.source)?.[0] ?? '\n') : '\n';
  token.source = lines.map((line) => (line === '' ? '' : indent + line)).join('\n') + kept;
}

/** Writes one value into its scalar token. */
function setValue(token: CST.Token, edit: Edit, afterKey: boolean, inFlow: boolean): void {
  if (isNumber(edit) && token.type === 'scalar') {
    // A plain number stays plain and keeps what follows it on the line (a comment).
    token.source = edit.value;
    return;
  }
  const text = edit.value;
  if (token.type === 'block-scalar') setBlockText(token, text, { afterKey, inFlow });
  else CST.setScalarValue(token, text, { afterKey, inFlow });
}

/**
 * A total given in a flow row that was written without it (`[1, 2, 0, 0, 0, 0]`): the new cell is
 * added after the row's last value, as the row's next item.
 */
function appendToFlowRow(parent: YamlNode, index: number, edit: Edit): string | undefined {
  if (!isSeq(parent) || parent.items.length !== index || !isNumber(edit)) return 'absent';
  const token = parent.srcToken;
  if (!token || token.type !== 'flow-collection') return 'block';
  const offset = token.end[0]?.offset ?? token.offset;
  token.items.push({
    start: [
      { type: 'comma', offset, indent: token.indent, source: ',' },
      { type: 'space', offset, indent: token.indent, source: ' ' },
    ],
    value: { type: 'scalar', offset, indent: token.indent, source: edit.value, end: [] },
  });
  return undefined;
}

/** Applies the edits to the text, all on one parse of it. */
export function applyEdits(text: string, edits: readonly Edit[]): Applied {
  if (edits.length === 0) return { text };
  const tokens = [...new Parser().parse(text)];
  const docs = [...new Composer({ keepSourceTokens: true }).compose(tokens)];
  const doc = docs[0];
  if (!doc || docs.length !== 1 || doc.errors.length > 0) return { refused: 'yaml' };
  for (const edit of edits) {
    const { node, parent, last } = nodeAt(doc, edit.pointer);
    if (node === undefined) {
      if (parent && last !== undefined && /^\d+$/.test(last) && appendToFlowRow(parent, Number(last), edit) === undefined) continue;
      return { refused: 'absent', pointer: edit.pointer };
    }
    if (!isScalar(node) || !node.srcToken) return { refused: 'not-a-value', pointer: edit.pointer };
    const flow = (isMap(parent) || isSeq(parent)) && Boolean(parent.flow);
    setValue(node.srcToken, edit, isMap(parent), flow);
  }
  return { text: tokens.map((token) => CST.stringify(token)).join('') };
}
