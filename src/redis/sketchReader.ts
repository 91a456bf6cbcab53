import type { RedisClient } from './redisClient.js';
import type { RedisLayout } from './redisLayout.js';

/** One host's sketch of one name, as stored with its snapshot of `timestamp`. */
export interface SketchAt {
  readonly host: string;
  readonly name: string;
  readonly timestamp: number;
}

/**
 * The sketch text each host stored beside its snapshot of exactly `timestamp` (snapshotWriter's
 * `<time>:<sketch text>` members), in the order asked; null where there is none: a snapshot of an
 * older writer, one past the retention, or the guide layout (which keeps no sketches).
 */
export async function readSketchesAt(
  redis: RedisClient,
  layout: RedisLayout,
  wanted: readonly SketchAt[],
): Promise<Array<string | null>> {
  const pipeline = redis.pipeline();
  const asked: boolean[] = [];
  for (const { host, name, timestamp } of wanted) {
    const key = host === '' ? null : layout.sketchKey(host, name);
    asked.push(key !== null);
    if (key !== null) pipeline.zrangebyscore(key, timestamp, timestamp);
  }
  const replies = asked.some(Boolean) ? ((await pipeline.exec()) ?? []) : [];
  let reply = 0;
  return wanted.map(({ timestamp }, i) => {
    if (!asked[i]) return null;
    const [error, members] = replies[reply++] ?? [null, []];
    if (error) throw error;
    const start = `${timestamp}:`;
    const member = (members as string[]).find((m) => m.startsWith(start));
    return member === undefined ? null : member.slice(start.length);
  });
}
