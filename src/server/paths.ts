import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';

/** Extensions a goal document may have when uploaded. */
export const UPLOAD_EXTENSIONS = ['.txt', '.docx', '.xlsx', '.json'] as const;

/**
 * A path the page names, resolved inside the workspace or refused: no absolute paths, no `..`, no NUL, and no
 * symbolic link that leads out (the nearest existing ancestor is resolved and must still be inside).
 */
export function insideWorkspace(root: string, rel: string): string {
  const refuse = () => new UserError(`拒绝访问：${rel.slice(0, 200)} 不在工作文件夹内`);
  if (rel.includes('\0') || isAbsolute(rel) || /^[a-z]:/i.test(rel) || rel.split(/[\\/]/).includes('..'))
    throw refuse();
  const realRoot = realpathSync(root);
  const full = resolve(realRoot, rel);
  if (!within(realRoot, full)) throw refuse();
  let probe = full;
  while (!existsSync(probe)) probe = dirname(probe);
  if (!within(realRoot, realpathSync(probe))) throw refuse();
  if (existsSync(full) && !within(realRoot, realpathSync(full))) throw refuse();
  return full;
}

const within = (root: string, p: string) => p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);

/**
 * The file name an upload is stored under: its base name only, letters, digits, CJK, space, - _ . ( ), and one
 * of the goal-document extensions; Windows device names and hidden names are refused.
 */
export function uploadName(name: string): string {
  const base = basename(name.replace(/\\/g, '/')).trim();
  const ext = base.slice(base.lastIndexOf('.')).toLowerCase();
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(ext))
    throw new UserError(`只能上传绩效目标文档（.txt、.docx、.xlsx）或目标表 JSON，收到“${base.slice(0, 100)}”`);
  const stem = base.slice(0, base.length - ext.length);
  if (
    stem.length === 0 ||
    stem.length > 120 ||
    stem.startsWith('.') ||
    !/^[\p{L}\p{N} _\-.()（）]+$/u.test(stem) ||
    /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem)
  )
    throw new UserError(`文件名“${base.slice(0, 100)}”不可用：请只用文字、数字、空格和 - _ . ( )`);
  return `${stem}${ext}`;
}

/** Path as the page shows it: relative to the workspace, forward slashes. */
export const shown = (root: string, p: string) => relative(root, p).split(sep).join('/');
