import { Cluster } from 'ioredis';
import { UsageError } from '../core/errors.js';
import type { RedisLayout } from './redisLayout.js';
import type { RedisClient } from './redisClient.js';
import { smsmonMember } from './seriesMember.js';
import { metricNames } from './seriesReader.js';
import { readWholeKeys, type KeyContents } from './seriesKeys.js';
import { queueHostsIndex } from './snapshotWriter.js';
import { TRIM_OWN_LUA } from './trimOwnMembers.js';

/** One guide-original sample and what becomes of it. */
interface PlannedMove {
  readonly member: string;
  readonly score: string;
  /** null: older than the retention before the newest sample, so removed and not written. */
  readonly to: { readonly score: number; readonly member: string } | null;
}

export interface KeyPlan {
  readonly key: string;
  readonly to: string;
  readonly moves: readonly PlannedMove[];
  /** Newest sample moved (ms); the destination is trimmed to the retention before it. */
  readonly newest: number;
}

export interface KeyMigration {
  readonly key: string;
  readonly to: string;
  /** Written into the destination (planned, with --dry-run). */
  readonly moved: number;
  /** Older than redis.retention before the newest: removed, as a snapshot's trim would. */
  readonly expired: number;
  /** Changed or removed by a writer between reading and moving: left for a rerun. */
  readonly changed: number;
  /** Members of neither form, left where they are. */
  readonly unreadable: number;
  readonly example?: string;
  readonly notSortedSet?: string;
}

export interface MigrationOptions {
  readonly from: RedisLayout;
  readonly to: RedisLayout;
  /** Files the samples under this host when `to` is per host. */
  readonly host: string;
  /** Metric names; every key under the source prefix when absent. */
  readonly metrics?: readonly string[];
  readonly retentionMs: number;
  readonly keyExpiryMs: number;
  readonly dryRun: boolean;
}

export interface MigrationResult {
  readonly keys: KeyMigration[];
  /** Keys that hold only smsmon's own form: nothing to do. */
  readonly alreadySmsmon: number;
}

/**
 * Moves one key's planned samples atomically. A sample is moved only if its member still has the
 * score read (a concurrent store_metrics may have rewritten or trimmed it); new members it added
 * are not in the plan and stay for a rerun. The trim removes only smsmon's `<time>:<value>`
 * members, so guide-original ones sharing the key (scored by value) are never lost to it.
 * KEYS[1] source, KEYS[2] destination (may be the same); ARGV[1] trim below, ARGV[2] expiry ms,
 * ARGV[3..] member, score read, new score ('' to drop), new member.
 */
const MOVE_SAMPLES = `${TRIM_OWN_LUA}
local moved, expired, changed = 0, 0, 0
for i = 3, #ARGV, 4 do
  local score = redis.call('ZSCORE', KEYS[1], ARGV[i])
  if not score or tonumber(score) ~= tonumber(ARGV[i + 1]) then
    changed = changed + 1
  else
    redis.call('ZREM', KEYS[1], ARGV[i])
    if ARGV[i + 2] == '' then
      expired = expired + 1
    else
      redis.call('ZADD', KEYS[2], ARGV[i + 2], ARGV[i + 3])
      moved = moved + 1
    end
  end
end
if moved > 0 then
  trimOwn(KEYS[2], ARGV[1])
  redis.call('PEXPIRE', KEYS[2], ARGV[2])
end
return {moved, expired, changed}`;

/** The guide-original samples of one key, as a snapshot at each sample's time would write them. */
export function planKey(contents: KeyContents, to: string, retentionMs: number): KeyPlan {
  const original = contents.samples.filter((s) => s.form === 'guide-original');
  const newest = Math.max(0, ...original.map((s) => s.timestamp));
  const moves = original.map(({ member, score, timestamp, value }) => ({
    member,
    score,
    to:
      timestamp < newest - retentionMs ? null : { score: timestamp, member: smsmonMember(timestamp, value) },
  }));
  return { key: contents.key, to, moves, newest };
}

export async function applyPlan(
  redis: RedisClient,
  plan: KeyPlan,
  opts: { retentionMs: number; keyExpiryMs: number },
): Promise<{ moved: number; expired: number; changed: number }> {
  const args = plan.moves.flatMap((m) => [m.member, m.score, m.to?.score ?? '', m.to?.member ?? '']);
  const reply = (await redis.eval(
    MOVE_SAMPLES,
    2,
    plan.key,
    plan.to,
    plan.newest - opts.retentionMs,
    opts.keyExpiryMs,
    ...args,
  )) as [number, number, number];
  return { moved: reply[0], expired: reply[1], changed: reply[2] };
}

/** Every key of `from` holding the guide's original form, rewritten into `to`. */
export async function migrateGuideKeys(redis: RedisClient, opts: MigrationOptions): Promise<MigrationResult> {
  const metrics = opts.metrics ?? (await metricNames(redis, opts.from, ''));
  const keys: KeyMigration[] = [];
  let alreadySmsmon = 0;
  for (const contents of await readWholeKeys(redis, opts.from, '', metrics)) {
    const { key, metric, unreadable, example, notSortedSet } = contents;
    const to = opts.to.metricKey(opts.host, metric);
    const found = {
      key,
      to,
      unreadable,
      ...(example === undefined ? {} : { example }),
      ...(notSortedSet === undefined ? {} : { notSortedSet }),
    };
    const plan = planKey(contents, to, opts.retentionMs);
    if (notSortedSet === undefined && plan.moves.length === 0 && unreadable === 0) {
      alreadySmsmon++;
      continue;
    }
    const done =
      opts.dryRun || plan.moves.length === 0
        ? planned(plan)
        : await applyPlan(redis, checkedPlan(redis, plan), opts);
    keys.push({ ...found, ...done });
    if (!opts.dryRun && done.moved > 0 && opts.to.perHost) {
      const index = queueHostsIndex(
        redis.multi(),
        opts.to,
        { host: opts.host, timestamp: plan.newest },
        opts,
      );
      const failed = ((await index.exec()) ?? []).find(([error]) => error);
      if (failed?.[0]) throw failed[0];
    }
  }
  return { keys, alreadySmsmon };
}

function planned(plan: KeyPlan): { moved: number; expired: number; changed: number } {
  const moved = plan.moves.filter((m) => m.to).length;
  return { moved, expired: plan.moves.length - moved, changed: 0 };
}

/** One Lua script touches both keys: on a cluster only a move within one key can run. */
function checkedPlan(redis: RedisClient, plan: KeyPlan): KeyPlan {
  if (redis instanceof Cluster && plan.key !== plan.to) {
    throw new UsageError(
      `${plan.key} and ${plan.to} may lie in different slots of the Redis Cluster`,
      'migrate in place: --to guide',
    );
  }
  return plan;
}
