/**
 * The published package, tried as its users install it (issue #15): the tarball `npm pack` makes,
 * installed globally into a temporary prefix, as a dependency of a temporary project (npm's hoisted
 * layout) and one-off through npx; each builds the seed from an unrelated folder, byte for byte as
 * the repository's build does, and the README's API example runs from the installed package.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './helpers/cli';
import { ROOT } from './helpers/fixtures';

const SEED = path.join(ROOT, 'fixtures', 'yichun-2023.yaml');
/** The production install must stay lean: the ceiling. */
const INSTALL_LIMIT_BYTES = 80 * 1024 * 1024;

let tarball: string;
let packed: { path: string; size: number }[];
/** The repository's own build of the seed: the bytes every installed copy must reproduce. */
let reference: { pdf: Buffer; docx: Buffer };

const npm = (args: string[], cwd: string) => {
  const result = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=warn'], { cwd, encoding: 'utf8', timeout: 120000 });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${result.stderr}`);
  return result;
};

/** Builds the seed with `command` in a fresh folder that is not the package's, and returns the two outputs. */
function buildSeedWith(command: string[], env: NodeJS.ProcessEnv = {}) {
  const work = tempDir();
  fs.copyFileSync(SEED, path.join(work, 'yichun-2023.yaml'));
  const [file, ...args] = command as [string, ...string[]];
  const result = spawnSync(file, [...args, 'build', 'yichun-2023.yaml'], { cwd: work, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120000 });
  // Nothing but the outputs and the summary, and on a machine without 仿宋 the stand-in warning, once (RPT5012).
  expect(result.status).toBe(0);
  expect(result.stderr).toMatch(
    /^已生成 output\/yichun-2023\.pdf\n已生成 output\/yichun-2023\.docx\n(?:警告 RPT5012 [^\n]*\n {2}= 提示: [^\n]*\n⚠ 1 个文件：0 个错误，1 个警告|✔ 1 个文件：0 个错误，0 个警告)\n$/,
  );
  return { pdf: fs.readFileSync(path.join(work, 'output', 'yichun-2023.pdf')), docx: fs.readFileSync(path.join(work, 'output', 'yichun-2023.docx')) };
}

/** Bytes on disk under a folder. */
function folderBytes(dir: string): number {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .reduce((sum, entry) => (entry.isFile() ? sum + fs.statSync(path.join(entry.parentPath, entry.name)).size : sum), 0);
}

beforeAll(() => {
  const out = tempDir();
  const result = npm(['pack', '--json', '--pack-destination', out], ROOT);
  const [info] = JSON.parse(result.stdout) as { filename: string; files: { path: string; size: number }[] }[];
  tarball = path.join(out, info!.filename);
  packed = info!.files;
  const work = tempDir();
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'report'), 'build', SEED, '--out', work], { stdio: 'pipe' });
  reference = { pdf: fs.readFileSync(path.join(work, 'yichun-2023.pdf')), docx: fs.readFileSync(path.join(work, 'yichun-2023.docx')) };
}, 120000);

describe('the tarball', () => {
  test('holds what runs, the schema, README, LICENSE, CHANGELOG, the example and the fonts with their licences; no tests, sources, CI or code caches', () => {
    const paths = packed.map((f) => f.path);
    for (const needed of [
      'LICENSE',
      'README.md',
      'CHANGELOG.md',
      'package.json',
      'bin/report',
      'dist/report.js',
      'dist/cli/boot.js',
      'dist/pdf-worker.js',
      'dist/api.js',
      'dist/index.d.ts',
      'schemas/report.schema.json',
      'fixtures/yichun-2023.yaml',
    ]) {
      expect(paths).toContain(needed);
    }
    expect(paths.filter((p) => p.startsWith('fonts/') && p.endsWith('.ttf'))).toHaveLength(4);
    expect(paths.filter((p) => /^fonts\/OFL-.*\.txt$/.test(p)).length).toBeGreaterThan(0);
    expect(
      paths.filter(
        (p) => /^(tests|src|scripts|\.ci|node_modules|output|release)\//.test(p) || /\.(cache|map)$/.test(p) || (/\.ts$/.test(p) && !/\.d\.ts$/.test(p)),
      ),
    ).toEqual([]);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { private?: boolean; dependencies?: object };
    expect(manifest.private).toBeUndefined();
    // Everything nianbao runs is bundled: no install layout, peer version or optional native module can break it.
    expect(manifest.dependencies ?? {}).toEqual({});
  });
});

