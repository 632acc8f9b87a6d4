/**
 * The operating system's error codes (errno: ENOENT, EACCES …, and Node's ERR_FS_*) in words. A
 * clerk cannot act on "EEXIST"; every message that reports a failed read or write words its reason
 * here, so no code reaches a message in either language (the English keeps it for a search).
 */
const PHRASES: Readonly<Record<string, readonly [zh: string, en: string]>> = {
  ENOENT: ['文件或文件夹不存在', 'no such file or folder'],
  ENOTDIR: ['路径中有一项不是文件夹', 'a part of the path is not a folder'],
  EISDIR: ['这是一个文件夹', 'it is a folder'],
  ERR_FS_EISDIR: ['这是一个文件夹', 'it is a folder'],
  EACCES: ['没有权限', 'permission denied'],
  EPERM: ['操作系统不允许此操作', 'operation not permitted'],
  EEXIST: ['已有同名的文件或文件夹', 'a file or folder of that name exists'],
  ENOSPC: ['磁盘空间不足', 'the disk is full'],
  EDQUOT: ['磁盘配额已用完', 'the disk quota is used up'],
  EROFS: ['磁盘是只读的', 'the disk is read-only'],
  EBUSY: ['文件正被其他程序使用', 'the file is in use by another program'],
  ETXTBSY: ['文件正被其他程序使用', 'the file is in use by another program'],
  EMFILE: ['同时打开的文件过多', 'too many open files'],
  ENFILE: ['同时打开的文件过多', 'too many open files'],
  ENAMETOOLONG: ['文件名或路径过长', 'the file name or path is too long'],
  ELOOP: ['符号链接指向自身（循环）', 'symbolic links form a loop'],
  EIO: ['磁盘读写出错', 'input/output error on the disk'],
  EXDEV: ['不能跨磁盘移动文件', 'cannot move a file across disks'],
  ENXIO: ['设备不存在', 'no such device'],
  ENODEV: ['设备不存在', 'no such device'],
  EINVAL: ['此处不能进行这一操作', 'invalid operation for this file'],
  EAGAIN: ['文件暂时无法读取', 'the file cannot be read now'],
  ENOTEMPTY: ['文件夹不是空的', 'the folder is not empty'],
  EFBIG: ['文件过大', 'the file is too large'],
  ERR_FS_FILE_TOO_LARGE: ['文件过大', 'the file is too large'],
  ETIMEDOUT: ['网络磁盘没有响应', 'the network disk did not answer'],
};

/** Looks like a system error code rather than words. */
const CODE = /^(E[A-Z0-9]+|ERR_[A-Z0-9_]+)$/;

/** A reason in the message's language: an errno code in words, other text (already words) as it is. */
export function systemReason(reason: string, lang: 'zh' | 'en'): string {
  if (!CODE.test(reason)) return reason;
  const phrase = PHRASES[reason];
  if (lang === 'zh') return phrase ? phrase[0] : '操作系统报告了错误';
  return phrase ? `${phrase[1]}, ${reason}` : `system error ${reason}`;
}
