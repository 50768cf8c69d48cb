/**
 * The only way the checker and the build read the bank's folder. A pull request can add a
 * symbolic link as easily as a file; followed, a link to a file elsewhere on the build machine
 * would be read and published, and a link to a folder would list that folder. So only regular
 * files inside the content folder count: links (to files or folders) and special files are
 * listed apart, never followed, and refused by the checker with their path.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Larger than any city report (the Irkutsk 2013 material is 13 KB); a bigger file is refused unread. */
export const MAX_FILE_BYTES = 1024 * 1024;

interface ContentFile {
  /** Path inside the folder, with `/`. */
  path: string;
  absolute: string;
  size: number;
}

interface RefusedEntry {
  path: string;
  absolute: string;
  kind: 'symlink' | 'special';
}

/**
 * Every regular file under `folder` (sorted), without following links; hidden names (`.git`,
 * `.DS_Store`) are skipped. A folder that is itself a link is refused as a whole.
 */
export function listContentFiles(folder: string, options: { recursive?: boolean } = {}): { files: ContentFile[]; refused: RefusedEntry[] } {
  const files: ContentFile[] = [];
  const refused: RefusedEntry[] = [];
  let top;
  try {
    top = lstatSync(folder);
  } catch {
    return { files, refused };
  }
  if (top.isSymbolicLink()) return { files, refused: [{ path: '', absolute: folder, kind: 'symlink' }] };
  if (!top.isDirectory()) return { files, refused };
  const stack: string[] = [''];
  for (let dir = stack.pop(); dir !== undefined; dir = stack.pop()) {
    for (const entry of readdirSync(join(folder, dir), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      const absolute = join(folder, path);
      if (entry.isSymbolicLink()) refused.push({ path, absolute, kind: 'symlink' });
      else if (entry.isDirectory()) {
        if (options.recursive !== false) stack.push(path);
      } else if (entry.isFile()) files.push({ path, absolute, size: lstatSync(absolute).size });
      else refused.push({ path, absolute, kind: 'special' });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  refused.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, refused };
}

/** Why a path is refused, in the editors' words. */
export function refusedMessage(entry: RefusedEntry): string {
  return entry.kind === 'symlink'
    ? 'символическая ссылка (symlink): банк читает только обычные файлы внутри папки материалов и не переходит по ссылкам; положите сюда сам файл'
    : 'не обычный файл (устройство, канал или сокет): банк читает только обычные файлы';
}

export function fileSizeMessage(size: number): string {
  return `файл занимает ${Math.ceil(size / 1024)} КБ, больше допустимых ${MAX_FILE_BYTES / 1024} КБ; разделите материал на несколько файлов`;
}

/**
 * Thrown when a file the checker listed is no longer a regular file, or too large, when read.
 * `rule` is the checker's rule id for it (a link or special file is refused under `symlink`,
 * as the lister's refusals are), so callers never guess it from the message.
 */
export class ContentFileError extends Error {
  readonly rule: 'symlink' | 'file-size';
  constructor(message: string, rule: 'symlink' | 'file-size') {
    super(message);
    this.name = 'ContentFileError';
    this.rule = rule;
  }
}

/**
 * Reads a file the lister returned, checking again that it is a regular file of a size the
 * parsers are meant for (it could have been swapped for a link in between).
 */
export function readContentFile(absolute: string): string {
  const stat = lstatSync(absolute);
  if (!stat.isFile()) throw new ContentFileError(refusedMessage({ path: absolute, absolute, kind: stat.isSymbolicLink() ? 'symlink' : 'special' }), 'symlink');
  if (stat.size > MAX_FILE_BYTES) throw new ContentFileError(fileSizeMessage(stat.size), 'file-size');
  return readFileSync(absolute, 'utf8');
}

/** Whether a path is a symbolic link (dangling or not), without following it. */
export function isLink(absolute: string): boolean {
  try {
    return lstatSync(absolute).isSymbolicLink();
  } catch {
    return false;
  }
}
