/**
 * The `report` command: argv → command → exit code. The only module that touches process, stdout,
 * stderr and exit codes; everything it calls is pure or goes through the Host.
 */
import { CommanderError, Option } from 'commander';
import type { Worker } from 'node:worker_threads';
import { nodeHost, type Host } from '../host';
import { EXIT, EXIT_TABLE } from './exit-codes';
import { droppedFiles, runDropped } from './dropped';
import { isTaskWorker, WORKER_SCRIPT } from '../core/worker-pool';
import { REPORTER_NAMES, type ReporterName } from '../diagnostics/reporters';
import { FONT_ROLES } from '../fonts/resolve';
import type { PdfConformance } from '../render/pdf';
import { DEFAULT_FORMATS, RENDERERS, isFormat, type OutputFormat } from '../render/registry';
import type { FontRole } from '../format/font-roles';
import { expandArgs } from '../core/expand-args';
import { STDIN_ARG } from '../core/stdin';
import { PDF_CONFORMANCES } from '../core/settings';
import { sourceDateEpochProblem } from '../core/source-date-epoch';
import { readInputs, type Input } from '../core/inputs';
import { INVALID_CHOICE, langOf, LocalizedCommand, type Lang } from './usage-errors';
import type { Io } from './io';
import { runValidate } from './validate';
import { versionJson, versionLine } from './version';

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
  plain: Boolean(process.env.NO_COLOR) || process.env.TERM === 'dumb',
};

