#!/usr/bin/env node
/**
 * Proof that a restructuring changed no output: runs this checkout's CLI and another checkout's
 * (built, e.g. main) on the same inputs and compares every byte. For each fixtures/**\/*.yaml: `build`
 * to PDF, DOCX, HTML and the model JSON (`--emit model`), with its exit code, stdout and stderr (so
 * every diagnostic of an invalid fixture too) and `validate --json`; `init`; `import` of every built
 * PDF, DOCX and HTML and of the text sources under fixtures/ (seed, import/real), and `--year-forward`;
 * `sum` of fixtures/valid.
 * SOURCE_DATE_EPOCH is fixed for both.
 *
 *   node scripts/compare-outputs.js /path/to/other/checkout
 *
 * Prints one line per difference and a count; exits 1 when anything differs.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ours = path.join(__dirname, '..');
const theirs = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || !fs.existsSync(path.join(theirs, 'bin', 'report'))) {
  console.error('usage: node scripts/compare-outputs.js OTHER_CHECKOUT (built: its bin/report runs)');
  process.exit(2);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-compare-'));
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };

/** Runs `report args` of `checkout` in `cwd`; the result as text to compare (paths of the two runs made alike). */
function run(checkout, cwd, args) {
  const r = spawnSync(process.execPath, [path.join(checkout, 'bin', 'report'), ...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`.split(cwd).join('<cwd>');
}

/** Every file under `dir`, relative, sorted. */
const files = (dir) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)))
    .sort();

let compared = 0;
const differences = [];
/** Runs the same command in two fresh folders (one per checkout) holding `inputs`, and compares what it prints and writes. */
function same(label, inputs, args) {
  const dirs = [ours, theirs].map((checkout, i) => {
    const dir = path.join(work, `${compared}-${i}`);
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, from] of Object.entries(inputs)) fs.copyFileSync(from, path.join(dir, name));
    fs.writeFileSync(path.join(dir, '.run'), run(checkout, dir, args));
    return dir;
  });
  compared++;
  const [a, b] = dirs.map(files);
  if (a.join('\n') !== b.join('\n')) differences.push(`${label}: files differ: [${a}] vs [${b}]`);
  for (const file of a.filter((f) => b.includes(f))) {
    if (!fs.readFileSync(path.join(dirs[0], file)).equals(fs.readFileSync(path.join(dirs[1], file)))) differences.push(`${label}: ${file} differs`);
  }
  return dirs[1];
}

const fixtures = files(path.join(ours, 'fixtures')).filter((f) => f.endsWith('.yaml'));
const built = [];
for (const fixture of fixtures) {
  const input = { 'report.yaml': path.join(ours, 'fixtures', fixture) };
  const out = same(`build ${fixture}`, input, ['build', 'report.yaml', '--format', 'pdf,docx,html', '--emit', 'model', '--out', 'out']);
  same(`validate ${fixture}`, input, ['validate', '--json', 'report.yaml']);
  for (const ext of ['pdf', 'docx', 'html']) {
    const file = path.join(out, 'out', `report.${ext}`);
    if (fs.existsSync(file)) built.push([`${fixture} → ${ext}`, file, ext]);
  }
}
for (const [label, file, ext] of built) {
  same(`import ${label}`, { [`source.${ext}`]: file }, ['import', `source.${ext}`, '-o', 'imported.yaml']);
}
const sources = files(path.join(ours, 'fixtures')).filter((f) => f.endsWith('.txt'));
for (const source of sources) {
  same(`import ${source}`, { 'source.txt': path.join(ours, 'fixtures', source) }, ['import', 'source.txt', '-o', 'imported.yaml']);
  same(`import --year-forward ${source}`, { 'source.txt': path.join(ours, 'fixtures', source) }, ['import', '--year-forward', 'source.txt', '-o', 'next.yaml']);
}
const valid = files(path.join(ours, 'fixtures', 'valid')).filter((f) => f.endsWith('.yaml'));
same('sum fixtures/valid', Object.fromEntries(valid.map((f) => [f, path.join(ours, 'fixtures', 'valid', f)])), ['sum', ...valid, '-o', 'sum.yaml']);
same('init', {}, ['init', '--year', '2024', '--organ', '某市生态环境局']);

for (const line of differences) console.log(line);
console.log(
  `${compared} runs compared (${fixtures.length} fixtures, ${built.length} built files imported, ${sources.length} text sources), ${differences.length} differences`,
);
fs.rmSync(work, { recursive: true, force: true });
process.exit(differences.length > 0 ? 1 : 0);
