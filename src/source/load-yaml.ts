/**
 * Stage 1 (load): a report file → decoded text, YAML document (with node ranges) and plain data.
 * Every problem becomes an RPT1xxx diagnostic; nothing here throws for bad input.
 */
import {
  Composer,
  type CST,
  isAlias,
  isScalar,
  isSeq,
  Parser,
  YAMLParseError,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
  type YAMLError,
} from 'yaml';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { Host } from '../host';
import { describeForbiddenChar, findForbiddenChars } from './forbidden-chars';
import { readFastYaml } from './fast-yaml';
import { MAX_ALIASES, MAX_ITEMS, MAX_LINES, MAX_NESTING_DEPTH, scanTokens, type FoundTag, type PassedLimit, type TokenScan } from './scan-tokens';
import { decodeSource, SourceFile } from './source-file';
import { readFailureDiagnostic } from './read-failure';
import { findMistakes, type Mistake } from './syntax-mistakes';
import { aliasTargets, duplicateKeys, innermostAt, walkNodes } from './yaml-walk';

export interface Loaded {
  source?: SourceFile;
  doc?: Document;
  /** The data, when the YAML parsed without errors. */
  data?: unknown;
  diagnostics: Diagnostic[];
}

/** Aliases allowed to expand before the file is treated as an alias bomb (yaml's own guard). */
const MAX_ALIAS_COUNT = 100;

/**
 * Largest report file accepted. A real report is about 20 KB and a long one under 200 KB; 1 MiB
 * leaves five times that, while parsing it stays well under a second and the rendered report a few
 * hundred pages. The host's reader stops past it (a file that never ends, such as /dev/zero, too).
 */
export const MAX_SOURCE_BYTES = 1024 * 1024;

/** What a file past a limit of the token pass is told, at the token where it passed it. */
const LIMIT_DIAGNOSTICS: Record<PassedLimit, () => Diagnostic> = {
  depth: () => makeDiagnostic('RPT1017', null, { limit: MAX_NESTING_DEPTH }),
  aliases: () => makeDiagnostic('RPT1031', null, { limit: MAX_ALIASES }),
  items: () => makeDiagnostic('RPT1032', null, { limit: MAX_ITEMS, what: 'items' }),
  lines: () => makeDiagnostic('RPT1032', null, { limit: MAX_LINES, what: 'lines' }),
};

/** How yaml reads a report: duplicate keys are found by yaml-walk.ts, in linear time. */
const YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false } as const;

/** The token pass's result for a file the fast reader read: no limit passed, no tag, no alias (it gives up on those). */
const NOTHING_SCANNED: TokenScan = { tags: [], aliases: 0, lexemes: [] };

/** Reads and parses one report file. */
export function loadYaml(host: Host, file: string): Loaded {
  const bytes = host.readBytes(file, MAX_SOURCE_BYTES);
  if (!(bytes instanceof Uint8Array)) return { diagnostics: [readFailureDiagnostic(bytes, file)] };
  const published = publishedKind(file, bytes);
  if (published) return { diagnostics: [{ ...makeDiagnostic('RPT1044', null, { path: file, ...published }), file }] };
  const decoded = decodeSource(bytes);
  if ('invalid' in decoded) {
    const { encoding, line, column, bytes: hex } = decoded.invalid;
    const at = { line, column, offset: 0 };
    const name = encoding === 'gb18030' ? 'GB18030/GBK' : encoding.toUpperCase();
    return { diagnostics: [{ ...makeDiagnostic('RPT1043', null, { encoding: name, bytes: hex }), file, span: { start: at, end: at } }] };
  }
  if ('error' in decoded) return { diagnostics: [{ ...makeDiagnostic('RPT1011', null, {}), file }] };
  const source = new SourceFile(file, decoded.text, decoded.encoding);
  return { source, ...parseSource(source) };
}