/** Runs the CLI and returns the exit code (does not exit). */
export async function runCli(argv: readonly string[], host: Host = nodeHost(), io: Io = processIo, early: Worker[] = []): Promise<number> {
  const dropped = droppedFiles(argv.slice(2));
  if (dropped) return runDropped(host, io, dropped, WORKER_SCRIPT);
  let code: number = EXIT.ok;
  const program = new LocalizedCommand('report', langOf(argv))
    .localizedHelpCommand()
    .description('nianbao 年报：政府信息公开工作年度报告编译器 / government information disclosure annual report compiler')
    .version(versionLine(), '-V, --version', '显示版本（含 Node 与平台）/ show the version, with Node and the platform')
    .addHelpText('after', `\n${DROPPED_HELP}\n\n退出码 exit codes:\n${EXIT_TABLE}`)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .configureHelp({ showGlobalOptions: true });
  // One --lang for every command, accepted anywhere on the line (commander reads program options
  // before and after the command name); usage errors read it before parsing (langOf).
  program.addOption(program.choiceOption('--lang <lang>', '提示语言 message language', ['zh', 'en']).default('zh'));
  const lang = () => program.opts<{ lang: Lang }>().lang;
  const fontOption = () =>
    new Option('--font <role=file>', `指定字体文件（可重复）font file for a role (repeatable): ${FONT_ROLES.join('|')}`).argParser(collectFonts).default({});
  const jobsOption = () =>
    new Option('-j, --jobs <n>', '并行数（默认且最多为 CPU 核数）parallel workers (default and at most: CPU cores)').argParser((value) =>
      /^\d+$/.test(value) ? Number(value) : NaN,
    );
  const reporterOption = () =>
    program
      .choiceOption(
        '--reporter <format>',
        '诊断的输出格式，gcc、github 供编辑器和 CI 读取 / diagnostics format, gcc and github for editors and CI',
        REPORTER_NAMES,
      )
      .default('human');
  /** A usage problem of the arguments (printed, exit 2), or undefined. */
  const usage = (problem: string | undefined): boolean => {
    if (problem === undefined) return false;
    io.stderr(`${problem}\n`);
    code = EXIT.usage;
    return true;
  };
  /** The file arguments with folders and quoted globs expanded (expand-args.ts), or undefined after saying which glob matched nothing. */
  const filesOf = (args: string[], extensions: readonly string[]): string[] | undefined => {
    const { files, unmatched } = expandArgs(host, args, extensions);
    return usage(unmatched.length > 0 ? `没有与 ${unmatched.join('、')} 匹配的文件 / no files match ${unmatched.join(', ')}` : undefined) ? undefined : files;
  };
  /** The inputs of a command, or undefined after printing why the arguments cannot be read. */
  const inputsOf = (args: string[], name: string | undefined): Input[] | undefined => {
    const files = filesOf(args, REPORT_EXTENSIONS);
    if (!files) return undefined;
    // Reading a terminal waits for the person at it: say so, and how to end, rather than seem to hang.
    if (files.includes(STDIN_ARG) && host.stdinIsTerminal()) {
      io.stderr(
        lang() === 'en'
          ? 'reading the report from standard input: type or paste the YAML, then press Ctrl+D (Windows: Ctrl+Z, Enter)\n'
          : '正在从标准输入读取报告：输入或粘贴 YAML 后按 Ctrl+D 结束（Windows 按 Ctrl+Z 再按回车）\n',
      );
    }
    const read = readInputs(host, files, name);
    return usage('usage' in read ? read.usage : undefined) || !('inputs' in read) ? undefined : read.inputs;
  };

  program
    .command('validate')
    .description('检查报告文件，列出全部问题 / check report files and list every problem')
    .argument('<files...>', 'YAML 报告文件，- 为标准输入 report files, - for standard input')
    .option('--json', '以 JSON 输出诊断信息 / print diagnostics as JSON')
    .addOption(reporterOption())
    .option('--strict', '有警告也返回 1 / warnings also fail')
    .option('--previous <file>', "上一年度报告，用于跨年度核对（R8、R9）/ last year's report for cross-year checks")
    .addOption(fontOption())
    .action(async (files: string[], options: { json?: boolean; reporter: ReporterName; strict?: boolean; previous?: string; font: FontOptionValue }) => {
      if (usage(reporterProblem(options) ?? fontProblem(options.font) ?? epochProblem(host))) return;
      const inputs = inputsOf(files, undefined);
      if (!inputs || typeof options.font === 'string') return;
      code = await runValidate(host, io, inputs, { ...options, fonts: options.font, lang: lang() });
    });

  program
    .command('build')
    .description('检查并生成报告（PDF 和 DOCX）/ check and build reports (PDF and DOCX)')
    .argument('<files...>', 'YAML 报告文件，- 为标准输入 report files, - for standard input')
    .option('--out <dir>', '输出目录 output folder', 'output')
    .option('--name <name>', '从标准输入（-）读取时的输出文件名，默认 stdin / output base name for standard input (default: stdin)')
    .addOption(
      new Option('--format <formats>', `输出格式，逗号分隔 output formats, comma-separated: ${DOCUMENTS.join(',')}`).default(DEFAULT_FORMATS.join(',')),
    )
    .addOption(fontOption())
    .addOption(program.choiceOption('--pdfa <level>', 'PDF/A 级别 PDF/A conformance', PDFA_LEVELS).default('2b'))
    .addOption(jobsOption())
    .addOption(program.choiceOption('--emit <what>', '另外输出文档模型 also write the document model (JSON)', [...EMITTED]))
    .option('--manifest', '另外写出存档清单 MANIFEST.sha256 和 manifest.json / also write an archival manifest of the outputs')
    .option('--json', '以 JSON 输出结果 / print results as JSON')
    .addOption(reporterOption())
    .option('--strict', '有警告也不生成 / warnings also fail')
    .option('--fragment', 'HTML 只输出正文（文章及其样式），便于粘贴到网站后台 / HTML: only the article and its style, for pasting into a CMS')
    .action(
      async (
        files: string[],
        options: {
          out: string;
          name?: string;
          format: string;
          font: FontOptionValue;
          pdfa: '2b' | '2a' | '3b';
          jobs?: number;
          emit?: OutputFormat;
          manifest?: boolean;
          json?: boolean;
          reporter: ReporterName;
          strict?: boolean;
          fragment?: boolean;
        },
      ) => {
        const formats = parseFormats(options.format);
        const problem = !formats
          ? formatProblem(options.format)
          : (jobsProblem(options.jobs) ?? reporterProblem(options) ?? fontProblem(options.font) ?? epochProblem(host));
        if (usage(problem) || !formats || typeof options.font === 'string') return;
        const inputs = inputsOf(files, options.name);
        if (!inputs) return;
        const conformance = `PDF/A-${options.pdfa}` as PdfConformance;
        code = await (
          await import('./build')
        ).runBuild(
          host,
          io,
          inputs,
          {
            ...options,
            lang: lang(),
            fonts: options.font,
            conformance,
            ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
            formats: options.emit ? [...formats, options.emit] : formats,
          },
          WORKER_SCRIPT,
          early,
        );
      },
    );

  program
    .command('fonts')
    .description('列出每种字体角色选用的字体文件及原因 / show the font file chosen for each role and why')
    .addOption(fontOption())
    .action(async (options: { font: FontOptionValue }) => {
      if (usage(fontProblem(options.font)) || typeof options.font === 'string') return;
      code = (await import('./fonts')).runFonts(host, io, options.font, lang());
    });

  program
    .command('init')
    .description('生成一份全部表格为 0、可直接填写的报告模板 / write a complete report template with zero tables')
    .option('--year <year>', '统计年度 statistical year (默认：去年 last year)')
    .option('--organ <name>', '发布机关全称 organ name', '某某机关')
    .option('-o, --output <file>', '输出文件 output file (默认 default: <year>.yaml)')
    .option('--force', '覆盖已有文件 / overwrite an existing file')
    .action(async (options: { year?: string; organ: string; output?: string; force?: boolean }) => {
      code = (await import('./init')).runInit(host, io, { ...options, lang: lang() });
    });

  program
    .command('schema')
    .description(
      '在报告旁写出编辑器补全用的 nianbao.schema.json（报告移动或收到报告后运行）/ write nianbao.schema.json beside reports for editor completion (after moving or receiving one)',
    )
    .argument('[folder]', "报告所在文件夹或报告文件，默认当前文件夹 / the reports' folder or a report file (default: the current folder)")
    .action(async (target: string | undefined) => {
      code = (await import('./schema')).runSchema(host, io, target, lang());
    });

  program
    .command('import')
    .description(
      '把已发布的报告（PDF、Word、网页或文本）导入为 YAML 报告并检查 / import published reports (PDF, Word, web page or text) as YAML reports and check them',
    )
    .argument('<files...>', '已发布的报告文件 published report files')
    .option('-o, --output <file>', '输出文件（一个报告）output file (one report)')
    .option('--out <dir>', '输出目录（每个报告一个 .yaml）output folder (one .yaml per report)')
    .option('--force', '覆盖已有的 YAML 文件 / overwrite existing YAML files')
    .option('--check', '只检查，每个报告一行结果（审核模式）/ review: check each report, one line per report')
    .addOption(jobsOption())
    .option('--json', '以 JSON 输出结果 / print results as JSON')
    .addOption(reporterOption())
    .option('--strict', '有警告也返回 1 / warnings also fail')
    .option('--year-forward', "由上年报告生成下一年度报告草稿 / start next year's report from this one")
    .option('--blank-as-zero', '把表格中空白的数字格按 0 读入（核实原报告空白即表示 0 时用）/ read blank number cells as 0 (when the report means 0 by them)')
    .option('--time-limit <seconds>', '每个文件的读取时限，秒（默认 30）/ time limit for reading each file, in seconds (default 30)', (value) =>
      /^\d+$/.test(value) ? Number(value) : NaN,
    )
    .action(
      async (
        files: string[],
        options: {
          timeLimit?: number;
          output?: string;
          out?: string;
          force?: boolean;
          check?: boolean;
          jobs?: number;
          json?: boolean;
          reporter: ReporterName;
          strict?: boolean;
          yearForward?: boolean;
          blankAsZero?: boolean;
        },
      ) => {
        if (usage(jobsProblem(options.jobs) ?? reporterProblem(options))) return;
        const inputs = filesOf(files, PUBLISHED_EXTENSIONS);
        if (inputs) code = await (await import('./import')).runImport(host, io, inputs, { ...options, lang: lang() });
      },
    );

  program
    .command('sum')
    .description('把多个部门的报告汇总为上一级的报告 / add up department reports into one report for the level above')
    .argument('<files...>', '各部门的 YAML 报告 department reports (YAML)')
    .option('-o, --output <file>', '输出文件（默认打印到标准输出）output file (default: standard output)')
    .option('--force', '覆盖已有的输出文件 / overwrite an existing output file')
    .option('--organ <name>', '汇总报告的发布机关全称 organ of the summed report', '某某人民政府')
    .option('--skip-invalid', '有错误的报告不计入汇总（默认拒绝汇总）/ leave out reports with errors (default: refuse)')
    .addOption(jobsOption())
    .option('--json', '以 JSON 输出结果 / print results as JSON')
    .addOption(reporterOption())
    .option('--strict', '有警告也返回 1 / warnings also fail')
    .action(
      async (
        files: string[],
        options: {
          output?: string;
          force?: boolean;
          organ: string;
          skipInvalid?: boolean;
          jobs?: number;
          json?: boolean;
          reporter: ReporterName;
          strict?: boolean;
        },
      ) => {
        if (usage(jobsProblem(options.jobs) ?? reporterProblem(options))) return;
        const inputs = filesOf(files, REPORT_EXTENSIONS);
        if (inputs) code = await (await import('./sum')).runSum(host, io, inputs, { ...options, lang: lang() }, WORKER_SCRIPT);
      },
    );

  program
    .command('watch')
    .description('生成后监视报告文件，每次保存自动重新生成并列出问题 / build, then rebuild on every save and print the problems')
    .argument('<file>', 'YAML 报告文件 report file')
    .option('--out <dir>', '输出目录 output folder', 'output')
    .addOption(new Option('--format <formats>', `输出格式，逗号分隔 output formats, comma-separated: ${DOCUMENTS.join(',')}`).default('pdf'))
    .addOption(fontOption())
    .addOption(program.choiceOption('--pdfa <level>', 'PDF/A 级别 PDF/A conformance', PDFA_LEVELS).default('2b'))
    .option('--strict', '有警告也不生成 / warnings also fail')
    .action(async (file: string, options: { out: string; format: string; font: FontOptionValue; pdfa: '2b' | '2a' | '3b'; strict?: boolean }) => {
      const formats = parseFormats(options.format);
      if (usage(formats ? (fontProblem(options.font) ?? epochProblem(host)) : formatProblem(options.format)) || !formats || typeof options.font === 'string')
        return;
      const stop = new AbortController();
      process.once('SIGINT', () => stop.abort());
      code = await (
        await import('./watch')
      ).runWatch(host, io, file, {
        ...options,
        lang: lang(),
        formats,
        fonts: options.font,
        conformance: `PDF/A-${options.pdfa}` as PdfConformance,
        signal: stop.signal,
      });
    });

  program
    .command('edit')
    .description(
      '在浏览器中填写报告：表格、逐格检查、预览，保存回 YAML / fill in a report in the browser: tables, live checks, preview, saved back to the YAML',
    )
    .argument('[file]', 'YAML 报告文件；不给时打开起始页（打开、新建或导入报告）/ report file; without one, a start page opens, makes or imports one')
    .option('--port <n>', '端口（默认随机）port (default: random)', (value) => (/^\d+$/.test(value) ? Number(value) : NaN))
    .option('--no-open', '不打开浏览器，只打印地址 / do not open a browser, only print the address')
    .action(async (file: string | undefined, options: { port?: number; open: boolean }) => {
      if (usage(options.port !== undefined && !(options.port >= 1 && options.port <= 65535) ? '--port 应为 1–65535 / --port must be 1–65535' : undefined))
        return;
      const stop = new AbortController();
      process.once('SIGINT', () => stop.abort());
      process.once('SIGTERM', () => stop.abort());
      code = await (await import('./edit')).runEdit(host, io, file, { ...options, lang: lang(), signal: stop.signal });
    });

  program
    .command('verify')
    .description(
      '按存档清单核对已生成的文件；给出 YAML 时重新生成并逐字节比较 / check outputs against their manifest; rebuild given YAML and compare byte for byte',
    )
    .argument('<manifest>', 'manifest.json、MANIFEST.sha256 或其所在文件夹 / manifest.json, MANIFEST.sha256 or their folder')
    .argument('[yaml...]', '要重新生成比较的 YAML 报告 / YAML reports to rebuild and compare')
    .option('--json', '以 JSON 输出结果 / print results as JSON')
    .action(async (manifest: string, yamls: string[], options: { json?: boolean }) => {
      code = await (await import('./verify')).runVerify(host, io, manifest, yamls, { ...options, lang: lang() });
    });

  program
    .command('version')
    .description('显示 nianbao、Node 的版本和平台 / show the versions of nianbao and Node, and the platform')
    .option('--json', '以 JSON 输出 / print as JSON')
    .action((options: { json?: boolean }) => io.stdout(options.json ? versionJson() : `${versionLine()}\n`));

  try {
    await program.parseAsync(argv as string[]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // An option's own parser throws past commander, unprinted (usage-errors.ts).
      if (error.code === INVALID_CHOICE) io.stderr(`${error.message}\n`);
      // --help and --version end here with exitCode 0; every other commander error is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.stderr(internalErrorLine(error));
    return EXIT.internal;
  }
  return code;
}

/** How report files given without a command are built (dropped.ts). */
const DROPPED_HELP =
  '只给出 YAML 报告文件（或把文件拖到程序图标上）时，生成到各文件所在文件夹的 output 文件夹中\n' +
  'report files given without a command (or dropped on the program) are built into an output folder beside each';

/** The formats --format chooses among, and those --emit adds (render/registry.ts). */
const DOCUMENTS: readonly OutputFormat[] = RENDERERS.filter((r) => !r.emit).map((r) => r.format);
const EMITTED: readonly OutputFormat[] = RENDERERS.filter((r) => r.emit).map((r) => r.format);

/** One line for a bug outside any one file: the first line of the error, never its stack. */
const internalErrorLine = (error: unknown) =>
  `nianbao 内部错误 internal error（${String((error as Error)?.message ?? error).split('\n')[0]}）— 请报告此问题 please report this bug\n`;

/** The files a folder argument stands for: YAML reports, or (import) published ones. */
const REPORT_EXTENSIONS = ['.yaml', '.yml'] as const;
const PUBLISHED_EXTENSIONS = ['.pdf', '.docx', '.html', '.htm', '.txt'] as const;

/** What --pdfa accepts: the levels the library takes (core/settings.ts), without their common prefix. */
const PDFA_LEVELS = PDF_CONFORMANCES.map((level) => level.slice('PDF/A-'.length));

/** What --format accepts, said when it is given something else. */
const formatProblem = (format: string) =>
  `--format 只能是 ${DOCUMENTS.join('、')} 或 ${DOCUMENTS.join(',')} / --format must be ${DOCUMENTS.join(', ')} or ${DOCUMENTS.join(',')}: ${format}`;

/** --json and a --reporter for programs would both claim the output: one must be chosen. */
const reporterProblem = (options: { json?: boolean; reporter: ReporterName }) =>
  options.json && options.reporter !== 'human'
    ? `--json 与 --reporter ${options.reporter} 只能选一个 / give either --json or --reporter ${options.reporter}, not both`
    : undefined;

/** --jobs must be a positive whole number. */
const jobsProblem = (jobs: number | undefined) =>
  jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1) ? '--jobs 应为正整数 / --jobs must be a positive whole number' : undefined;

