/** What the standalone program runs (src/sea/standalone-args.ts): a double click (no arguments) opens `report edit`'s start page; anything else is the CLI's as given. */
import { standaloneArgs } from '../src/sea/standalone-args';

test('no arguments (a double click): edit without a file; arguments: as given', () => {
  expect(standaloneArgs([])).toEqual(['edit']);
  expect(standaloneArgs(['2024.yaml'])).toEqual(['2024.yaml']);
  expect(standaloneArgs(['--help'])).toEqual(['--help']);
  expect(standaloneArgs(['build', 'a.yaml', '--out', 'o'])).toEqual(['build', 'a.yaml', '--out', 'o']);
});
