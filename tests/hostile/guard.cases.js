/**
 * Hostile cases of the guarded reader (src/host.ts) and of verify staying in its folder: what
 * nianbao reads must be a regular file of a bounded size, and a manifest names only files inside
 * its folder. A FIFO stands for "a read here would be visible": opening it would block the run.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const SEED = path.join(__dirname, '..', '..', 'fixtures', 'yichun-2023.yaml');
const seed = (dir, name = 'x.yaml') => fs.copyFileSync(SEED, path.join(dir, name));
const fifo = (file) => execFileSync('mkfifo', [file]);
/** A sparse file of `bytes`: large on paper, nothing on disk. */
const sparse = (file, bytes) => fs.closeSync(fs.openSync(file, 'w')) || fs.truncateSync(file, bytes);
const sha = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

/** A folder `out` holding out/x.docx and a manifest.json listing it and the extra `entries` ({ path, sha256 }). */
function manifestFolder(dir, entries = []) {
  const out = path.join(dir, 'out');
  fs.mkdirSync(out);
  fs.writeFileSync(path.join(out, 'x.docx'), 'docx bytes');
  const outputs = [{ path: 'x.docx', sha256: sha('docx bytes'), format: 'docx', bytes: 10 }, ...entries.map((e) => ({ format: 'docx', bytes: 1, ...e }))];
  const manifest = {
    manifest: 1,
    tool: { name: 'nianbao', version: '0', node: '', libraries: {} },
    settings: { formats: ['docx'], conformance: null, sourceDateEpoch: null },
    reports: [{ input: { path: '../x.yaml', sha256: '0'.repeat(64) }, outputs }],
  };
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest));
  return out;
}

module.exports = [
  {
    name: 'validate of a file that is not there',
    setup: () => ({ args: ['validate', 'missing.yaml'] }),
    expect: { exit: 1, codes: ['RPT1007'] },
  },
  {
    name: 'validate /dev/zero',
    setup: () => ({ args: ['validate', '/dev/zero'] }),
    expect: { exit: 1, codes: ['RPT1020'], mb: 200 },
  },
  {
    name: 'validate x.yaml, a symlink to /dev/zero',
    setup: (dir) => (fs.symlinkSync('/dev/zero', path.join(dir, 'x.yaml')), { args: ['validate', 'x.yaml'] }),
    expect: { exit: 1, codes: ['RPT1020'], mb: 200 },
  },
  {
    name: 'validate a FIFO no one writes',
    setup: (dir) => (fifo(path.join(dir, 'x.yaml')), { args: ['validate', 'x.yaml'] }),
    expect: { exit: 1, codes: ['RPT1020'] },
  },
  {
    name: 'validate a sparse 4 GB report',
    setup: (dir) => (sparse(path.join(dir, 'x.yaml'), 4 * 1024 ** 3), { args: ['validate', 'x.yaml'] }),
    expect: { exit: 1, codes: ['RPT1016'], mb: 200 },
  },
  {
    name: 'cat /dev/zero | report build -',
    setup: () => ({ args: ['build', '--format', 'docx', '-'], stdin: 'endless' }),
    expect: { exit: 1, codes: ['RPT1016'], mb: 200 },
  },
  {
    name: 'validate --previous /dev/zero',
    setup: (dir) => (seed(dir), { args: ['validate', '--previous', '/dev/zero', 'x.yaml'] }),
    expect: { exit: 1, codes: ['RPT1020'], mb: 300 },
  },
  {
    name: 'sum x.yaml /dev/zero -o total.yaml',
    setup: (dir) => (seed(dir), { args: ['sum', 'x.yaml', '/dev/zero', '-o', 'total.yaml'] }),
    expect: { exit: 1, codes: ['RPT1020'], mb: 300 },
  },
  {
    name: 'a batch folder holding a FIFO: the good report is written, the batch ends',
    setup: (dir) => {
      fs.mkdirSync(path.join(dir, 'in'));
      seed(path.join(dir, 'in'), 'good.yaml');
      fifo(path.join(dir, 'in', 'bad.yaml'));
      return { args: ['build', '--format', 'docx', '--out', 'out', 'in'] };
    },
    expect: { exit: 1, codes: ['RPT1020'], writes: ['out', 'out/good.docx'] },
  },
  {
    name: 'verify DIR /dev/zero',
    setup: (dir) => (manifestFolder(dir), { args: ['verify', 'out', '/dev/zero'] }),
    expect: { exit: 1, codes: ['RPT1020'], mb: 300 },
  },
  {
    name: 'verify: an entry naming ../ and /etc/passwd is refused, never hashed',
    setup: (dir) => {
      fs.writeFileSync(path.join(dir, 'outside.txt'), 'secret');
      const passwd = fs.readFileSync('/etc/passwd');
      const out = manifestFolder(dir, [
        { path: '../outside.txt', sha256: sha('secret') },
        { path: '/etc/passwd', sha256: sha(passwd) },
      ]);
      return { args: ['verify', out] };
    },
    expect: { exit: 1, codes: ['RPT6009'], printedNot: ['outside.txt: 一致', 'passwd: 一致'] },
  },
  {
    name: 'verify: an entry naming a FIFO outside the folder is not opened',
    setup: (dir) => (fifo(path.join(dir, 'pipe')), { args: ['verify', manifestFolder(dir, [{ path: path.join(dir, 'pipe'), sha256: '0'.repeat(64) }])] }),
    expect: { exit: 1, codes: ['RPT6009'] },
  },
  {
    name: 'verify: a symlink inside the folder leading out is refused',
    setup: (dir) => {
      fs.writeFileSync(path.join(dir, 'outside.txt'), 'secret');
      const out = manifestFolder(dir, [{ path: 'link.pdf', sha256: sha('secret') }]);
      fs.symlinkSync(path.join(dir, 'outside.txt'), path.join(out, 'link.pdf'));
      return { args: ['verify', out] };
    },
    expect: { exit: 1, codes: ['RPT6009'], printedNot: ['link.pdf: 一致'] },
  },
  {
    name: 'verify: a FIFO inside the folder does not block',
    setup: (dir) => {
      const out = manifestFolder(dir, [{ path: 'pipe.pdf', sha256: '0'.repeat(64) }]);
      fifo(path.join(out, 'pipe.pdf'));
      return { args: ['verify', out] };
    },
    expect: { exit: 1, codes: ['RPT6010'] },
  },
  {
    name: 'verify: a 200 MB manifest is refused unread',
    setup: (dir) => {
      const out = manifestFolder(dir);
      sparse(path.join(out, 'manifest.json'), 200 * 1024 * 1024);
      return { args: ['verify', out] };
    },
    expect: { exit: 1, codes: ['RPT6007'], mb: 200 },
  },
  {
    name: 'verify: a folder with MANIFEST.sha256 alone',
    setup: (dir) => {
      const out = manifestFolder(dir);
      fs.rmSync(path.join(out, 'manifest.json'));
      fs.writeFileSync(path.join(out, 'MANIFEST.sha256'), `${sha('docx bytes')}  x.docx\n`);
      return { args: ['verify', out] };
    },
    expect: { exit: 0, codes: [] },
  },
];