/** --font's value: roles to files, or the first malformed role=file text. */
type FontOptionValue = Partial<Record<FontRole, string>> | string;

const fontProblem = (font: FontOptionValue) =>
  typeof font === 'string'
    ? `--font 应写作 角色=文件，角色为 ${FONT_ROLES.join('、')} / --font takes role=file, role one of ${FONT_ROLES.join(', ')}: ${font}`
    : undefined;

/** An invalid SOURCE_DATE_EPOCH would silently give other dates than asked for: refuse it, in the catalogue's words. */
function epochProblem(host: Host): string | undefined {
  const epoch = host.sourceDateEpoch();
  if (epoch.kind !== 'invalid') return undefined;
  const { message } = sourceDateEpochProblem(epoch.raw);
  return `${message.zh} / ${message.en}`;
}

/** Collects repeated --font role=file options; a malformed one turns the result into the bad text. */
function collectFonts(value: string, previous: FontOptionValue): FontOptionValue {
  if (typeof previous === 'string') return previous;
  const match = /^([a-z]+)=(.+)$/.exec(value);
  if (!match || !(FONT_ROLES as readonly string[]).includes(match[1] ?? '')) return value;
  return { ...previous, [match[1] as FontRole]: match[2] };
}

/** 'pdf,docx' → ['pdf', 'docx']; undefined for an unknown format or one --emit asks for. */
function parseFormats(text: string): OutputFormat[] | undefined {
  const formats = [...new Set(text.split(',').map((f) => f.trim()))];
  return formats.every((f): f is OutputFormat => isFormat(f) && DOCUMENTS.includes(f)) ? formats : undefined;
}

