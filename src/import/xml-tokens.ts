/**
 * A small tolerant tokenizer for machine-written XML (Office parts): start, end and empty tags with
 * their attributes, and text with the entities decoded. Declarations, comments and processing
 * instructions are skipped; nothing is validated.
 */
import { replaceEach } from './replace-each';

export type XmlToken =
  { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean } | { kind: 'close'; name: string } | { kind: 'text'; text: string };

const MARKUP = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][\s\S]*?>|<(\/?)([^\s/>]+)([^>]*?)(\/?)>/g;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The text with XML's character and predefined entity references replaced. */
export function decodeEntities(text: string): string {
  return replaceEach(text, ENTITY, ([whole, hex, dec, name]) => {
    if (name) return NAMED[name] ?? whole;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function* xmlTokens(xml: string): Generator<XmlToken> {
  let last = 0;
  for (const match of xml.matchAll(MARKUP)) {
    if (match.index > last) yield { kind: 'text', text: decodeEntities(xml.slice(last, match.index)) };
    last = match.index + match[0].length;
    const [, cdata, slash, name, rest, selfClosing] = match;
    if (cdata !== undefined) yield { kind: 'text', text: cdata };
    else if (name === undefined) continue;
    else if (slash) yield { kind: 'close', name };
    else yield { kind: 'open', name, attrs: attributes(rest ?? ''), selfClosing: selfClosing === '/' };
  }
  if (last < xml.length) yield { kind: 'text', text: decodeEntities(xml.slice(last)) };
}

function attributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [, name, double, single] of source.matchAll(ATTRIBUTE)) attrs[name as string] = decodeEntities(double ?? single ?? '');
  return attrs;
}
