import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceError, UsageError } from '../core/errors.js';
import { TEST_REDIS_URL } from '../../test/kit/redisScratch.js';
import { closeRedis, connectRedis, openRedis, redisReady } from './redisConnection.js';

test('openRedis connects to the real Redis', async () => {
  const redis = await openRedis(TEST_REDIS_URL, { connectTimeoutMs: 2000 });
  try {
    assert.equal(await redis.ping(), 'PONG');
  } finally {
    await closeRedis(redis);
  }
});

test(
  'a database index the server does not have is refused, never silently database 0',
  { timeout: 10_000 },
  async () => {
    const redis = await openRedis(TEST_REDIS_URL, { connectTimeoutMs: 2000 });
    const databases = Number((await redis.config('GET', 'databases'))[1]);
    await closeRedis(redis);
    await assert.rejects(openRedis(`${TEST_REDIS_URL}/${databases}`, { connectTimeoutMs: 2000 }), (error) => {
      assert.ok(error instanceof UsageError);
      assert.match(
        error.message,
        new RegExp(`^Redis at 127\\.0\\.0\\.1:6379: cannot use database ${databases}: .*out of range`),
      );
      return true;
    });
    const last = await openRedis(`${TEST_REDIS_URL}/${databases - 1}`, { connectTimeoutMs: 2000 });
    try {
      assert.equal(await last.ping(), 'PONG');
    } finally {
      await closeRedis(last);
    }
  },
);

test('a closed port fails at once with one line naming the address and not the password', async () => {
  const started = Date.now();
  await assert.rejects(
    openRedis('redis://ops:hunter2@127.0.0.1:1/0', { connectTimeoutMs: 1500 }),
    (error) => {
      assert.ok(error instanceof SourceError);
      assert.match(error.message, /^Redis at 127\.0\.0\.1:1 not reachable: .*ECONNREFUSED/);
      assert.doesNotMatch(error.message, /hunter2|\n/);
      return true;
    },
  );
  assert.ok(Date.now() - started < 1500, 'no reconnect loop');
});

test('a server that never answers fails within the connect timeout', async () => {
  // 192.0.2.0/24 is TEST-NET-1: packets go nowhere (or the route is refused at once).
  const started = Date.now();
  await assert.rejects(openRedis('redis://192.0.2.1:6379', { connectTimeoutMs: 300 }), SourceError);
  assert.ok(Date.now() - started < 2000);
});

test('concurrent redisReady calls share one connection attempt', async () => {
  const redis = connectRedis(TEST_REDIS_URL, { connectTimeoutMs: 2000 });
  try {
    await Promise.all([redisReady(redis), redisReady(redis)]);
    assert.equal(redis.status, 'ready');
  } finally {
    await closeRedis(redis);
  }
});

test('before redisReady a lazy client fails commands instead of queueing them', async () => {
  const redis = connectRedis(TEST_REDIS_URL, { connectTimeoutMs: 2000 });
  try {
    await assert.rejects(redis.ping());
  } finally {
    await closeRedis(redis);
  }
});
