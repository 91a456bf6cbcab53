import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { errorLine, SourceError, UsageError } from '../core/errors.js';
import type { RedisClient } from './redisClient.js';
import { describeRedisEndpoint, parseRedisUrl, type RedisAddress, type RedisEndpoint } from './redisUrl.js';

export type { RedisClient };

export interface RedisConnectOptions {
  /** Bounds the TCP/TLS connect and, unless commandTimeoutMs says otherwise, each command. */
  readonly connectTimeoutMs: number;
  readonly commandTimeoutMs?: number;
}

export type RedisClientConfig =
  | { kind: 'redis'; options: RedisOptions }
  | { kind: 'cluster'; nodes: RedisAddress[]; options: ClusterOptions };

/**
 * A cron job must not hang on a dead Redis: no offline queue (a command on a closed connection
 * fails at once), one attempt per command, two quick reconnects and then give up, and no socket
 * until redisReady()/openRedis() (lazyConnect).
 */
const giveUpQuickly = (attempt: number): number | null => (attempt <= 2 ? attempt * 100 : null);

export function redisClientConfig(endpoint: RedisEndpoint, options: RedisConnectOptions): RedisClientConfig {
  const { connectTimeoutMs } = options;
  const common = {
    connectTimeout: connectTimeoutMs,
    commandTimeout: options.commandTimeoutMs ?? connectTimeoutMs,
    maxRetriesPerRequest: 1,
    ...(endpoint.username ? { username: endpoint.username } : {}),
    ...(endpoint.password ? { password: endpoint.password } : {}),
  };
  const failFast = { lazyConnect: true, enableOfflineQueue: false };
  if (endpoint.kind === 'cluster') {
    return {
      kind: 'cluster',
      nodes: endpoint.nodes,
      options: {
        ...failFast,
        clusterRetryStrategy: () => null,
        clusterNodeRetryStrategy: giveUpQuickly,
        slotsRefreshTimeout: connectTimeoutMs,
        redisOptions: common,
      },
    };
  }
  const shared = { ...common, ...failFast, retryStrategy: giveUpQuickly, db: endpoint.db };
  if (endpoint.kind === 'sentinel') {
    return {
      kind: 'redis',
      options: {
        ...shared,
        sentinels: endpoint.sentinels.map(({ host, port }) => ({ host, port })),
        name: endpoint.masterName,
        sentinelRetryStrategy: () => null,
        sentinelCommandTimeout: connectTimeoutMs,
      },
    };
  }
  const { host, port } = endpoint.address;
  return { kind: 'redis', options: { ...shared, host, port, ...(endpoint.tls ? { tls: {} } : {}) } };
}

interface ClientState {
  readonly endpoint: string;
  readonly connectTimeoutMs: number;
  /** The database of the URL (0 for a cluster, which has only that one). */
  readonly db: number;
  lastError?: string;
  ready?: Promise<void>;
}

const states = new WeakMap<RedisClient, ClientState>();

/**
 * A client that has not connected yet (lazyConnect, no offline queue): commands fail until
 * redisReady() resolves. openRedis() does both.
 */
export function connectRedis(url: string, options: RedisConnectOptions): RedisClient {
  const endpoint = parseRedisUrl(url);
  const config = redisClientConfig(endpoint, options);
  const client =
    config.kind === 'cluster'
      ? new Cluster(
          config.nodes.map(({ host, port }) => ({ host, port })),
          config.options,
        )
      : new Redis(config.options);
  const state: ClientState = {
    endpoint: describeRedisEndpoint(endpoint),
    connectTimeoutMs: options.connectTimeoutMs,
    db: endpoint.kind === 'cluster' ? 0 : endpoint.db,
  };
  states.set(client, state);
  // Without a listener ioredis prints every failed attempt; keep the last one for the message.
  client.on('error', (error: unknown) => (state.lastError = errorLine(error)));
  return client;
}

/**
 * Connects once (concurrent callers share the attempt) within connectTimeoutMs, or rejects with a
 * SourceError such as "Redis at 127.0.0.1:6379 not reachable: connect ECONNREFUSED 127.0.0.1:6379"
 * (never the password); the client is then closed for good.
 */
export function redisReady(client: RedisClient): Promise<void> {
  const state = states.get(client) ?? { endpoint: 'Redis', connectTimeoutMs: 10_000, db: 0 };
  state.ready ??= connectWithin(client, state);
  return state.ready;
}

/** connectRedis + redisReady. */
export async function openRedis(url: string, options: RedisConnectOptions): Promise<RedisClient> {
  const client = connectRedis(url, options);
  await redisReady(client);
  return client;
}

async function connectWithin(client: RedisClient, state: ClientState): Promise<void> {
  if (client.status === 'ready') return;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    const ms = state.connectTimeoutMs;
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  const connecting = client.connect();
  connecting.catch(() => undefined); // it may settle after the deadline won
  try {
    await Promise.race([connecting, deadline]);
  } catch (error) {
    client.disconnect();
    const reason = state.lastError ?? errorLine(error);
    throw new SourceError(`Redis at ${state.endpoint} not reachable: ${reason}`);
  } finally {
    clearTimeout(timer);
  }
  // ioredis selects the URL's database after connecting but goes on in database 0 when the
  // server refuses it (an index beyond its `databases`): ask again and fail instead.
  if (state.db > 0)
    await client.select(state.db).catch((error: unknown) => {
      client.disconnect();
      throw new UsageError(
        `Redis at ${state.endpoint}: cannot use database ${state.db}: ${errorLine(error)}`,
      );
    });
}

/** QUIT when connected (pending replies arrive first), otherwise just drop the socket. */
export async function closeRedis(client: RedisClient): Promise<void> {
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  await client.quit().catch(() => client.disconnect());
}
