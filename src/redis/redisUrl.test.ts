import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../core/errors.js';
import { redisClientConfig } from './redisConnection.js';
import { describeRedisEndpoint, parseRedisUrl, redactRedisUrl } from './redisUrl.js';

const timeouts = { connectTimeoutMs: 1500 };

test('redis:// with user, password and db becomes standalone ioredis options', () => {
  const endpoint = parseRedisUrl('redis://ops:s%40cret@cache.internal:6380/2');
  assert.deepEqual(endpoint, {
    kind: 'standalone',
    address: { host: 'cache.internal', port: 6380 },
    tls: false,
    db: 2,
    username: 'ops',
    password: 's@cret',
  });
  const config = redisClientConfig(endpoint, timeouts);
  assert.equal(config.kind, 'redis');
  const { retryStrategy, ...options } = config.options;
  assert.deepEqual(options, {
    connectTimeout: 1500,
    commandTimeout: 1500,
    maxRetriesPerRequest: 1,
    username: 'ops',
    password: 's@cret',
    lazyConnect: true,
    enableOfflineQueue: false,
    db: 2,
    host: 'cache.internal',
    port: 6380,
  });
  assert.deepEqual(
    [1, 2, 3, 10].map((n) => retryStrategy?.(n)),
    [100, 200, null, null],
  );
});

test('defaults: port 6379, db 0, no credentials; a lone userinfo is a password', () => {
  assert.deepEqual(parseRedisUrl('redis://127.0.0.1'), {
    kind: 'standalone',
    address: { host: '127.0.0.1', port: 6379 },
    tls: false,
    db: 0,
  });
  assert.deepEqual(parseRedisUrl('redis://:pw@h/'), {
    kind: 'standalone',
    address: { host: 'h', port: 6379 },
    tls: false,
    db: 0,
    password: 'pw',
  });
  const lone = parseRedisUrl('redis://pw@h');
  assert.equal(lone.password, 'pw');
  assert.equal(lone.username, undefined);
});

test('rediss:// turns TLS on; IPv6 hosts in brackets', () => {
  const endpoint = parseRedisUrl('rediss://[::1]:6390');
  assert.deepEqual(endpoint, { kind: 'standalone', address: { host: '::1', port: 6390 }, tls: true, db: 0 });
  const config = redisClientConfig(endpoint, timeouts);
  assert.ok(config.kind === 'redis' && config.options.tls);
  assert.equal(describeRedisEndpoint(endpoint), '[::1]:6390 (TLS)');
});

test('redis-sentinel:// lists sentinels (default port 26379), master name and db', () => {
  const endpoint = parseRedisUrl('redis-sentinel://pw@s1:26380,s2/mymaster/3');
  assert.deepEqual(endpoint, {
    kind: 'sentinel',
    sentinels: [
      { host: 's1', port: 26380 },
      { host: 's2', port: 26379 },
    ],
    masterName: 'mymaster',
    db: 3,
    password: 'pw',
  });
  const config = redisClientConfig(endpoint, timeouts);
  assert.ok(config.kind === 'redis');
  assert.deepEqual(config.options.sentinels, endpoint.kind === 'sentinel' ? endpoint.sentinels : null);
  assert.equal(config.options.name, 'mymaster');
  assert.equal(config.options.db, 3);
  assert.equal(config.options.password, 'pw');
  assert.equal(config.options.sentinelPassword, undefined);
  assert.equal(config.options.sentinelRetryStrategy?.(1), null);
  assert.equal(config.options.enableOfflineQueue, false);
  assert.equal(describeRedisEndpoint(endpoint), 'Sentinel master mymaster via s1:26380,s2:26379');
});

test('redis-cluster:// lists seed nodes; credentials go to every node', () => {
  const endpoint = parseRedisUrl('redis-cluster://u:p@n1:7000,n2:7001,n3');
  const config = redisClientConfig(endpoint, timeouts);
  assert.ok(config.kind === 'cluster');
  assert.deepEqual(config.nodes, [
    { host: 'n1', port: 7000 },
    { host: 'n2', port: 7001 },
    { host: 'n3', port: 6379 },
  ]);
  assert.equal(config.options.lazyConnect, true);
  assert.equal(config.options.enableOfflineQueue, false);
  assert.equal(config.options.clusterRetryStrategy?.(1), null);
  assert.deepEqual(config.options.redisOptions, {
    connectTimeout: 1500,
    commandTimeout: 1500,
    maxRetriesPerRequest: 1,
    username: 'u',
    password: 'p',
  });
});

test('bad URLs are usage errors that name the problem and never show the password', () => {
  const cases: [string, RegExp][] = [
    ['http://h:1', /unknown Redis URL scheme "http"; expected redis, rediss, redis-sentinel, redis-cluster/],
    ['127.0.0.1:6379', /expected scheme:\/\/host:port/],
    ['redis://:hunter2@h:99999', /port "99999" is not a number from 1 to 65535/],
    ['redis://:hunter2@h/x', /database "x" is not a number/],
    ['redis://:hunter2@a,b', /takes one host; use redis-cluster/],
    ['redis-sentinel://:hunter2@s1', /master name is missing/],
    ['redis-cluster://:hunter2@n1/2', /only db 0/],
    ['redis://:hunter2@::1', /IPv6 addresses go in brackets/],
    ['redis://:hunter2@h?db=1', /query strings are not supported/],
    ['redis://:hunter2@', /the host is missing/],
  ];
  for (const [url, message] of cases) {
    assert.throws(
      () => parseRedisUrl(url),
      (error: unknown) => {
        assert.ok(error instanceof UsageError, url);
        assert.match(error.message, message);
        assert.doesNotMatch(error.message, /hunter2/);
        return true;
      },
    );
  }
});

test('redactRedisUrl hides the password and keeps the user', () => {
  assert.equal(redactRedisUrl('redis://ops:pa:ss@h:1/0'), 'redis://ops:***@h:1/0');
  assert.equal(redactRedisUrl('redis-sentinel://secret@s1,s2/m'), 'redis-sentinel://***@s1,s2/m');
  assert.equal(redactRedisUrl('redis://h:1'), 'redis://h:1');
  assert.equal(redactRedisUrl('garbage:secret@x'), '(unparseable Redis URL)');
});

test('redactRedisUrl hides credentials in the query too: an invalid URL never prints them', () => {
  assert.equal(redactRedisUrl('redis://h:6379/0?password=hunter2'), 'redis://h:6379/0?password=***');
  assert.throws(
    () => parseRedisUrl('redis://h:6379/x?password=hunter2'),
    (error: Error) => !error.message.includes('hunter2') && /password=\*\*\*/.test(error.message),
  );
});
