import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { builtin } from '../core/builtin.js';
import { SmsmonError, type ExitCode } from '../core/errors.js';
import type { LogRecord } from '../core/record.js';
import type { ScanStats, ScanStatsState } from '../operators/scanStats.js';
import { AUTO_SHARD_MIN_BYTES, planShards } from './shardPlan.js';
import type { Progress } from '../sinks/progress.js';
import type { LogInput } from '../sources/resolveInputs.js';
import { compileQuery, type CompiledQuery } from './compileQuery.js';
import { progressFor, scanRecords } from './scanRecords.js';
import type { MergeableOperator, ShardJob, ShardTask } from './shardJobs.js';
import type { ShardMessage } from './shardWorker.js';
import { filesInWindow } from './readers/windowFiles.js';

/** Auto mode uses at most this many threads: past it, reading from the page cache is the limit. */
const MAX_AUTO_THREADS = 4;
/**
 * Auto mode starts threads only with at least this many cores. On 2 vCPUs two threads gain only
 * on the largest corpus, for more peak RSS (README, --threads); and on a 2-core host a cron job
 * should leave a core to the app it watches. --threads N still asks for them.
 */
const MIN_AUTO_CORES = 4;

export type ShardedScan = ShardJob & {
  /** Built by this thread from `spec`: it reads the first shard and takes in the others. */
  operator: MergeableOperator;
  keyword?: string;
  threads: number | 'auto';
};

/**
 * scanRecords, with one input's files split into consecutive shards read by worker threads at
 * the same time. Each shard's operator state is merged in file order, so the result is the one a
 * single pass gives. Falls back to one pass when the input cannot be split (planShards).
 */
export async function scanSharded(query: CompiledQuery, scan: ShardedScan): Promise<ScanStats> {
  const { operator, keyword, threads, ...job } = scan;
  const auto = threads === 'auto';
  const cores = availableParallelism();
  const count = auto ? (cores >= MIN_AUTO_CORES ? Math.min(MAX_AUTO_THREADS, cores) : 1) : threads;
  // A time window's threads share the files it reads, not the family's.
  const inputs = query.inputs.map((input) => filesInWindow(input, query));
  const shards = await planShards(inputs, count, auto ? AUTO_SHARD_MIN_BYTES : 0);
  const visit = (records: readonly LogRecord[]): void => operator.push(records);
  const values = operator.keywordValues?.();
  if (!shards) return scanRecords(query, { progress: true, keyword, values, visit });

  const progress = await progressFor(query, true);
  // Every thread compiles the same spec: --since 1h is the instant this thread resolved.
  const shardQuery = (input: LogInput) => ({ ...query.spec, inputs: [input] });
  const workers = shards
    .slice(1)
    .map((input) => startShard({ ...job, query: shardQuery(input), keyword }, progress));
  try {
    const first = compileQuery(shardQuery(shards[0]!));
    const stats = await scanRecords(first, { progress, keyword, values, visit });
    for (const worker of workers) {
      const done = await worker.result;
      operator.mergeState(done.state);
      stats.mergeState(done.stats);
    }
    return stats;
  } finally {
    progress.stop();
    for (const worker of workers) void worker.thread.terminate();
  }
}

interface RunningShard {
  thread: Worker;
  result: Promise<{ state: unknown; stats: ScanStatsState }>;
}

function startShard(task: ShardTask, progress: Progress): RunningShard {
  const { Worker } = builtin<typeof import('node:worker_threads')>('node:worker_threads');
  const thread = new Worker(new URL('./shardWorker.js', import.meta.url), {
    workerData: task,
    // A worker does not inherit process.setSourceMapsEnabled (bin/smsmon.js, SMSMON_DEBUG=1).
    ...(process.sourceMapsEnabled ? { execArgv: [...process.execArgv, '--enable-source-maps'] } : {}),
  });
  const result = new Promise<{ state: unknown; stats: ScanStatsState }>((resolve, reject) => {
    thread.on('message', (message: ShardMessage) => {
      if (message.kind === 'bytes') progress.add(message.bytes);
      else if (message.kind === 'done')
        resolve({ state: message.state, stats: message.stats as ScanStatsState });
      else if (message.kind === 'failed')
        reject(new SmsmonError(message.message, message.exitCode as ExitCode, message.hint));
      else reject(threadCrash(message));
    });
    // An error the worker could not catch (one in its start-up, say) arrives here: still internal, 70.
    thread.on('error', reject);
    thread.on('exit', (code) => reject(new Error(`a scan thread exited (code ${code}) before its result`)));
  });
  result.catch(() => undefined); // awaited in order; a failure before its turn is not unhandled
  return { thread, result };
}

/** The worker's error as one line for everyone, its stack kept for SMSMON_DEBUG=1. */
function threadCrash(message: { message: string; stack: string }): Error {
  const error = new Error(`a scan thread failed: ${message.message}`);
  error.stack = message.stack;
  return error;
}
