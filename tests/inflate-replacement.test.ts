/**
 * The bundles replace npm tiny-inflate with Node's zlib (scripts/stubs/tiny-inflate.js). Every table
 * fontkit, unicode-properties and linebreak inflate as they load is inflated here by both, and must
 * come out byte for byte the same; a WOFF table that states too small a size stays refused.
 */
import * as path from 'node:path';
import * as zlib from 'node:zlib';

type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;

const replacement = require(path.join(__dirname, '..', 'scripts', 'stubs', 'tiny-inflate.js')) as Inflate;

/** What each inflate call got and gave while the libraries load with the real tiny-inflate. */
function recordedInflates(): { source: Uint8Array; size: number; output: Uint8Array }[] {
  const calls: { source: Uint8Array; size: number; output: Uint8Array }[] = [];
  jest.isolateModules(() => {
    const real = jest.requireActual<Inflate>('tiny-inflate');
    jest.doMock('tiny-inflate', () => (source: Uint8Array, dest: Uint8Array) => {
      const input = Uint8Array.from(source);
      const output = real(source, dest);
      calls.push({ source: input, size: dest.length, output: Uint8Array.from(output) });
      return output;
    });
    require('unicode-properties');
    require('linebreak');
    require('fontkit');
  });
  return calls;
}

test('every table the libraries inflate at load comes out of zlib byte for byte as out of tiny-inflate', () => {
  const calls = recordedInflates();
  // unicode-properties, linebreak and fontkit's shaping data, each inflated twice.
  expect(calls.length).toBeGreaterThanOrEqual(6);
  for (const { source, size, output } of calls) {
    const ours = replacement(source, new Uint8Array(size));
    expect(Buffer.from(ours).equals(Buffer.from(output))).toBe(true);
    expect(ours.length).toBe(output.length);
  }
});

test('it writes into the destination it is given, and never past its size', () => {
  const text = Buffer.from('年度报告'.repeat(100));
  const deflated = zlib.deflateRawSync(text);
  const dest = new Uint8Array(text.length);
  expect(replacement(deflated, dest)).toBe(dest);
  expect(Buffer.from(dest).equals(text)).toBe(true);
  expect(Buffer.from(replacement(deflated, new Uint8Array(text.length + 10))).equals(text)).toBe(true);
  expect(() => replacement(deflated, new Uint8Array(text.length - 1))).toThrow(/larger than/);
});
