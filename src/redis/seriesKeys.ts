import type { RedisLayout } from './redisLayout.js';
import { memberSample, type MemberForm, type MemberSample } from './seriesMember.js';
import type { RedisClient } from './redisClient.js';

export interface KeySample extends MemberSample {
  readonly form: MemberForm;
  readonly member: string;
  /** The score as Redis sent it, so a later change of it can be noticed. */
  readonly score: string;
}

/** One metric key of the guide layout read whole: its score is not always the time. */
export interface KeyContents {
  readonly key: string;
  readonly metric: string;
  /** The key's Redis type when it is not a sorted set (nothing else is read then). */
  readonly notSortedSet?: string;
  readonly samples: readonly KeySample[];
  readonly unreadable: number;
  /** One member that is neither form, to show what is there. */
  readonly example?: string;
}

/**
 * ZRANGE 0 -1 WITHSCORES of each metric's key; keys that do not exist are left out. The guide's
 * original form is scored by value, so the time window cannot be asked of Redis.
 */
export async function readWholeKeys(
  redis: RedisClient,
  layout: RedisLayout,
  host: string,
  metrics: readonly string[],
): Promise<KeyContents[]> {
  const keys = metrics.map((metric) => layout.metricKey(host, metric));
  const pipeline = redis.pipeline();
  for (const key of keys) pipeline.zrange(key, '0', '-1', 'WITHSCORES');
  const replies = (await pipeline.exec()) ?? [];
  const contents: KeyContents[] = [];
  for (const [i, [error, reply]] of replies.entries()) {
    const key = keys[i]!;
    const metric = metrics[i]!;
    if (error) {
      if (!String(error.message).startsWith('WRONGTYPE')) throw error;
      contents.push({ key, metric, notSortedSet: await redis.type(key), samples: [], unreadable: 0 });
      continue;
    }
    const flat = reply as string[];
    if (flat.length > 0) contents.push(classified(key, metric, flat));
  }
  return contents;
}

function classified(key: string, metric: string, flat: readonly string[]): KeyContents {
  const samples: KeySample[] = [];
  let unreadable = 0;
  let example: string | undefined;
  for (let i = 0; i < flat.length; i += 2) {
    const member = flat[i]!;
    const score = flat[i + 1]!;
    const sample = memberSample(member, score);
    if (sample) samples.push({ ...sample, member, score });
    else {
      unreadable++;
      example ??= member;
    }
  }
  return { key, metric, samples, unreadable, ...(example === undefined ? {} : { example }) };
}

/** What one key of the guide layout held, for the notes `metrics show` prints. */
export interface KeySummary {
  readonly key: string;
  readonly notSortedSet?: string;
  readonly members: Readonly<Record<MemberForm, number>>;
  readonly unreadable: number;
  readonly example?: string;
  /** Samples in the guide's original form inside the window, and the newest one's time. */
  readonly guideOriginalInWindow: number;
  readonly guideOriginalNewest?: number;
}

export function keySummary(contents: KeyContents, sinceMs: number, nowMs: number): KeySummary {
  const members: Record<MemberForm, number> = { smsmon: 0, 'guide-original': 0 };
  let guideOriginalInWindow = 0;
  let guideOriginalNewest: number | undefined;
  for (const sample of contents.samples) {
    members[sample.form]++;
    if (sample.form !== 'guide-original') continue;
    if (sample.timestamp >= sinceMs && sample.timestamp <= nowMs) guideOriginalInWindow++;
    guideOriginalNewest = Math.max(guideOriginalNewest ?? sample.timestamp, sample.timestamp);
  }
  const { key, notSortedSet, unreadable, example } = contents;
  return {
    key,
    ...(notSortedSet === undefined ? {} : { notSortedSet }),
    members,
    unreadable,
    ...(example === undefined ? {} : { example }),
    guideOriginalInWindow,
    ...(guideOriginalNewest === undefined ? {} : { guideOriginalNewest }),
  };
}
