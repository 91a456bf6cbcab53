import type { ChainableCommander } from 'ioredis';

/**
 * A Lua function removing smsmon's `<time>:<value>` members scored below `below` (exclusive). A key of
 * the guide layout may also hold the guide's own samples, scored by value, not by time: a trim by
 * score alone would delete them by value, as the guide's own trim does; they stay for `metrics migrate`.
 */
export const TRIM_OWN_LUA = `
local function trimOwn(key, below)
  for _, member in ipairs(redis.call('ZRANGEBYSCORE', key, '-inf', '(' .. below)) do
    if string.find(member, ':', 1, true) then redis.call('ZREM', key, member) end
  end
end`;

const TRIM_OWN = `${TRIM_OWN_LUA}
trimOwn(KEYS[1], ARGV[1])`;

/** Queues the trim of `key`'s own members below `below` on a MULTI. */
export function queueOwnTrim(tx: ChainableCommander, key: string, below: number): ChainableCommander {
  return tx.eval(TRIM_OWN, 1, key, below);
}
