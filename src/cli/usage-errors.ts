/**
 * Commander's own usage errors (unknown option or command, missing argument or option value, too
 * many arguments, a value not among the choices) in the CLI's language: Chinese, or English with
 * `--lang en` anywhere on the command line. Commander reports each through one method, which
 * LocalizedCommand overrides (by the names commander 14 calls), so no English text is parsed.
 */
import { Command, CommanderError, Option } from 'commander';
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
    unknownOption: (flag: string) => `未知选项 ${flag}（report --help 列出全部选项）`,
    unknownCommand: (name: string) => `未知命令 ${name}（可用命令：validate、build、init、fonts）`,
    missingArgument: (name: string) => `缺少参数 <${name}>`,
    optionMissingArgument: (flags: string) => `选项 ${flags} 缺少值`,
    excessArguments: (command: string, expected: number, got: number) => `${command} 最多接受 ${expected} 个参数，实际给出 ${got} 个`,
    invalidChoice: (flags: string, value: string, choices: readonly string[]) => `选项 ${flags} 的值“${value}”无效，可选：${choices.join('、')}`,
  },
  en: {
    prefix: 'error: ',
    unknownOption: (flag: string) => `unknown option ${flag} (report --help lists every option)`,
    unknownCommand: (name: string) => `unknown command ${name} (commands: validate, build, init, fonts)`,
    missingArgument: (name: string) => `missing argument <${name}>`,
    optionMissingArgument: (flags: string) => `option ${flags} needs a value`,
    excessArguments: (command: string, expected: number, got: number) => `too many arguments for ${command} (takes ${expected}, got ${got})`,
    invalidChoice: (flags: string, value: string, choices: readonly string[]) => `option ${flags}: "${value}" is not one of ${choices.join(', ')}`,
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
    return new LocalizedCommand(name, this.lang);
  }

  private fail(message: string, code: string): never {
    return this.error(`${text[this.lang].prefix}${message}`, { code, exitCode: EXIT.usage });
  }

  unknownOption(flag: string): never {
    return this.fail(text[this.lang].unknownOption(flag), 'commander.unknownOption');
  }

  unknownCommand(): never {
    return this.fail(text[this.lang].unknownCommand(String(this.args[0])), 'commander.unknownCommand');
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
