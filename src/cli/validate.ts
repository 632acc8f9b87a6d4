/** `report validate FILE...`: check every file, print every problem, exit 0/1. */
import { checkReport } from '../check';
import type { Host } from '../host';
import { EXIT } from './exit-codes';
import type { Io } from './main';
import { fails, reportDiagnostics, type OutputOptions } from './report-diagnostics';

export function runValidate(host: Host, io: Io, files: string[], options: OutputOptions & { previous?: string }): number {
  if (options.previous !== undefined && files.length > 1) {
    io.stderr('--previous 只能与一个报告文件一起使用 / --previous takes exactly one report file\n');
    return EXIT.usage;
  }
  const checked = files.map((file) => checkReport(host, file, options.previous !== undefined ? { previous: options.previous } : {}));
  reportDiagnostics(io, checked, options);
  return checked.some((c) => fails(c, options.strict)) ? EXIT.errors : EXIT.ok;
}
