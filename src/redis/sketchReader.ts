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
 * older writer, one past the retention, or the guide layout (which keeps no sketches). One command
 * per host rather than one pipeline: on a cluster the hosts' keys lie in different slots.
 */
export async function readSketchesAt(
  redis: RedisClient,
  layout: RedisLayout,
  wanted: readonly SketchAt[],
): Promise<Array<string | null>> {
  return Promise.all(
    wanted.map(async ({ host, name, timestamp }) => {
      const key = host === '' ? null : layout.sketchKey(host, name);
      if (key === null) return null;
      const start = `${timestamp}:`;
      const member = (await redis.zrangebyscore(key, timestamp, timestamp)).find((m) => m.startsWith(start));
      return member === undefined ? null : member.slice(start.length);
    }),
  );
}