/** Writes that never destroy: a device, a FIFO or an input is never an output; an existing YAML needs --force. */
const mknod = (file) => execFileSync('mknod', [file, 'c', '1', '7']); // a /dev/full of our own, in the temp folder

module.exports.push(
  {
    name: 'init -o DEVICE --force keeps the device',
    setup: (dir) => (mknod(path.join(dir, 'full')), { args: ['init', '-o', 'full', '--force'] }),
    expect: { exit: 1, codes: ['RPT1021'] },
  },
  {
    name: 'init -o FIFO --force keeps the FIFO',
    setup: (dir) => (fifo(path.join(dir, 'pipe.yaml')), { args: ['init', '-o', 'pipe.yaml', '--force'] }),
    expect: { exit: 1, codes: ['RPT1021'] },
  },
  {
    name: 'sum self.yaml other.yaml -o self.yaml',
    setup: (dir) => (seed(dir, 'self.yaml'), seed(dir, 'other.yaml'), { args: ['sum', 'self.yaml', 'other.yaml', '-o', 'self.yaml', '--force'] }),
    expect: { exit: 1, codes: ['RPT1022'] },
  },
  {
    // A hard link is the same file under another name: writing it would destroy the input too.
    name: 'sum self.yaml other.yaml -o link.yaml, a hard link to self.yaml',
    setup: (dir) => (
      seed(dir, 'self.yaml'),
      seed(dir, 'other.yaml'),
      fs.linkSync(path.join(dir, 'self.yaml'), path.join(dir, 'link.yaml')),
      { args: ['sum', 'self.yaml', 'other.yaml', '-o', 'link.yaml', '--force'] }
    ),
    expect: { exit: 1, codes: ['RPT1022'] },
  },
  {
    name: 'sum -o over an existing YAML without --force',
    setup: (dir) => (
      seed(dir, 'a.yaml'),
      seed(dir, 'b.yaml'),
      fs.writeFileSync(path.join(dir, 'total.yaml'), 'mine'),
      { args: ['sum', 'a.yaml', 'b.yaml', '-o', 'total.yaml'] }
    ),
    expect: { exit: 1, codes: ['RPT5002'] },
  },
  {
    name: 'sum -o writes a new file',
    setup: (dir) => (seed(dir, 'a.yaml'), seed(dir, 'b.yaml'), { args: ['sum', 'a.yaml', 'b.yaml', '-o', 'total.yaml'] }),
    expect: { exit: 0, codes: [], writes: ['total.yaml', 'nianbao.schema.json'] },
  },
  {
    name: 'sum whose total does not validate exits 1 and writes nothing',
    setup: (dir) => {
      const text = fs.readFileSync(SEED, 'utf8').replace(/^  punishment: 45 /m, '  punishment: 60000000 ');
      fs.writeFileSync(path.join(dir, 'big.yaml'), text);
      return { args: ['sum', 'big.yaml', 'big.yaml', '-o', 'total.yaml'] };
    },
    expect: { exit: 1, codes: ['RPT2009'], noWrite: ['total.yaml'] },
  },
  {
    name: 'import x.yaml --year-forward -o x.yaml',
    setup: (dir) => (seed(dir), { args: ['import', 'x.yaml', '--year-forward', '-o', 'x.yaml', '--force'] }),
    expect: { exit: 1, codes: ['RPT1022'] },
  },
  {
    name: 'import -o over an existing YAML without --force',
    setup: (dir) => (seed(dir), fs.writeFileSync(path.join(dir, 'mine.yaml'), 'mine'), { args: ['import', 'x.yaml', '--year-forward', '-o', 'mine.yaml'] }),
    expect: { exit: 1, codes: ['RPT5002'] },
  },
);

