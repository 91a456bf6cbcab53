import type { Cluster, Redis } from 'ioredis';

/** A client for one server, a Sentinel-managed master, or a cluster (redisConnection makes one). */
export type RedisClient = Redis | Cluster;
