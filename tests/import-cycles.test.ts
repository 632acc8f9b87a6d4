/**
 * No import cycles in src/, between files or between folders, and no import up the layer order of
 * src/layers.ts. A cycle (even through a type) ties modules that should layer, as main.ts and the
 * commands did through `Io`; a folder importing a folder above it (the model reaching into a
 * renderer for the page size) makes the next cycle. Reads every import, export-from, import() and
 * require() of a relative path; type-only imports count too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LAYERS } from '../src/layers';
import { ROOT } from './helpers/fixtures';

const SRC = path.join(ROOT, 'src');

/** Every .ts file under src/, relative to it ('model/tables.ts'). */
function sources(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [path.relative(SRC, full)] : [];
  });
}

/** The src/ files a module imports (relative specifiers that resolve to a .ts file), relative to src/. */
function importsOf(file: string): string[] {
  const full = path.join(SRC, file);
  const text = fs.readFileSync(full, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}(?:\/[^'"]*)?)['"]/gm)].map(
    (m) => m[1] as string,
  );
  return specifiers.flatMap((spec) => {
    const base = path.resolve(path.dirname(full), spec);
    const found = [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
    return found ? [path.relative(SRC, found)] : [];
  });
}

/** Every cycle's nodes, found as the strongly connected components of more than one node (or a self-import). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
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
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return found;
}

type Edge = readonly [from: string, to: string];

/** The unit a file belongs to (src/layers.ts): its top folder, or the file itself at the top of src/. */
const unitOf = (file: string): string => file.split(/[\\/]/)[0] as string;

const edges = (files: readonly string[]): Edge[] => files.flatMap((file) => importsOf(file).map((to): Edge => [file, to]));

/**
 * Folder-level cycles, each as one closed path of units with the first file import that makes each step
 * ('diagnostics → source (diagnostics/sink.ts → source/source-file.ts) → diagnostics (…)').
 */
function unitCycles(imports: readonly Edge[]): string[] {
  const graph = new Map<string, string[]>();
  const example = new Map<string, Edge>();
  for (const edge of imports) {
    const [a, b] = [unitOf(edge[0]), unitOf(edge[1])];
    if (a === b) continue;
    if (!example.has(`${a} ${b}`)) graph.set(a, [...(graph.get(a) ?? []), b]);
    if (!example.has(`${a} ${b}`)) example.set(`${a} ${b}`, edge);
  }
  return cycles(graph).map((units) => {
    // Breadth-first from the first unit back to it, inside the component: the shortest closed path.
    const start = units[0] as string;
    const cameFrom = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0 && !cameFrom.has(start)) {
      const unit = queue.shift() as string;
      for (const next of graph.get(unit) ?? []) {
        if (!units.includes(next) || cameFrom.has(next)) continue;
        cameFrom.set(next, unit);
        queue.push(next);
      }
    }
    const path = [start];
    for (let unit = cameFrom.get(start) as string; unit !== start; unit = cameFrom.get(unit) as string) path.unshift(unit);
    path.unshift(start);
    return path.reduce((text, unit, i) => {
      if (i === 0) return unit;
      const [from, to] = example.get(`${path[i - 1]} ${unit}`) as Edge;
      return `${text} → ${unit} (${from} → ${to})`;
    }, '');
  });
}

/** Imports that do not go down the layer order: to a unit beside or above their own, or to an undeclared one. */
function layerViolations(imports: readonly Edge[], layers: readonly (readonly string[])[]): string[] {
  const layerOf = new Map(layers.flatMap((units, i) => units.map((unit) => [unit, i] as const)));
  const describe = (unit: string) => (layerOf.has(unit) ? `${unit} (layer ${layerOf.get(unit)})` : `${unit} (in no layer)`);
  return imports.flatMap(([from, to]) => {
    const [a, b] = [unitOf(from), unitOf(to)];
    if (a === b) return [];
    const [la, lb] = [layerOf.get(a), layerOf.get(b)];
    if (la !== undefined && lb !== undefined && lb < la) return [];
    const way = la === undefined || lb === undefined ? 'to or from an undeclared unit' : lb === la ? 'sideways' : 'upwards';
    return [`${from} → ${to}: ${way}, ${describe(a)} imports ${describe(b)}`];
  });
}

const files = sources();
const imports = edges(files);

test('src/ has no import cycles between files', () => {
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  expect(cycles(graph)).toEqual([]);
});

test('src/ has no import cycles between folders', () => {
  expect(unitCycles(imports)).toEqual([]);
});

test('every import goes down the layer order of src/layers.ts', () => {
  expect(layerViolations(imports, LAYERS)).toEqual([]);
});

test('src/layers.ts names every folder and top-level file of src/ once, and nothing else', () => {
  const declared = LAYERS.flat();
  expect([...declared].sort()).toEqual([...new Set(files.map(unitOf))].sort());
  expect(new Set(declared).size).toBe(declared.length);
});

test('the checks see a two-module cycle, a folder cycle, an upward and a sideways import, and type-only imports', () => {
  expect(
    cycles(
      new Map([
        ['a.ts', ['b.ts']],
        ['b.ts', ['a.ts']],
      ]),
    ),
  ).toEqual([['a.ts', 'b.ts']]);
  const made: Edge[] = [
    ['low/x.ts', 'high/y.ts'],
    ['high/z.ts', 'low/w.ts'],
    ['high/z.ts', 'high/y.ts'],
    ['side/s.ts', 'high/y.ts'],
  ];
  expect(unitCycles(made)).toEqual(['high → low (high/z.ts → low/w.ts) → high (low/x.ts → high/y.ts)']);
  expect(layerViolations(made, [['low'], ['high', 'side']])).toEqual([
    'low/x.ts → high/y.ts: upwards, low (layer 0) imports high (layer 1)',
    'side/s.ts → high/y.ts: sideways, side (layer 1) imports high (layer 1)',
  ]);
  expect(importsOf(path.join('cli', 'validate.ts'))).toContain(path.join('cli', 'io.ts'));
});

test("README's developer section lists the layers of src/layers.ts", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const listed = LAYERS.map((units) => units.map((unit) => `\`${unit.endsWith('.ts') ? unit : `${unit}/`}\``).join('、')).join(' → ');
  expect(readme).toContain(`<!-- layers -->${listed}<!-- /layers -->`);
});