describe('installed globally', () => {
  let prefix: string;
  let installLog: string;
  beforeAll(() => {
    prefix = tempDir();
    installLog = npm(['install', '--global', '--prefix', prefix, tarball], tempDir()).stderr;
  }, 120000);

  test('installs without a warning, in at most 80 MB', () => {
    expect(installLog).toBe('');
    const installed = path.join(prefix, 'lib', 'node_modules', 'nianbao');
    expect(folderBytes(installed)).toBeLessThanOrEqual(INSTALL_LIMIT_BYTES);
    expect(fs.existsSync(path.join(installed, 'node_modules'))).toBe(false);
  });

  test('`report build` from an unrelated folder writes the bytes the repository build writes', () => {
    const built = buildSeedWith([path.join(prefix, 'bin', 'report')]);
    expect(built.pdf.equals(reference.pdf)).toBe(true);
    expect(built.docx.equals(reference.docx)).toBe(true);
  });

  test("with no code cache in the package, the first build writes its user's for the CLI, docx and the PDF worker, which later builds read and keep", () => {
    const cacheHome = tempDir();
    const folder = path.join(cacheHome, 'nianbao', 'code-cache');
    const report = path.join(prefix, 'bin', 'report');
    const first = buildSeedWith([report], { XDG_CACHE_HOME: cacheHome });
    // Each named for its bundle, with no temporary file left; the inode tells a rewrite (a rename) from a cache read and kept.
    const caches = () => fs.readdirSync(folder).map((name) => [name.replace(/-[0-9a-f]{16}\.cache$/, ''), fs.statSync(path.join(folder, name)).ino]);
    const written = caches();
    expect(written.map(([name]) => name).sort()).toEqual(['docx.js', 'pdf-worker.js', 'report.js']);
    const second = buildSeedWith([report], { XDG_CACHE_HOME: cacheHome });
    expect(caches()).toEqual(written);
    for (const built of [first, second]) expect([built.pdf.equals(reference.pdf), built.docx.equals(reference.docx)]).toEqual([true, true]);
  });

  test('`report fonts` finds the shipped faces inside the installed package', () => {
    // stderr piped, not inherited: on a machine without 仿宋 it carries the stand-in warning (RPT5012).
    const out = execFileSync(path.join(prefix, 'bin', 'report'), ['fonts'], { cwd: tempDir(), encoding: 'utf8', stdio: 'pipe' });
    // No 小标宋 is installed on a Debian machine: the title role always falls to the shipped face.
    expect(out).toContain(`小标宋（标题）: ${path.join(prefix, 'lib', 'node_modules', 'nianbao', 'fonts', 'NotoSerifSC-Bold.ttf')}`);
  });
});

describe('installed as a dependency', () => {
  let project: string;
  beforeAll(() => {
    project = tempDir();
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'county-reports', version: '1.0.0', private: true }));
    expect(npm(['install', tarball], project).stderr).toBe('');
  }, 120000);

  test("`npx report build` from a folder of the project writes the repository build's bytes", () => {
    const built = buildSeedWith(['npx', '--prefix', project, '--no-install', 'report']);
    expect(built.pdf.equals(reference.pdf)).toBe(true);
    expect(built.docx.equals(reference.docx)).toBe(true);
  });

  test("the README's API example runs verbatim with require('nianbao') and gives the CLI's bytes", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = /<!-- api-example -->\n```js\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    fs.mkdirSync(path.join(project, 'fixtures'), { recursive: true });
    fs.copyFileSync(SEED, path.join(project, 'fixtures', 'yichun-2023.yaml'));
    const stdout = execFileSync(process.execPath, ['-e', example], { cwd: project, encoding: 'utf8' });
    expect(stdout.trim().split('\n')).toEqual([`pdf ${reference.pdf.length} bytes`, `docx ${reference.docx.length} bytes`]);
    const script = `require('nianbao').build(require('fs').readFileSync(${JSON.stringify(SEED)}, 'utf8'), { file: ${JSON.stringify(SEED)} })
      .then(({ outputs }) => process.stdout.write(JSON.stringify(outputs.map((o) => [o.format, Buffer.from(o.bytes).toString('base64')]))));`;
    const outputs = new Map(
      JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8', maxBuffer: 1 << 26 })) as [string, string][],
    );
    expect(Buffer.from(outputs.get('pdf') ?? '', 'base64').equals(reference.pdf)).toBe(true);
    expect(Buffer.from(outputs.get('docx') ?? '', 'base64').equals(reference.docx)).toBe(true);
  });
});

test('one-off through npx: validate and build from the tarball', () => {
  const cache = tempDir();
  const built = buildSeedWith(['npx', '--yes', '--cache', cache, '--package', tarball, 'report']);
  expect(built.pdf.equals(reference.pdf)).toBe(true);
});
