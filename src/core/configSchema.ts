import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { columnName, duration, positiveInt, section, tableName, url, zone } from './configFields.js';
import { smsSection } from './configSms.js';

/**
 * smsmon.config.json: every key has a default, so a missing file gives a complete config.
 * `smsmon config schema` prints this as JSON Schema; the README lists the keys.
 */

export interface Threshold {
  readonly warning?: number;
  readonly critical?: number;
}

/** The guide's AlertManager thresholds, under smsmon's metric names; all of them are warnings. */
export const DEFAULT_THRESHOLDS: Readonly<Record<string, Threshold>> = {
  cpu_percent: { warning: 80 },
  memory_percent: { warning: 85 },
  error_rate: { warning: 5 }, // percent of tasks
  avg_processing_time: { warning: 5 }, // seconds
  failed_tasks_last_hour: { warning: 10 },
};

const database = section({
  url: url(['postgres:', 'postgresql:']).optional().describe('PostgreSQL URL (env DATABASE_URL)'),
  statementTimeout: duration('5s').describe('longest a metrics query may run'),
  timeout: duration('10s').describe(
    'longest the whole database collection may take: connect and every query',
  ),
  tables: section({
    user: tableName('core_user'),
    task: tableName('core_task'),
    errorLog: tableName('core_errorlog'),
  }).prefault({}),
  columns: section({
    userLastActive: columnName('last_active'),
    userTier: columnName('tier'),
    taskCreatedAt: columnName('created_at'),
    taskSuccess: columnName('success'),
    taskProcessingTime: columnName('processing_time'),
    taskCategory: columnName('category'),
    errorLogTimestamp: columnName('timestamp'),
  }).prefault({}),
});

/** redis.maxFutureSkew's default: far beyond NTP's error, far below a clock set a day wrong. */
export const DEFAULT_MAX_FUTURE_SKEW = '5m';

const redis = section({
  url: url(['redis:', 'rediss:', 'redis-sentinel:', 'redis-cluster:'])
    .optional()
    .describe('Redis URL (env REDIS_URL)'),
  prefix: z.string().min(1).default('smsmon').describe('prefix of every key smsmon writes'),
  retention: duration('24h').describe('how long metric samples are kept'),
  layout: z
    .enum(['host', 'guide'])
    .default('host')
    .describe("'host': keys under prefix and host name; 'guide': the guide's metrics:<name> sorted sets"),
  keyExpiry: duration('48h').describe('expiry set on every key smsmon writes'),
  maxFutureSkew: duration(DEFAULT_MAX_FUTURE_SKEW).describe(
    "a snapshot stamped further ahead of Redis' clock (TIME) is refused and spooled",
  ),
});

const system = section({
  mounts: z.array(z.string().min(1)).default(['/']).describe('file systems whose disk use is measured'),
});

const spool = section({
  path: z
    .string()
    .min(1)
    .optional()
    .describe('default $XDG_STATE_HOME/smsmon/spool.ndjson, else ~/.local/state/smsmon/spool.ndjson'),
  maxEntries: positiveInt(10_000).describe('oldest entries are dropped past this many'),
});

const health = section({
  url: url(['http:', 'https:']).default('http://localhost:5001/health'),
  timeout: duration('5s'),
  warnMs: positiveInt(1000).describe('a slower answer is a warning'),
});

const threshold = section({ warning: z.number().optional(), critical: z.number().optional() }).refine(
  (t) => t.warning === undefined || t.critical === undefined || t.critical >= t.warning,
  { error: 'critical must be at least warning' },
);

const metricName = z.string().regex(/^[a-z][a-z0-9_]*$/, {
  error: 'metric names are snake_case, such as cpu_percent',
});

const email = section({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(587),
  secure: z.boolean().default(false).describe('TLS from the start (port 465); else STARTTLS'),
  user: z.string().optional(),
  password: z.string().optional().describe('env SMSMON_SMTP_PASSWORD'),
  from: z.string().min(1),
  to: z.array(z.string().min(1)).min(1),
});

/** Hosts a plain http:// webhook may point at: a receiver on this machine (a test, a local relay). */
const LOOPBACK_HOSTS = ['127.0.0.1', '[::1]', 'localhost'];

/** https://, or http:// to a loopback host: an alert's webhook path is a secret not to send in clear. */
const webhookUrl = z.string().refine(
  (text) => {
    if (!URL.canParse(text)) return false;
    const { protocol, hostname } = new URL(text);
    return protocol === 'https:' || (protocol === 'http:' && LOOPBACK_HOSTS.includes(hostname));
  },
  { error: 'expected an https:// URL (http:// only to 127.0.0.1, ::1 or localhost)' },
);

const alerts = section({
  thresholds: z
    .record(metricName, threshold)
    .transform((given) => ({ ...DEFAULT_THRESHOLDS, ...given }))
    .prefault({})
    .describe('metric → {warning, critical}, merged over the defaults; {} turns a default off'),
  repeat: duration('1h').describe('an unchanged alert is sent again after this long'),
  slack: section({
    webhookUrl: webhookUrl
      .optional()
      .describe('env SMSMON_SLACK_WEBHOOK_URL; https://, or http:// only to 127.0.0.1, ::1 or localhost'),
  }).prefault({}),
  email: email.optional(),
});

export const configSchema = section({
  $schema: z.string().optional().describe('path or URL of this schema, for editors'),
  logDir: z
    .string()
    .min(1)
    .optional()
    .describe('directory of app.log, errors.log, sms.log (env SMSMON_LOG_DIR; default ./logs, else .)'),
  tz: zone()
    .optional()
    .describe('zone the logs were written in, as Django TIME_ZONE (env SMSMON_TZ; default this machine)'),
  database: database.prefault({}),
  redis: redis.prefault({}),
  system: system.prefault({}),
  spool: spool.prefault({}),
  health: health.prefault({}),
  alerts: alerts.prefault({}),
  sms: smsSection.prefault({}),
}).meta({ title: 'smsmon.config.json' });

export type SmsmonConfig = z.output<typeof configSchema>;
export type SmsmonConfigInput = z.input<typeof configSchema>;

/** Where unsent alerts wait: spool.path, else the XDG state directory. */
export function spoolPath(config: SmsmonConfig, env: NodeJS.ProcessEnv, home = homedir()): string {
  return config.spool.path ?? defaultSpoolPath(env, home);
}

/** $XDG_STATE_HOME/smsmon/spool.ndjson, else ~/.local/state/smsmon/spool.ndjson (XDG ignores relative values). */
export function defaultSpoolPath(env: NodeJS.ProcessEnv, home = homedir()): string {
  const stateHome = env.XDG_STATE_HOME;
  const base = stateHome && isAbsolute(stateHome) ? stateHome : join(home, '.local', 'state');
  return join(base, 'smsmon', 'spool.ndjson');
}
