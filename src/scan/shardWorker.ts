import { parentPort, workerData } from 'node:worker_threads';
import { SmsmonError, errorLine } from '../core/errors.js';
import { compileQuery } from './compileQuery.js';
import { scanRecords } from './scanRecords.js';
import { operatorFor, type ShardTask } from './shardJobs.js';

/** Messages a shard worker posts to the thread that started it. */
export type ShardMessage =
  | { kind: 'bytes'; bytes: number }
  | { kind: 'done'; state: unknown; stats: unknown }
  | { kind: 'failed'; message: string; exitCode: number; hint?: string }
  | { kind: 'crashed'; message: string; stack: string };

/** Progress is posted at most this often (in bytes read), not per chunk. */
const BYTES_PER_MESSAGE = 8 * 1024 * 1024;

async function scanShard(task: ShardTask, post: (message: ShardMessage) => void): Promise<void> {
  const query = compileQuery(task.query);
  const operator = operatorFor(task);
  let unreported = 0;
  const stats = await scanRecords(query, {
    progress: false,
    keyword: task.keyword,
    values: operator.keywordValues?.(),
    onBytes: (bytes) => {
      unreported += bytes;
      if (unreported < BYTES_PER_MESSAGE) return;
      post({ kind: 'bytes', bytes: unreported });
      unreported = 0;
    },
    visit: (records) => operator.push(records),
  });
  if (unreported > 0) post({ kind: 'bytes', bytes: unreported });
  post({ kind: 'done', state: operator.exportState(), stats: stats.exportState() });
}

if (parentPort) {
  const port = parentPort;
  const post = (message: ShardMessage): void => port.postMessage(message);
  // A promise chain, not a top-level await: the bundle (scripts/bundle.mjs) is CommonJS, which has none.
  scanShard(workerData as ShardTask, post).catch((error: unknown) => {
    if (error instanceof SmsmonError)
      post({ kind: 'failed', message: error.message, exitCode: error.exitCode, hint: error.hint });
    else
      post({
        kind: 'crashed',
        message: errorLine(error),
        stack: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
  });
}
