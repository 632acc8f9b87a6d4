/**
 * A file the host's guarded reader did not read (host.ts ReadFailure), said to the user: as the
 * diagnostic of a file given to read, and as a reason in both languages for messages that name
 * the file themselves (a manifest, an entry of one). No errno code reaches a Chinese message.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { ReadFailure } from '../host';

/** Common errno codes in words; any other is quoted as it is after the words. */
const ERRNO: Readonly<Record<string, readonly [string, string]>> = {
  EACCES: ['没有权限', 'permission denied'],
  EPERM: ['系统不允许', 'operation not permitted'],
  ENOSPC: ['磁盘已满', 'no space left on the disk'],
  EROFS: ['只读的磁盘', 'a read-only file system'],
  EEXIST: ['文件已存在', 'the file exists'],
  ENOENT: ['文件夹不存在', 'no such folder'],
  EISDIR: ['这是文件夹', 'a folder'],
  ELOOP: ['符号链接循环', 'a loop of symbolic links'],
  EIO: ['磁盘读取出错', 'an I/O error'],
  ENAMETOOLONG: ['路径过长', 'the path is too long'],
  EMFILE: ['同时打开的文件过多', 'too many open files'],
};

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

/** An errno code of a failed read or write in words, the code after them for whoever searches it. */
export function errnoReason(code: string): { zh: string; en: string } {
  const [zh, en] = ERRNO[code] ?? ['系统拒绝', 'refused by the system'];
  return { zh: `${zh}，${code}`, en: `${en}, ${code}` };
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
