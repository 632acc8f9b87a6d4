/** Test helpers for text: a GB18030 encoder for test inputs, and comparing text modulo whitespace. */

/** GB18030 encoder for test inputs (Node decodes GB18030 but cannot encode it): via a reverse table of the two-byte codes. */
export function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(char);
      if (!pair) throw new Error(`test encoder: no two-byte GB18030 code for ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

/** Every string of a value without its whitespace: text compared modulo line breaks and block-scalar ends. */
export function squeeze(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\s+/g, '');
  if (Array.isArray(value)) return value.map(squeeze);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, squeeze(v)]));
  return value;
}