/** The smaller points of the issue. */
module.exports.push(
  {
    name: 'build - --name .. writes no hidden ...docx',
    setup: () => ({ args: ['build', '--format', 'docx', '--out', 'out', '--name', '..', '-'], stdin: fs.readFileSync(SEED) }),
    expect: { exit: 2, noWrite: ['out/...docx'] },
  },
  {
    name: 'an empty SOURCE_DATE_EPOCH is unset',
    setup: (dir) => (seed(dir), { args: ['build', '--format', 'docx', '--out', 'out', 'x.yaml'], env: { SOURCE_DATE_EPOCH: '' } }),
    expect: { exit: 0, writes: ['out', 'out/x.docx'] },
  },
  {
    name: 'a second --manifest build into one folder keeps the first report listed',
    setup: (dir) => {
      seed(dir, 'a.yaml');
      seed(dir, 'b.yaml');
      execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'bin', 'report'), 'build', '--format', 'docx', '--manifest', '--out', 'out', 'a.yaml'], {
        cwd: dir,
        stdio: 'ignore',
      });
      return { args: ['build', '--format', 'docx', '--manifest', '--out', 'out', 'b.yaml'] };
    },
    expect: { exit: 0, writes: ['out/b.docx', 'out/manifest.json'] },
    after: (dir) => {
      const listed = fs.readFileSync(path.join(dir, 'out', 'MANIFEST.sha256'), 'utf8');
      return listed.includes('a.docx') && listed.includes('b.docx') ? [] : [`MANIFEST.sha256 lists: ${listed}`];
    },
  },
);

/** A cache folder no folder can be made in (under /proc): Node's recursive mkdir spun for ever there; the cache is skipped instead. */
module.exports.push({
  name: 'validate with XDG_CACHE_HOME under /proc',
  setup: (dir) => (seed(dir), { args: ['validate', 'x.yaml'], env: { XDG_CACHE_HOME: '/proc/nianbao-cache' } }),
  expect: { exit: 0, codes: [] },
});

/** `watch` while its file becomes a symlink to /dev/zero, then a FIFO, then a report again: bounded, and it keeps hearing saves. */
module.exports.push({
  name: 'watch: the file replaced by /dev/zero, a FIFO, then a report',
  // Idle but for the three saves and their builds: runs beside the other cases (hostile-runner.js runAll).
  waits: true,
  setup: (dir) => {
    seed(dir);
    const file = path.join(dir, 'x.yaml');
    // Made beside it and renamed over it, as editors save: a watcher never sees the file missing, however loaded the machine.
    const replace = (make) => () => {
      const temp = path.join(dir, 'x.yaml.new');
      make(temp);
      fs.renameSync(temp, file);
    };
    return {
      args: ['watch', '--format', 'docx', '--out', 'out', 'x.yaml'],
      events: [
        { at: 5, run: replace((temp) => fs.symlinkSync('/dev/zero', temp)) },
        { at: 7, run: replace((temp) => fifo(temp)) },
        { at: 9, run: replace((temp) => fs.writeFileSync(temp, fs.readFileSync(SEED, 'utf8').replace('licensing: 1200', 'licensing: 1201'))) },
      ],
      interruptAfter: 14,
    };
  },
  expect: { exit: 0, codes: ['RPT1020'], mb: 300, writes: ['out', 'out/x.docx'] },
  after: (dir, output) => ((output.match(/已生成 out/g) || []).length >= 2 ? [] : ['no build after the report came back']),
});