/** Entry point of bin/report; `early` is the PDF worker it may have started first (boot.ts). */
export function main(argv: readonly string[], early?: Worker): void {
  runCli(argv, nodeHost(), processIo, early ? [early] : []).then(
    async (code) => {
      // A build that did not get to render leaves the early worker idle: stop it so the process can exit.
      await early?.terminate();
      process.exitCode = code;
      // Dropped files: the result stays until a key. (A double click runs `edit`, src/sea/standalone-args.ts: the window is its server's, closed to end it.)
      if (droppedFiles(argv.slice(2)) && ownConsoleWindow()) await waitForKey();
      exitWhenWritten();
    },
    (error: unknown) => {
      process.stderr.write(internalErrorLine(error));
      process.exitCode = EXIT.internal;
    },
  );
}

/**
 * Ends the process now if all it printed has been handed to the system, which skips tearing down
 * this thread's heap page by page (~10 ms of every run on this VM); otherwise (a pipe that has not
 * taken everything yet: pipes are asynchronous on POSIX) it ends by itself once the writes finish.
 */
function exitWhenWritten(): void {
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
}

/**
 * A standalone program started from Explorer (a double click, a drop on its icon) runs in a console
 * window of its own, which closes when it exits; stdin is that console. An npm install is run from a
 * shell, whose window stays.
 */
const ownConsoleWindow = () => Boolean(process.stdin.isTTY) && (require('node:sea') as typeof import('node:sea')).isSea();

/** Keeps the window open, showing the result, until the clerk presses a key. */
function waitForKey(): Promise<void> {
  process.stderr.write('\n按任意键关闭窗口… / press any key to close this window');
  return new Promise((resolve) => {
    process.stdin.setRawMode(true);
    process.stdin.resume();
    process.stdin.once('data', () => {
      process.stdin.setRawMode(false);
      process.stdin.pause();
      process.stderr.write('\n');
      resolve();
    });
  });
}

// The same bundle runs in task worker threads (loaded by boot.ts; core/worker-tasks.ts, loaded only there): there it serves requests.
if (isTaskWorker()) void import('../core/worker-tasks').then((workers) => workers.serveTasks());
