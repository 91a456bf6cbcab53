import { join } from 'node:path';
import { FAMILIES, FAMILY_NAMES } from '../core/families.js';
import { SourceError, unknownChoice } from '../core/errors.js';
import { checkReadable, discoverFamily } from './discover.js';
import { describeLogDir, LOG_DIR_HINT, type LogDir } from './logDir.js';
import { sourceFor, type LogSource } from './logSource.js';

/** One thing the user named: a family (all its rotated files), a file, or stdin. */
export interface LogInput {
  /** Family name, file path or '-'. */
  label: string;
  /** Oldest first. */
  sources: LogSource[];
  /** The family's default format; undefined for a file or stdin (detected from its lines). */
  format?: string;
  /** The path a follower watches (the live file of a family, or the file itself). */
  livePath: string | null;
}

export interface ResolveOptions {
  /** Where the families are, and which rule chose it (logDir.ts). */
  dir: LogDir;
  /** Follow mode: a family whose file does not exist yet is fine, it is waited for. */
  allowMissing: boolean;
}

/**
 * Resolves command-line arguments: `app`, `errors`, `sms`, a path, or `-`. A bare word that is
 * neither a family nor an existing file is reported as an unknown family with the valid choices.
 */
export async function resolveInputs(args: readonly string[], options: ResolveOptions): Promise<LogInput[]> {
  const inputs: LogInput[] = [];
  for (const arg of args) inputs.push(await resolveOne(arg, options));
  return inputs;
}

async function resolveOne(arg: string, { dir, allowMissing }: ResolveOptions): Promise<LogInput> {
  if (arg === '-') return { label: '-', sources: [sourceFor('-')], livePath: null };
  const family = FAMILIES[arg];
  if (family) {
    const sources = await discoverFamily(dir.path, family.fileName, describeLogDir(dir));
    if (sources.length === 0 && !allowMissing) {
      throw new SourceError(`no ${family.fileName} in ${describeLogDir(dir)}`, LOG_DIR_HINT);
    }
    return { label: arg, sources, format: family.format, livePath: join(dir.path, family.fileName) };
  }
  const looksLikeWord = /^[a-z]+$/i.test(arg);
  try {
    await checkReadable(arg);
  } catch (error) {
    if (looksLikeWord) throw unknownChoice('family', arg, FAMILY_NAMES);
    if (!allowMissing) throw error;
  }
  return { label: arg, sources: [sourceFor(arg, true)], livePath: arg };
}
