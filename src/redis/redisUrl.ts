import { UsageError, unknownChoice } from '../core/errors.js';
import { redactUrl } from '../core/redact.js';

/**
 * Redis URLs smsmon understands (userinfo is percent-decoded; a lone `secret@` is a password):
 *
 *   redis://[[user]:pass@]host[:6379][/db]           one server
 *   rediss://[[user]:pass@]host[:6379][/db]          one server over TLS
 *   redis-sentinel://[pass@]h1[:26379],h2[:26379]/mastername[/db]
 *                                                    the master Sentinel names; the password is the
 *                                                    master's (Sentinels are asked without AUTH)
 *   redis-cluster://[[user]:pass@]h1[:6379],h2[:6379]  seed nodes of a Redis Cluster (db 0 only)
 *
 * IPv6 hosts go in brackets: redis://[::1]:6379.
 */
export interface RedisAddress {
  readonly host: string;
  readonly port: number;
}

interface Credentials {
  readonly username?: string;
  readonly password?: string;
}

export type RedisEndpoint =
  | ({ kind: 'standalone'; address: RedisAddress; tls: boolean; db: number } & Credentials)
  | ({ kind: 'sentinel'; sentinels: RedisAddress[]; masterName: string; db: number } & Credentials)
  | ({ kind: 'cluster'; nodes: RedisAddress[] } & Credentials);

const SCHEMES = ['redis', 'rediss', 'redis-sentinel', 'redis-cluster'];
const URL_SHAPE = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i;

export function parseRedisUrl(url: string): RedisEndpoint {
  const shape = URL_SHAPE.exec(url.trim());
  if (!shape) throw invalid(url, 'expected scheme://host:port, e.g. redis://127.0.0.1:6379');
  const scheme = shape[1]!.toLowerCase();
  if (!SCHEMES.includes(scheme)) throw unknownChoice('Redis URL scheme', scheme, SCHEMES);
  const rest = shape[2]!;
  if (/[?#]/.test(rest)) throw invalid(url, 'query strings are not supported');
  const at = rest.lastIndexOf('@');
  const credentials = at === -1 ? {} : parseUserinfo(url, rest.slice(0, at));
  const afterAt = rest.slice(at + 1);
  const slash = afterAt.indexOf('/');
  const hostList = slash === -1 ? afterAt : afterAt.slice(0, slash);
  const path = slash === -1 ? [] : afterAt.slice(slash + 1).split('/');
  if (path.length > 0 && path[path.length - 1] === '') path.pop();

  if (scheme === 'redis-sentinel') {
    const [masterName, db, ...extra] = path;
    if (!masterName) throw invalid(url, 'the Sentinel master name is missing (…/mastername[/db])');
    if (extra.length > 0) throw invalid(url, 'expected /mastername[/db] after the hosts');
    const sentinels = parseAddresses(url, hostList, 26379);
    return { kind: 'sentinel', sentinels, masterName, db: parseDb(url, db), ...credentials };
  }
  if (scheme === 'redis-cluster') {
    if (path.length > 0) throw invalid(url, 'a Redis Cluster has only db 0; remove the path');
    return { kind: 'cluster', nodes: parseAddresses(url, hostList, 6379), ...credentials };
  }
  if (path.length > 1) throw invalid(url, 'expected at most one /db after the host');
  const addresses = parseAddresses(url, hostList, 6379);
  if (addresses.length !== 1)
    throw invalid(url, `${scheme}:// takes one host; use redis-cluster:// for several`);
  return {
    kind: 'standalone',
    address: addresses[0]!,
    tls: scheme === 'rediss',
    db: parseDb(url, path[0]),
    ...credentials,
  };
}

/** The URL with its password replaced by `***`, safe for messages and logs. */
export function redactRedisUrl(url: string): string {
  const shape = URL_SHAPE.exec(url.trim());
  if (!shape) return url.includes('@') ? '(unparseable Redis URL)' : url;
  const rest = shape[2]!;
  const at = rest.lastIndexOf('@');
  if (at === -1) return redactUrl(url.trim());
  const userinfo = rest.slice(0, at);
  const colon = userinfo.indexOf(':');
  const kept = colon === -1 ? '' : userinfo.slice(0, colon + 1);
  // A user alone is often a token (Redis AUTH with one argument): hidden too; then the query's secrets.
  return redactUrl(`${shape[1]}://${kept}***${rest.slice(at)}`);
}

/** `127.0.0.1:6379`, `sentinel master mymaster via h1:26379,h2:26379`: no credentials. */
export function describeRedisEndpoint(endpoint: RedisEndpoint): string {
  if (endpoint.kind === 'standalone') {
    return `${formatAddress(endpoint.address)}${endpoint.tls ? ' (TLS)' : ''}`;
  }
  if (endpoint.kind === 'sentinel') {
    return `Sentinel master ${endpoint.masterName} via ${endpoint.sentinels.map(formatAddress).join(',')}`;
  }
  return `cluster ${endpoint.nodes.map(formatAddress).join(',')}`;
}

function formatAddress({ host, port }: RedisAddress): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function parseUserinfo(url: string, userinfo: string): Credentials {
  const colon = userinfo.indexOf(':');
  const username = colon === -1 ? '' : decode(url, userinfo.slice(0, colon));
  const password = decode(url, colon === -1 ? userinfo : userinfo.slice(colon + 1));
  return { ...(username ? { username } : {}), ...(password ? { password } : {}) };
}

function parseAddresses(url: string, list: string, defaultPort: number): RedisAddress[] {
  if (list === '') throw invalid(url, 'the host is missing');
  return list.split(',').map((item) => {
    const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(item);
    const colon = item.lastIndexOf(':');
    const host = bracketed ? bracketed[1]! : colon === -1 ? item : item.slice(0, colon);
    const port = bracketed ? bracketed[2] : colon === -1 ? undefined : item.slice(colon + 1);
    if (host === '' || (!bracketed && host.includes(':'))) {
      throw invalid(url, `bad host "${item}" (IPv6 addresses go in brackets: [::1]:6379)`);
    }
    return { host, port: port === undefined ? defaultPort : parsePort(url, port) };
  });
}

function parsePort(url: string, text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) throw invalid(url, `port "${text}" is not a number from 1 to 65535`);
  return port;
}

function parseDb(url: string, text: string | undefined): number {
  if (text === undefined || text === '') return 0;
  if (!/^\d{1,5}$/.test(text)) throw invalid(url, `database "${text}" is not a number`);
  return Number(text);
}

function decode(url: string, text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalid(url, 'bad percent-encoding in the user or password');
  }
}

function invalid(url: string, why: string): UsageError {
  return new UsageError(`invalid Redis URL ${redactRedisUrl(url)}: ${why}`);
}
