import pg from 'pg';
import type { SourceMetrics } from '../../core/snapshot.js';
import { pgConnectionString } from '../../sources/pgSslMode.js';
import {
  connectFailure,
  DatabaseMetricsError,
  deadlineFailure,
  type FailureContext,
  queryFailure,
} from './databaseMetricsError.js';
import {
  type CategoryRow,
  type ErrorRow,
  metricsFromRows,
  type TaskRow,
  type TierRow,
  type UserRow,
} from './databaseMetricRows.js';
import {
  buildDatabaseQueries,
  type ColumnTypeRow,
  type DatabaseQueries,
  type DjangoColumns,
  type DjangoTables,
  type MetricsQuery,
  secondsConversion,
} from './databaseQueries.js';

export { DatabaseMetricsError, type DatabaseFailureKind } from './databaseMetricsError.js';
export { NO_VALUE } from './databaseMetricRows.js';
export type { DjangoColumns, DjangoTables } from './databaseQueries.js';

export interface DatabaseMetricsOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Applied with SET LOCAL statement_timeout to every statement, and as the connect timeout. */
  statementTimeoutMs: number;
  /**
   * The whole collection, connect to COMMIT (database.timeout): statement_timeout bounds the
   * server's work, not a slow network between every round trip. Default DEFAULT_TOTAL_TIMEOUT_MS.
   */
  timeoutMs?: number;
  /** Defaults (set by the caller): core_user, core_task, core_errorlog. */
  tables: DjangoTables;
  /** Defaults: last_active, tier, created_at, success, processing_time, category, timestamp. */
  columns: DjangoColumns;
  /** How many task categories `top_task_categories` lists; default 5. */
  topCategories?: number;
  /** Count windows back from this instant instead of the database's now() (tests pin it). */
  now?: Date;
  /** Told, once per process, a one-line note about the URL (an sslmode alias: pgSslMode.ts). */
  warn?: (line: string) => void;
}

export const DEFAULT_TOTAL_TIMEOUT_MS = 10_000;

export const DEFAULT_TABLES: Readonly<DjangoTables> = {
  user: 'core_user',
  task: 'core_task',
  errorLog: 'core_errorlog',
};

export const DEFAULT_COLUMNS: Readonly<DjangoColumns> = {
  userLastActive: 'last_active',
  userTier: 'tier',
  taskCreatedAt: 'created_at',
  taskSuccess: 'success',
  taskProcessingTime: 'processing_time',
  taskCategory: 'category',
  errorLogTimestamp: 'timestamp',
};

/**
 * MetricsCollector.collect_application_metrics from the monitoring guide, as SQL: one read-only
 * REPEATABLE READ transaction on one connection, so every statement sees the same now() and the
 * same rows. Windows are `>= now() - interval`, inclusive like Django's `__gte`. Options are
 * checked before connecting; the whole collection ends within timeoutMs, and the connection is
 * closed on every path (destroyed at the deadline, so no socket keeps the process alive).
 */
export async function collectDatabaseMetrics(options: DatabaseMetricsOptions): Promise<SourceMetrics> {
  const timeoutMs = checkInteger(options.statementTimeoutMs, 'statementTimeoutMs', 1);
  const totalMs = checkInteger(options.timeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS, 'timeoutMs', 1);
  const topCategories = checkInteger(options.topCategories ?? 5, 'topCategories', 0);
  const at = checkInstant(options.now);
  const queries = buildDatabaseQueries(options.tables, options.columns);
  const client = openClient(options.url, timeoutMs, options.warn);
  const context: FailureContext = {
    server: `${client.host}:${client.port}`,
    timeoutMs,
    password: typeof client.password === 'string' ? client.password : undefined,
  };
  // errors on an idle connection arrive as events; without a listener they would crash the process
  client.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      client.connection.stream.destroy();
      reject(deadlineFailure(totalMs, context));
    }, totalMs);
  });
  const collected = collect(client, { queries, at, timeoutMs, topCategories, options, context });
  collected.catch(() => undefined); // lost the race: its error is the destroyed connection's
  try {
    return await Promise.race([collected, expired]);
  } finally {
    clearTimeout(timer);
    await client.end().catch(() => undefined);
  }
}

interface CollectPlan {
  readonly queries: DatabaseQueries;
  readonly at: string | null;
  readonly timeoutMs: number;
  readonly topCategories: number;
  readonly options: DatabaseMetricsOptions;
  readonly context: FailureContext;
}

async function collect(client: pg.Client, plan: CollectPlan): Promise<SourceMetrics> {
  const { queries, at, options, context } = plan;
  const run = async <Row extends pg.QueryResultRow>(query: MetricsQuery, values: unknown[]) => {
    try {
      return (await client.query<Row>(query.text, values)).rows;
    } catch (error) {
      throw queryFailure(error, query.table, context);
    }
  };
  const statement = (text: string): MetricsQuery => ({ table: '(transaction setup)', text });
  await client.connect().catch((error: unknown) => Promise.reject(connectFailure(error, context)));
  await run(statement('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'), []);
  // set_config(..., true) is SET LOCAL, with the value passed as a parameter
  await run(statement("SELECT set_config('statement_timeout', $1, true)"), [String(plan.timeoutMs)]);

  const typeQuery = queries.processingTimeType;
  const [type] = await run<ColumnTypeRow>(typeQuery, [...typeQuery.values]);
  const seconds = secondsConversion(type, options.tables.task, options.columns.taskProcessingTime);
  const [users] = await run<UserRow>(queries.users, [at]);
  const [tasks] = await run<TaskRow>(queries.tasks(seconds), [at]);
  const [errors] = await run<ErrorRow>(queries.errors, [at]);
  const tiers = await run<TierRow>(queries.tiers, []);
  const categories = await run<CategoryRow>(queries.categories, [at, plan.topCategories]);
  await run(statement('COMMIT'), []);
  return metricsFromRows({ users, tasks, errors, tiers, categories });
}

let noted = false;

function openClient(url: string, timeoutMs: number, warn: ((line: string) => void) | undefined): pg.Client {
  // pg reads a bare word as a host name; insist on a URL so a typo is not a "host not found"
  if (typeof url !== 'string' || !/^postgres(ql)?:\/\//i.test(url)) {
    throw new DatabaseMetricsError(
      'invalid PostgreSQL URL: expected postgres://user:password@host:port/database',
      'options',
    );
  }
  const given = pgConnectionString(url);
  if (given.note && warn && !noted) {
    noted = true;
    warn(`smsmon: database: ${given.note}`);
  }
  try {
    return new pg.Client({
      connectionString: given.url,
      connectionTimeoutMillis: timeoutMs,
      application_name: 'smsmon',
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseMetricsError(`invalid PostgreSQL URL: ${reason}`, 'options');
  }
}

function checkInteger(value: number, name: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new DatabaseMetricsError(`${name} must be an integer >= ${min}, got ${String(value)}`, 'options');
  }
  return value;
}

function checkInstant(now: Date | undefined): string | null {
  if (now === undefined) return null;
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new DatabaseMetricsError('now must be a valid Date', 'options');
  }
  return now.toISOString();
}
