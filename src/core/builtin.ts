import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * A built-in module loaded when first used, not with the module that names it: a scan only
 * needs node:zlib for a .gz and node:worker_threads for --threads, and loading either costs
 * start-up. The same module object as an import.
 */
export function builtin<T>(id: `node:${string}`): T {
  return load(id) as T;
}
