import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SourceError, describeFsError as reason } from '../core/errors.js';
import { LOG_DIR_HINT } from './logDir.js';
import { sourceFor, type LogSource } from './logSource.js';

/** A rotated sibling: app.log.3 or app.log.3.gz; index 0 is the live file. */
interface Sibling {
  name: string;
  index: number;
  gzip: boolean;
}

/**
 * The files of one family, oldest first: app.log.10(.gz) … app.log.1, app.log.
 * When both app.log.3 and app.log.3.gz exist (gzip -k, or a compression in progress) the
 * plain one is read, so no record is read twice.
 */
export async function discoverFamily(dir: string, fileName: string, dirText = dir): Promise<LogSource[]> {
  const names = await listDir(dir, dirText);
  const byIndex = new Map<number, Sibling>();
  const pattern = new RegExp(`^${fileName.replace(/[.]/g, '\\.')}(?:\\.(\\d+))?(\\.gz)?$`);
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    const sibling = { name, index: m[1] === undefined ? 0 : Number(m[1]), gzip: m[2] !== undefined };
    const seen = byIndex.get(sibling.index);
    if (!seen || (seen.gzip && !sibling.gzip)) byIndex.set(sibling.index, sibling);
  }
  return [...byIndex.values()].sort((a, b) => b.index - a.index).map((s) => sourceFor(join(dir, s.name)));
}

async function listDir(dir: string, dirText: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    throw new SourceError(`cannot read log directory ${dirText}: ${reason(error)}`, LOG_DIR_HINT);
  }
}

/** Checks that an explicit file can be read, with a one-line reason when not. */
export async function checkReadable(path: string): Promise<void> {
  try {
    const info = await stat(path);
    if (info.isDirectory())
      throw new SourceError(`cannot read ${path}: is a directory (did you mean --dir ${path}?)`);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(`cannot read ${path}: ${reason(error)}`);
  }
}
