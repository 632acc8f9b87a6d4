/**
 * Commander's own words in the CLI's language — its usage errors (unknown option or command, missing
 * argument or option value, too many arguments, a value not among the choices) and its help (用法,
 * 选项, 命令, 默认, 可选) — Chinese, or English with `--lang en` anywhere on the command line.
 * Commander reports each error through one method, which LocalizedCommand overrides (by the names
 * commander 14 calls), and builds help through a Help object, whose titles and option details
 * LocalizedHelp words; no English text is parsed.
 */
import { Command, CommanderError, Help, Option } from 'commander';
import { closest } from '../diagnostics/did-you-mean';
import { EXIT } from './exit-codes';

export type Lang = 'zh' | 'en';

/** The language the command line asks for, read before commander parses it (its errors need it). */
export function langOf(argv: readonly string[]): Lang {
  const args = argv.slice(2);
  const end = args.indexOf('--');
  const options = end < 0 ? args : args.slice(0, end);
  const at = options.lastIndexOf('--lang');
  const value =
    at >= 0
      ? options[at + 1]
      : options
          .filter((a) => a.startsWith('--lang='))
          .pop()
          ?.slice('--lang='.length);
  return value === 'en' ? 'en' : 'zh';
}

/** The code of a choice error: raised by the option's parser, so commander passes it through unprinted. */
export const INVALID_CHOICE = 'nianbao.invalidChoice';

const text = {
  zh: {
    prefix: '错误：',
    unknownOption: (flag: string, guess?: string) => `未知选项 ${flag}${guess ? `，是不是 ${guess}？` : ''}（report --help 列出全部选项）`,
    unknownCommand: (name: string, commands: readonly string[], guess?: string) =>
      `未知命令 ${name}${guess ? `，是不是 ${guess}？` : ''}（可用命令：${commands.join('、')}）`,
    missingArgument: (name: string) => `缺少参数 <${name}>`,
    optionMissingArgument: (flags: string) => `选项 ${flags} 缺少值`,
    excessArguments: (command: string, expected: number, got: number) => `${command} 最多接受 ${expected} 个参数，实际给出 ${got} 个`,
    invalidChoice: (flags: string, value: string, choices: readonly string[]) => `选项 ${flags} 的值“${value}”无效，可选：${choices.join('、')}`,
    mandatoryOption: (flags: string) => `缺少必需的选项 ${flags}`,
    conflictingOptions: (a: string, b: string) => `选项 ${a} 与 ${b} 不能同时使用`,
    help: '显示帮助 / display help',
    usage: { '[options]': '[选项]', '[command]': '[命令]' } as Record<string, string>,
    titles: { 'Usage:': '用法：', 'Arguments:': '参数：', 'Options:': '选项：', 'Global Options:': '全局选项：', 'Commands:': '命令：' } as Record<
      string,
      string
    >,
    details: { choices: '可选', default: '默认', preset: '预设' } as Record<string, string>,
    separator: '，',
  },
  en: {
    prefix: 'error: ',
    unknownOption: (flag: string, guess?: string) => `unknown option ${flag}${guess ? `, did you mean ${guess}?` : ''} (report --help lists every option)`,
    unknownCommand: (name: string, commands: readonly string[], guess?: string) =>
      `unknown command ${name}${guess ? `, did you mean ${guess}?` : ''} (commands: ${commands.join(', ')})`,
    missingArgument: (name: string) => `missing argument <${name}>`,
    optionMissingArgument: (flags: string) => `option ${flags} needs a value`,
    excessArguments: (command: string, expected: number, got: number) => `too many arguments for ${command} (takes ${expected}, got ${got})`,
    invalidChoice: (flags: string, value: string, choices: readonly string[]) => `option ${flags}: "${value}" is not one of ${choices.join(', ')}`,
    mandatoryOption: (flags: string) => `required option ${flags} not given`,
    conflictingOptions: (a: string, b: string) => `option ${a} cannot be used with ${b}`,
    help: '显示帮助 / display help',
    usage: {} as Record<string, string>,
    titles: {} as Record<string, string>,
    details: {} as Record<string, string>,
    separator: ', ',
  },
} as const;

/** A Command whose usage errors speak `lang` and exit 2; its subcommands are LocalizedCommands too. */
export class LocalizedCommand extends Command {
  constructor(
    name: string | undefined,
    readonly lang: Lang,
  ) {
    super(name);
  }

