/**
 * A file the host's guarded reader did not read (host.ts ReadFailure), said to the user: as the
 * diagnostic of a file given to read, and as a reason in both languages for messages that name
 * the file themselves (a manifest, an entry of one). No errno code reaches a Chinese message.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { ReadFailure } from '../host';
import { systemReason } from '../diagnostics/system-error';

/** A size in KiB, as RPT1016 states a report's size against its 1 MiB limit. */
const kib = (n: number) => `${Math.ceil(n / 1024)} KiB`;
/** A size as people read it: KiB up to a few MB, then MB (of 1024 × 1024 bytes, as file managers count them). */
const size = (n: number) => (n < 4 * 1024 * 1024 ? kib(n) : `${Math.ceil(n / 1024 / 1024)} MB`);

/** Why a file was not read, in Chinese and English. */
export function readFailureReason(failure: ReadFailure): { zh: string; en: string } {
  switch (failure.kind) {
    case 'missing':
      return { zh: '文件不存在', en: 'no such file' };
    case 'directory':
      return { zh: '这是文件夹', en: 'a folder' };
    case 'special':
      return { zh: '不是普通文件（设备、管道或套接字）', en: 'not a regular file (a device, pipe or socket)' };
    case 'too-large':
      return {
        zh: `文件过大（${size(failure.size)}），上限为 ${size(failure.limit)}`,
        en: `too large (${size(failure.size)}; the limit is ${size(failure.limit)})`,
      };
    case 'unreadable':
      return errnoReason(failure.reason);
  }
}

/** An errno code of a failed read or write in words (system-error.ts); the English keeps the code for a search. */
export function errnoReason(code: string): { zh: string; en: string } {
  return { zh: systemReason(code, 'zh'), en: systemReason(code, 'en') };
}

/** The diagnostic of a file given to read (a report, --previous, stdin), placed on the file. */
export function readFailureDiagnostic(failure: ReadFailure, file: string): Diagnostic {
  const diagnostic = (() => {
    switch (failure.kind) {
      case 'missing':
        return makeDiagnostic('RPT1007', null, { path: file });
      case 'directory':
        return makeDiagnostic('RPT1008', null, { path: file });
      case 'special':
        return makeDiagnostic('RPT1020', null, { path: file });
      case 'too-large':
        return makeDiagnostic('RPT1016', null, { size: kib(failure.size), limit: kib(failure.limit) });
      case 'unreadable': {
        const reason = readFailureReason(failure);
        return makeDiagnostic('RPT1009', null, { path: file, reason: reason.zh, reasonEn: reason.en });
      }
    }
  })();
  return { ...diagnostic, file };
}
