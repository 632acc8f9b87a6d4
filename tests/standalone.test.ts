/**
 * The standalone programs of `npm run dist` (scripts/dist.js), built once here and run as the people
 * they are for would: the Linux program with no `node` on PATH, the Windows exe under Debian's wine.
 * Their outputs must be the npm build's bytes. The first run unpacks the package into the cache
 * folder given here (src/sea/main.ts); the timings of the first and a later run are printed.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './helpers/cli';
import { ROOT } from './helpers/fixtures';

const RELEASE = path.join(ROOT, 'release');
const LINUX = path.join(RELEASE, 'nianbao-linux-x64');
const EXE = path.join(RELEASE, 'nianbao-win-x64.exe');
const SEED = path.join(ROOT, 'fixtures', 'yichun-2023.yaml');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const MINUTE = 60_000;

/** PATH without any folder that holds a `node`: the program must not need one. */
const PATH_WITHOUT_NODE = (process.env.PATH ?? '')
  .split(path.delimiter)
  .filter((dir) => !fs.existsSync(path.join(dir, 'node')))
  .join(path.delimiter);

/** One environment for the program and the npm build (same home, fonts, date), so their outputs may be compared. */
let env: NodeJS.ProcessEnv;
/** The run of scripts/dist.js: its report of sizes and time. */
let dist: SpawnSyncReturns<string>;
/** The wine prefix the Windows program runs in (below), made while dist.js builds: a first start of wine mostly waits. */
let winePrefix: Promise<string>;

/** The environment of wine in `prefix`, quiet, with `more` besides. */
const wineEnv = (prefix: string, more: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all', ...more });

/** A private wine prefix set to Windows 10 (Node refuses wine's default Windows 7); rejected when wine cannot make it. */
function makeWinePrefix(): Promise<string> {
  const prefix = tempDir();
  const made = new Promise<string>((resolve, reject) => {
    const child = spawn('wine', ['winecfg', '/v', 'win10'], { env: wineEnv(prefix), stdio: 'ignore', timeout: 5 * MINUTE });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0) return reject(new Error(`wine winecfg /v win10 ended with ${signal ?? `exit ${code}`}`));
      // Then wait for the prefix's wineserver to save it and end, so that the first program does not start while it
      // shuts down: once in a CI run `--version` exited 1 with nothing on stderr (wine's own errors are hidden by
      // WINEDEBUG=-all), not reproduced in 3 fresh prefixes under load; this race is the likely cause.
      const settled = spawn('wineserver', ['-w'], { env: wineEnv(prefix), stdio: 'ignore', timeout: MINUTE });
      settled.on('error', reject);
      settled.on('exit', () => resolve(prefix));
    });
  });
  // Awaited by the Windows tests only; without wine, they say why, and nothing else waits for it.
  made.catch(() => undefined);
  return made;
}

beforeAll(() => {
  winePrefix = makeWinePrefix();
  dist = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'dist.js')], { cwd: ROOT, encoding: 'utf8' });
  if (!fs.existsSync(LINUX) || !fs.existsSync(EXE)) throw new Error(`npm run dist failed:\n${dist.stdout}${dist.stderr}`);
  const home = tempDir();
  env = { HOME: home, XDG_CACHE_HOME: path.join(home, 'cache'), TMPDIR: tempDir(), SOURCE_DATE_EPOCH: '1700000000', LANG: 'C.UTF-8' };
}, 15 * MINUTE);

type Run = SpawnSyncReturns<string> & { seconds: number };

/** Runs the Linux program with no node on PATH; stdin is not a console. */
function program(args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): Run {
  const start = performance.now();
  const result = spawnSync(LINUX, args, { cwd, env: { ...env, PATH: PATH_WITHOUT_NODE, ...extraEnv }, encoding: 'utf8', input: '', timeout: 5 * MINUTE });
  return { ...result, seconds: (performance.now() - start) / 1000 };
}

/** Runs the npm build (bin/report on this Node) in the same environment. */
const npmReport = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [path.join(ROOT, 'bin', 'report'), ...args], { cwd, env: { ...env, PATH: process.env.PATH }, encoding: 'utf8', input: '' });

const same = (a: string, b: string) => fs.readFileSync(a).equals(fs.readFileSync(b));

test('npm run dist writes the two programs and a zip under 100 MB', () => {
  console.log(dist.stdout);
  expect(fs.statSync(path.join(RELEASE, 'nianbao-win-x64.zip')).size).toBeLessThan(100 * 1024 * 1024);
  expect([dist.status, dist.stderr]).toEqual([0, '']);
});