  override createCommand(name?: string): Command {
    return new LocalizedCommand(name, this.lang).helpOption('-h, --help', text[this.lang].help);
  }

  override createHelp(): Help {
    return Object.assign(new LocalizedHelp(this.lang), this.configureHelp());
  }

  /** The `help [command]` command, described in this command's language. */
  localizedHelpCommand(): this {
    return this.helpOption('-h, --help', text[this.lang].help).helpCommand('help [command]', text[this.lang].help);
  }

  private fail(message: string, code: string): never {
    return this.error(`${text[this.lang].prefix}${message}`, { code, exitCode: EXIT.usage });
  }

  unknownOption(flag: string): never {
    // The long options of this command and of the commands above it (a global option may be meant).
    const longs: string[] = [];
    for (let command: Command | null = this; command; command = command.parent) {
      for (const option of command.options) if (option.long) longs.push(option.long);
    }
    const guess = flag.startsWith('--') ? closest(flag, longs) : undefined;
    return this.fail(text[this.lang].unknownOption(flag, guess), 'commander.unknownOption');
  }

  unknownCommand(): never {
    const commands = this.commands.map((command) => command.name());
    const name = String(this.args[0]);
    return this.fail(text[this.lang].unknownCommand(name, commands, closest(name, commands)), 'commander.unknownCommand');
  }

  missingMandatoryOptionValue(option: Option): never {
    return this.fail(text[this.lang].mandatoryOption(option.flags), 'commander.missingMandatoryOptionValue');
  }

  _conflictingOption(option: Option, conflicting: Option): never {
    return this.fail(text[this.lang].conflictingOptions(option.flags, conflicting.flags), 'commander.conflictingOption');
  }

  missingArgument(name: string): never {
    return this.fail(text[this.lang].missingArgument(name), 'commander.missingArgument');
  }

  optionMissingArgument(option: Option): never {
    return this.fail(text[this.lang].optionMissingArgument(option.flags), 'commander.optionMissingArgument');
  }

  _excessArguments(received: unknown[]): never {
    return this.fail(text[this.lang].excessArguments(this.name(), this.registeredArguments.length, received.length), 'commander.excessArguments');
  }

  /** An option that takes one of `choices` (shown in --help); another value is a usage error in this command's language. */
  choiceOption(flags: string, description: string, choices: readonly string[]): Option {
    return new Option(flags, description).choices(choices).argParser((value: string) => {
      if (choices.includes(value)) return value;
      throw new CommanderError(EXIT.usage, INVALID_CHOICE, `${text[this.lang].prefix}${text[this.lang].invalidChoice(flags, value, choices)}`);
    });
  }
}

/** Help whose titles and option details (choices, default) are in the CLI's language. */
class LocalizedHelp extends Help {
  constructor(readonly lang: Lang) {
    super();
  }

  /** The usage line: `report build [选项] <files...>`. */
  override commandUsage(command: Command): string {
    return this.localizeUsage(super.commandUsage(command));
  }

  /** A command in the list of commands: `build [选项] <files...>`. */
  override subcommandTerm(command: Command): string {
    return this.localizeUsage(super.subcommandTerm(command));
  }

  private localizeUsage(usage: string): string {
    const words = text[this.lang].usage;
    return usage.replace(/\[(options|command)\]/g, (word) => words[word] ?? word);
  }

  override styleTitle(title: string): string {
    return super.styleTitle(text[this.lang].titles[title] ?? title);
  }

  override optionDescription(option: Option): string {
    return this.localizeDetails(super.optionDescription(option));
  }

  override argumentDescription(argument: Parameters<Help['argumentDescription']>[0]): string {
    return this.localizeDetails(super.argumentDescription(argument));
  }

  /** Commander appends "(choices: …, default: …)" to a description: its words, in this language. */
  private localizeDetails(description: string): string {
    const { details, separator } = text[this.lang];
    return description.replace(/ ?\((choices|default|preset): (.*)\)$/, (_, first: string, rest: string) => {
      const words = `${first}: ${rest}`.replace(
        /(^|, )(choices|default|preset): /g,
        (_m, sep: string, word: string) => `${sep ? separator : ''}${details[word] ?? word}${details[word] ? '：' : ': '}`,
      );
      return this.lang === 'zh' ? `（${words}）` : ` (${words})`;
    });
  }
}
