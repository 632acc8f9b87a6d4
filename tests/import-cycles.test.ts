/**
 * No import cycles in src/: a cycle (even through a type) ties modules that should layer, as
 * main.ts and the commands did through `Io`. Reads every import, export-from, import() and
 * require() of a relative path; type-only imports count too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers/fixtures';

const SRC = path.join(ROOT, 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The src/ files a module imports (relative specifiers that resolve to a .ts file). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}(?:\/[^'"]*)?)['"]/gm)].map(
    (m) => m[1] as string,
  );
  return specifiers.flatMap((spec) => {
    const base = path.resolve(path.dirname(file), spec);
    const found = [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
    return found ? [found] : [];
  });
}

/** Every cycle's modules, found as the strongly connected components of more than one module (or a self-import). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v) as number, order.get(w) as number));
    }
    if (low.get(v) !== order.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.map((f) => path.relative(SRC, f)).sort());
  };
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return found;
}

test('src/ has no import cycles', () => {
  const graph = new Map(sources(SRC).map((file) => [file, importsOf(file)]));
  expect(cycles(graph)).toEqual([]);
});

test('the cycle finder sees a two-module cycle, and reads type-only imports', () => {
  const a = path.join(SRC, 'a.ts');
  const b = path.join(SRC, 'b.ts');
  expect(
    cycles(
      new Map([
        [a, [b]],
        [b, [a]],
      ]),
    ),
  ).toEqual([['a.ts', 'b.ts']]);
  expect(importsOf(path.join(SRC, 'cli', 'validate.ts'))).toContain(path.join(SRC, 'cli', 'io.ts'));
});