/** Parses decoded text; diagnostics carry spans already (they come from offsets, not pointers). */
export function parseSource(source: SourceFile): Omit<Loaded, 'source'> {
  const diagnostics: Diagnostic[] = [];
  const at = (diagnostic: Diagnostic, start: number, end: number): Diagnostic => ({
    ...diagnostic,
    file: source.path,
    span: { start: source.position(start), end: source.position(Math.max(end, start + 1)) },
  });
  if (source.encoding === 'gb18030' || source.encoding === 'utf-16le' || source.encoding === 'utf-16be') {
    const name = source.encoding === 'gb18030' ? 'GB18030/GBK' : source.encoding.toUpperCase();
    diagnostics.push({ ...makeDiagnostic('RPT1010', null, { encoding: name }), file: source.path });
  }
  if (source.text.split('\n').every((line) => /^\s*(#.*)?$/.test(line))) {
    diagnostics.push({ ...makeDiagnostic('RPT1006', null, {}), file: source.path });
    return { diagnostics };
  }
  // Phase 1: the tokens. Nesting, items, lines and aliases are measured before yaml's parser runs, which each slows down.
  // The common file, plain YAML well inside those limits, is read by a faster reader that gives the same document (fast-yaml.ts).
  const fast = readFastYaml(source.text, YAML_OPTIONS);
  const scan = fast ? NOTHING_SCANNED : scanTokens(source.text);
  if (scan.stoppedAt) {
    const { offset, limit } = scan.stoppedAt;
    diagnostics.push(at(LIMIT_DIAGNOSTICS[limit](), offset, offset + 1));
    return { diagnostics };
  }
  // Phase 2: YAML syntax. Duplicate keys are found below, in linear time (yaml-walk.ts).
  const { doc, cst } = fast ? { doc: fast, cst: undefined } : composeDocument(scan.lexemes, source.text.length, YAML_OPTIONS);
  for (const { key, pointer } of duplicateKeys(doc)) {
    const [start, end] = key.range ?? [0, 0];
    diagnostics.push(at(makeDiagnostic('RPT1001', pointer, { key: String(key.value) }), start, end));
  }
  const blankItems = new Map<string, number>();
  const syntax = doc.errors.filter((error) => !isBlankItem(error));
  const mistakes = syntax.length > 0 ? findMistakes(source.text, syntax, cst) : [];
  for (const mistake of mistakes) diagnostics.push(at(mistakeDiagnostic(mistake), mistake.start, mistake.start + 1));
  // Without a known mistake behind them, the first syntax error is reported: yaml's recovery reads
  // what follows it differently, so its later errors are consequences.
  const firstSyntax = mistakes.length === 0 ? syntax[0] : undefined;
  const blankOffsets = doc.errors.filter(isBlankItem).map((error) => error.pos[0]);
  const blankLists = blankOffsets.length > 0 ? innermostAt(doc, blankOffsets, isSeq) : new Map<number, never>();
  for (const error of doc.errors) {
    if (isBlankItem(error)) {
      // One diagnostic per list, however many blanks it has; the list is then unusable as a whole.
      const list = blankLists.get(error.pos[0]);
      if (list && blankItems.has(list.pointer)) continue;
      if (list) blankItems.set(list.pointer, error.pos[0]);
      diagnostics.push(at(makeDiagnostic('RPT1012', list?.pointer ?? null, {}), error.pos[0], error.pos[1]));
    } else if (error === firstSyntax) {
      diagnostics.push(at(yamlErrorDiagnostic(error), error.pos[0], error.pos[1]));
    }
  }
  for (const warning of doc.warnings) {
    // An unresolved tag is reported below with every other tag.
    if (warning.code === 'TAG_RESOLVE_FAILED') continue;
    diagnostics.push(at(makeDiagnostic('RPT1013', null, { kind: warning.code }), warning.pos[0], warning.pos[1]));
  }
  // Phase 3: what YAML accepts but a report must not hold.
  for (const found of findForbiddenChars(source, doc)) {
    const { code, kind } = describeForbiddenChar(found.char);
    const [kindZh, kindEn] = CHAR_KINDS[kind];
    diagnostics.push(at(makeDiagnostic('RPT1014', found.pointer, { code, kindZh, kindEn, corrected: found.corrected }), found.start, found.end));
  }
  for (const tag of scan.tags) diagnostics.push(at(tagDiagnostic(tag), tag.offset, tag.offset + tag.tag.length));
  const cycles = scan.aliases > 0 ? circularAliases(doc) : [];
  for (const cycle of cycles) diagnostics.push(at(makeDiagnostic('RPT1018', cycle.pointer, { alias: cycle.name }), cycle.start, cycle.end));
  // A duplicate key or a blank list item spoils one value, which the diagnostic points at: the rest
  // of the file still goes on to be checked. Other syntax errors can change how everything after
  // them is read, so the file stops here.
  const recoverable = doc.errors.every(isBlankItem);
  if (!recoverable || scan.tags.length > 0 || cycles.length > 0) return { doc, diagnostics };
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    if (data === null || data === undefined || (isScalar(doc.contents) && doc.contents.value === null)) {
      diagnostics.push({ ...makeDiagnostic('RPT1006', null, {}), file: source.path });
      return { doc, diagnostics };
    }
    return { doc, data, diagnostics };
  } catch (error) {
    // yaml throws a ReferenceError when aliases expand past maxAliasCount.
    if (error instanceof ReferenceError) {
      diagnostics.push({ ...makeDiagnostic('RPT1005', null, {}), file: source.path });
      return { doc, diagnostics };
    }
    throw error;
  }
}

const CHAR_KINDS = {
  control: ['控制字符', 'control character'],
  bidi: ['双向文本控制字符', 'bidirectional text control'],
  format: ['零宽或格式字符', 'zero-width or format character'],
  noncharacter: ['非字符（不应出现在文本中的码位）', 'noncharacter (a code point text must not hold)'],
  surrogate: ['无效字符（不成对的代理项）', 'invalid character (unpaired surrogate)'],
} as const;

const isBlankItem = (error: YAMLError) => error.code === 'UNEXPECTED_TOKEN' && /Unexpected , in flow sequence/.test(error.message);

/**
 * Tags are refused, core ones (`!!str`, `!!int`) included. The schema fixes each value's type, so a
 * tag can only repeat it or change how a value is read (`!!binary`, `!!str 012345`), and each has a
 * plain spelling a clerk can read: quotes for text, digits for numbers. One way to write each value.
 */
function tagDiagnostic(found: FoundTag): Diagnostic {
  const isStr = found.tag === '!!str' || found.tag === '!<tag:yaml.org,2002:str>';
  const rewrite = found.scalar === undefined ? undefined : isStr && !/^["']/.test(found.scalar) ? JSON.stringify(found.scalar) : found.scalar;
  return makeDiagnostic('RPT1015', null, { tag: found.tag, ...(rewrite === undefined ? {} : { rewrite }) });
}

/**
 * yaml's parseDocument, from the lexemes scanTokens kept rather than from the text: its parser and
 * composer, fed the same tokens its lexer would give, and its rule that a second document is an error.
 * Also the parser's tokens (the CST), which syntax-mistakes.ts reads for a broken file instead of
 * parsing the text again (in the fuzz's profile that second parse was a quarter of checking a broken
 * file); undefined when a second document stopped the composer before the end of the file.
 */
function composeDocument(
  lexemes: readonly string[],
  length: number,
  options: ParseOptions & DocumentOptions & SchemaOptions,
): { doc: Document.Parsed; cst?: CST.Token[] } {
  const parser = new Parser();
  const cst: CST.Token[] = [];
  const tokens = function* () {
    for (const lexeme of lexemes) for (const token of parser.next(lexeme)) yield (cst.push(token), token);
    for (const token of parser.end()) yield (cst.push(token), token);
  };
  let doc: Document.Parsed | undefined;
  let complete = true;
  // yaml makes an Error object for each syntax problem, and each captures a stack trace that nothing
  // here reads (only code, message and position): for a broken file the traces took a tenth of the
  // check (the fuzz's profile), more than most of the parse. None are captured while composing.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (const next of new Composer(options).compose(tokens(), true, length)) {
      if (!doc) doc = next;
      else {
        doc.errors.push(
          new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'),
        );
        complete = false;
        break;
      }
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  // compose(…, forceDoc = true) always gives one.
  return { doc: doc as Document.Parsed, ...(complete ? { cst } : {}) };
}

/** Aliases that refer to a node containing them (`a: &a [*a]`): the data would be infinite. */
function circularAliases(doc: Document): { name: string; pointer: string; start: number; end: number }[] {
  const out: { name: string; pointer: string; start: number; end: number }[] = [];
  const targets = aliasTargets(doc);
  for (const walked of walkNodes(doc)) {
    const { node } = walked;
    if (!isAlias(node) || !node.range) continue;
    const target = targets.get(node);
    const [start, end] = node.range;
    if (target?.range && target.range[0] <= start && start < target.range[1]) out.push({ name: node.source, pointer: walked.pointer, start, end });
  }
  return out;
}

function yamlErrorDiagnostic(error: YAMLError): Diagnostic {
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return makeDiagnostic('RPT1002', null, {});
    case 'BAD_INDENT':
      return makeDiagnostic('RPT1003', null, {});
    case 'MULTIPLE_DOCS':
      return makeDiagnostic('RPT1004', null, {});
    default:
      return makeDiagnostic('RPT1000', null, { kind: error.code });
  }
}

function mistakeDiagnostic(mistake: Mistake): Diagnostic {
  switch (mistake.kind) {
    case 'tab':
      return makeDiagnostic('RPT1002', null, {});
    case 'colon':
      return makeDiagnostic('RPT1040', null, {
        key: mistake.key,
        quoted: JSON.stringify(mistake.value),
        fullWidth: mistake.value.replace(/:( |$)/g, '：'),
      });
    case 'quote':
      return makeDiagnostic('RPT1041', null, { quote: mistake.quote, other: mistake.quote === '"' ? "'" : '"' });
    case 'bracket':
      return makeDiagnostic('RPT1042', null, { open: mistake.open, close: mistake.open === '[' ? ']' : '}' });
  }
}

/** Published formats a clerk may hand to validate or build instead of `report import`: by name or by their first bytes. */
const PUBLISHED: readonly { extensions: readonly string[]; magic?: string; kind: string; kindEn: string }[] = [
  { extensions: ['.pdf'], magic: '%PDF-', kind: ' PDF ', kindEn: 'PDF' },
  { extensions: ['.docx', '.doc'], magic: 'PK\x03\x04', kind: ' Word ', kindEn: 'Word' },
  { extensions: ['.html', '.htm'], kind: '网页（HTML）', kindEn: 'web page (HTML)' },
];

function publishedKind(file: string, bytes: Uint8Array): { kind: string; kindEn: string } | undefined {
  const lower = file.toLowerCase();
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  const found = PUBLISHED.find((p) => p.extensions.some((e) => lower.endsWith(e)) || (p.magic !== undefined && head.startsWith(p.magic)));
  return found && { kind: found.kind, kindEn: found.kindEn };
}