describe('the Linux program, with no node on PATH', () => {
  it(
    'needs no node: --version unpacks once (removing an older version’s folder), then starts from the cache',
    () => {
      expect(spawnSync('sh', ['-c', 'command -v node'], { env: { PATH: PATH_WITHOUT_NODE } }).status).not.toBe(0);
      const older = path.join(env.XDG_CACHE_HOME as string, 'nianbao', 'app', '0.0.1-0123456789abcdef');
      fs.mkdirSync(path.join(older, 'bin'), { recursive: true });
      fs.writeFileSync(path.join(older, '.nianbao-complete'), '');
      const first = program(['--version'], tempDir());
      const later = program(['--version'], tempDir());
      for (const run of [first, later]) {
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toContain(VERSION);
      }
      const unpacked = fs.readdirSync(path.join(env.XDG_CACHE_HOME as string, 'nianbao', 'app'));
      expect(unpacked).toEqual([expect.stringMatching(new RegExp(`^${VERSION.replace(/\./g, '\\.')}-[0-9a-f]{16}$`))]);
      console.log(`first run (unpacks) ${first.seconds.toFixed(2)} s, later run ${later.seconds.toFixed(2)} s`);
    },
    5 * MINUTE,
  );

  it(
    'builds the seed into the npm build’s PDF and DOCX bytes, and imports that PDF into the same YAML',
    () => {
      const dir = tempDir();
      expect(program(['build', SEED, '--out', 'sea'], dir).status).toBe(0);
      expect(npmReport(['build', SEED, '--out', 'npm'], dir).status).toBe(0);
      for (const file of ['yichun-2023.pdf', 'yichun-2023.docx']) expect(same(path.join(dir, 'sea', file), path.join(dir, 'npm', file))).toBe(true);

      const pdf = path.join(dir, 'npm', 'yichun-2023.pdf');
      // Each import in a folder of its own: each writes the schema beside its YAML and says so.
      const [seaDir, npmDir] = [tempDir(), tempDir()];
      const sea = program(['import', pdf, '-o', 'out.yaml'], seaDir);
      const npm = npmReport(['import', pdf, '-o', 'out.yaml'], npmDir);
      expect([sea.status, sea.stderr]).toEqual([npm.status, npm.stderr]);
      expect(sea.status).toBe(0);
      // Whole files: the schema reference travels (./nianbao.schema.json beside the YAML), so nothing depends on where nianbao is.
      const text = (folder: string, file: string) => fs.readFileSync(path.join(folder, file), 'utf8');
      expect(text(seaDir, 'out.yaml')).toBe(text(npmDir, 'out.yaml'));
      expect(text(seaDir, 'out.yaml')).toMatch(/^# yaml-language-server: \$schema=\.\/nianbao\.schema\.json\n[\s\S]*宜春经济技术开发区管理委员会/);
      expect(text(seaDir, 'nianbao.schema.json')).toBe(fs.readFileSync(path.join(ROOT, 'schemas', 'report.schema.json'), 'utf8'));
    },
    5 * MINUTE,
  );

  it(
    'validate --json over the fixtures prints what the npm build prints',
    () => {
      for (const glob of ['fixtures/valid/*.yaml', 'fixtures/invalid/*.yaml']) {
        const sea = program(['validate', '--json', glob], ROOT);
        const npm = npmReport(['validate', '--json', glob], ROOT);
        expect(sea.status).toBe(glob.includes('invalid') ? 1 : 0);
        expect([sea.status, sea.stdout]).toEqual([npm.status, npm.stdout]);
        expect((JSON.parse(sea.stdout) as { files: unknown[] }).files.length).toBeGreaterThan(1);
      }
    },
    5 * MINUTE,
  );

  it(
    'a YAML given without a command (dropped on it) builds into output/ beside it; no console, so no key wait',
    () => {
      const dir = tempDir();
      fs.copyFileSync(SEED, path.join(dir, '2023.yaml'));
      const run = program([path.join(dir, '2023.yaml')], tempDir());
      expect(run.status).toBe(0);
      expect(run.stderr).toContain(`输出文件夹：${path.join(dir, 'output')}`);
      expect(run.stderr).not.toContain('按任意键');
      expect(npmReport(['build', '2023.yaml', '--out', 'npm'], dir).status).toBe(0);
      for (const file of ['2023.pdf', '2023.docx']) expect(same(path.join(dir, 'output', file), path.join(dir, 'npm', file))).toBe(true);
    },
    5 * MINUTE,
  );

  /** Runs the program in a terminal of its own (`script`), as Explorer would start it; says whether it waited for a key. */
  async function inConsoleWindow(args: string[]): Promise<{ shown: string; waited: boolean; status: number | null }> {
    const child = spawn('script', ['-qec', [LINUX, ...args].join(' '), '/dev/null'], {
      env: { ...env, PATH: `${PATH_WITHOUT_NODE}${path.delimiter}/usr/bin${path.delimiter}/bin` },
    });
    let shown = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const prompted = new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        shown += chunk.toString('utf8');
        if (shown.includes('按任意键关闭窗口')) resolve();
      }),
    );
    if ((await Promise.race([prompted.then(() => 'prompted'), exited.then(() => 'exited')])) === 'exited')
      return { shown, waited: false, status: child.exitCode };
    // Still there a second later: it waits for the key, which then closes it.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const waited = child.exitCode === null;
    child.stdin.write('x');
    return { shown, waited, status: await exited };
  }

  /** The program started with no arguments in a terminal of its own (as a double click does): the page at the address it shows, then its exit status after Ctrl+C typed there. */
  async function doubleClicked(): Promise<{ page: string; status: number | null }> {
    // No /usr/bin on PATH: no xdg-open, so no browser opens (the address is there to open by hand). `exec`: Ctrl+C reaches the program, not a shell waiting on it.
    const child = spawn('/usr/bin/script', ['-qec', `exec ${LINUX}`, '/dev/null'], {
      cwd: tempDir(),
      env: { ...env, SHELL: '/bin/sh', PATH: PATH_WITHOUT_NODE },
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let shown = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        shown += chunk.toString('utf8');
        const address = /http:\/\/127\.0\.0\.1:\d+\/[\w-]+\//.exec(shown);
        if (address) resolve(address[0]);
      });
      void exited.then(() => reject(new Error(`exited before showing an address:\n${shown}`)));
    });
    const page = await (await fetch(url)).text();
    child.stdin.write('\x03');
    return { page, status: await exited };
  }

  it(
    'started in a console window of its own, it shows the result until a key is pressed',
    async () => {
      const dir = tempDir();
      fs.copyFileSync(SEED, path.join(dir, '2023.yaml'));
      const dropped = await inConsoleWindow([path.join(dir, '2023.yaml')]);
      expect(dropped).toMatchObject({ waited: true, status: 0 });
      // No errors; on a machine without 仿宋 the stand-in warning (RPT5012) is shown too, once.
      expect(dropped.shown).toMatch(/[✔⚠] 1 个文件：0 个错误，[01] 个警告/);
      expect(fs.existsSync(path.join(dir, 'output', '2023.pdf'))).toBe(true);
      // A double click (no arguments) runs `report edit` without a file: the start page's address is shown and served; Ctrl+C ends it.
      const clicked = await doubleClicked();
      expect(clicked.page).toContain('<title>打开或新建年报 — nianbao</title>');
      expect(clicked.status).toBe(0);
      // A command typed in a terminal never waits.
      expect(await inConsoleWindow(['--version'])).toMatchObject({ waited: false, status: 0 });
    },
    5 * MINUTE,
  );

  it(
    'unpacks into the temp folder when the cache folder cannot be written',
    () => {
      const blocked = path.join(tempDir(), 'not-a-folder');
      fs.writeFileSync(blocked, '');
      const tmp = tempDir();
      const run = program(['--version'], tempDir(), { XDG_CACHE_HOME: blocked, TMPDIR: tmp });
      expect([run.status, run.stderr]).toEqual([0, '']);
      expect(fs.readdirSync(tmp)).toEqual([expect.stringMatching(/^nianbao-/)]);
    },
    5 * MINUTE,
  );
});

