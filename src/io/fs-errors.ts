/**
 * File-system failures in words a user can act on. Node's own text ("EACCES: permission denied, open …")
 * is English and names the temp file rather than the one the user gave.
 */

const REASONS: Record<string, string> = {
  ENOENT: '文件不存在',
  ENOTDIR: '路径中的某一级不是文件夹',
  EISDIR: '这是一个文件夹，不是文件',
  EACCES: '没有权限（请检查文件或文件夹的权限）',
  EPERM: '操作不被允许（请检查文件或文件夹的权限）',
  EROFS: '所在的磁盘或文件夹是只读的',
  ENOSPC: '磁盘空间已满',
  EDQUOT: '磁盘配额已用完',
  EEXIST: '同名文件已存在',
  EBUSY: '文件正被其他程序占用',
  EMFILE: '打开的文件太多',
  ENAMETOOLONG: '文件名或路径太长',
  ELOOP: '符号链接层数太多（可能链接到了自己）',
  EIO: '读写磁盘时出错（输入/输出错误）',
  EFBIG: '文件超过了文件系统允许的大小',
  EXDEV: '不能跨磁盘移动文件',
  EINVAL: '路径无效',
};

/** The error's code, when it is a Node file-system error. */
export function fsCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/** Why a file operation failed, in Chinese (the code kept for a search or a support question). */
export function fsReason(err: unknown): string {
  const code = fsCode(err);
  if (!code) return String((err as Error)?.message ?? err);
  return `${REASONS[code] ?? '文件系统错误'}（${code}）`;
}
