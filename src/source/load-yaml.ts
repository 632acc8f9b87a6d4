/**
 * Stage 1 (load): a report file → decoded text, YAML document (with node ranges) and plain data.
 * Every problem becomes an RPT1xxx diagnostic; nothing here throws for bad input.
 */
import { isScalar, parseDocument, type Document, type YAMLError } from 'yaml';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { Host } from '../host';
import { decodeSource, SourceFile } from './source-file';

export interface Loaded {
  source?: SourceFile;
  doc?: Document;
  /** The data, when the YAML parsed without errors. */
  data?: unknown;
  diagnostics: Diagnostic[];
}

/** Aliases allowed to expand before the file is treated as an alias bomb (yaml's own guard). */
const MAX_ALIAS_COUNT = 100;

/** Reads and parses one report file. */
export function loadYaml(host: Host, file: string): Loaded {
  const bytes = host.readBytes(file);
  if (!(bytes instanceof Uint8Array)) {
    const diagnostic =
      bytes.kind === 'missing'
        ? makeDiagnostic('RPT1007', null, { path: file })
        : bytes.kind === 'directory'
          ? makeDiagnostic('RPT1008', null, { path: file })
          : makeDiagnostic('RPT1009', null, { path: file, reason: bytes.reason });
    return { diagnostics: [{ ...diagnostic, file }] };
  }
  const decoded = decodeSource(bytes);
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
  const doc = parseDocument(source.text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  for (const error of doc.errors) diagnostics.push(at(yamlErrorDiagnostic(error, source.text), error.pos[0], error.pos[1]));
  for (const warning of doc.warnings) {
    diagnostics.push(at(makeDiagnostic('RPT1013', null, { reason: firstLine(warning.message) }), warning.pos[0], warning.pos[1]));
  }
  if (doc.errors.length > 0) return { doc, diagnostics };
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

function yamlErrorDiagnostic(error: YAMLError, text: string): Diagnostic {
  const reason = firstLine(error.message);
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = text.slice(error.pos[0], error.pos[1]).trim() || reason;
      return makeDiagnostic('RPT1001', null, { key });
    }
    case 'TAB_AS_INDENT':
      return makeDiagnostic('RPT1002', null, {});
    case 'BAD_INDENT':
      return makeDiagnostic('RPT1003', null, { reason });
    case 'MULTIPLE_DOCS':
      return makeDiagnostic('RPT1004', null, {});
    case 'UNEXPECTED_TOKEN':
      if (/Unexpected , in flow sequence/.test(error.message)) return makeDiagnostic('RPT1012', null, {});
      return makeDiagnostic('RPT1000', null, { reason });
    default:
      return makeDiagnostic('RPT1000', null, { reason });
  }
}

/** yaml's messages end with "at line L, column C" and a frame; keep the first sentence only. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