/**
 * The Windows program under Debian's wine (installed by scripts/test-setup.js) in a private prefix set
 * to Windows 10 (Node refuses wine's default Windows 7). Node's stdout and stderr must be files under
 * wine: a pipe fails with EBADF. Drive D: is mapped to a temp folder to try a drive root, backslashes and a glob.
 */
describe('the Windows program under wine', () => {
  let prefix: string;

  function wine(args: string[]): { status: number | null; stdout: string; stderr: string } {
    const dir = tempDir();
    const [out, err] = [path.join(dir, 'out'), path.join(dir, 'err')];
    const fds = [fs.openSync(out, 'w'), fs.openSync(err, 'w')];
    try {
      const result = spawnSync('wine', [EXE, ...args], {
        stdio: ['ignore', fds[0] as number, fds[1] as number],
        env: wineEnv(prefix, { SOURCE_DATE_EPOCH: env.SOURCE_DATE_EPOCH }),
        timeout: 5 * MINUTE,
      });
      return { status: result.status, stdout: fs.readFileSync(out, 'utf8'), stderr: fs.readFileSync(err, 'utf8') };
    } finally {
      fds.forEach((fd) => fs.closeSync(fd));
    }
  }

  beforeAll(async () => {
    if (spawnSync('sh', ['-c', 'command -v wine']).status !== 0)
      throw new Error('wine is not installed: run `node scripts/test-setup.js` as root (apt-get install wine), then the tests again');
    prefix = await winePrefix;
  }, 10 * MINUTE);

  it(
    '--version runs',
    () => {
      const run = wine(['--version']);
      expect([run.status, run.stderr]).toEqual([0, '']);
      expect(run.stdout).toContain(VERSION);
    },
    5 * MINUTE,
  );

  it(
    'builds the seed from D:\\*.yaml into D:\\out with the Linux build’s PDF and DOCX bytes',
    () => {
      const drive = tempDir();
      fs.copyFileSync(SEED, path.join(drive, 'yichun-2023.yaml'));
      fs.symlinkSync(drive, path.join(prefix, 'dosdevices', 'd:'));
      const run = wine(['build', 'D:\\*.yaml', '--out', 'D:\\out']);
      expect(run.stderr).toContain('已生成 D:\\out\\yichun-2023.pdf');
      expect(run.status).toBe(0);
      const linux = tempDir();
      expect(program(['build', SEED, '--out', linux], ROOT).status).toBe(0);
      for (const file of ['yichun-2023.pdf', 'yichun-2023.docx']) expect(same(path.join(drive, 'out', file), path.join(linux, file))).toBe(true);
    },
    5 * MINUTE,
  );
});
