import { DatabaseMetricsError } from './databaseMetricsError.js';
import { identifierProblem, quoteIdentifier } from './sqlIdentifier.js';

/** Table names as configured; each may be schema-qualified (`analytics.core_task`). */
export interface DjangoTables {
  user: string;
  task: string;
  errorLog: string;
}

export interface DjangoColumns {
  userLastActive: string;
  userTier: string;
  taskCreatedAt: string;
  taskSuccess: string;
  taskProcessingTime: string;
  taskCategory: string;
  errorLogTimestamp: string;
}

/** One statement and the configured table it reads, named in error messages. */
export interface MetricsQuery {
  readonly table: string;
  readonly text: string;
}

/** How a processing_time column becomes seconds, decided from its type category. */
export type SecondsConversion = 'number' | 'interval';

/** A row of `processingTimeType`: pg_type.typcategory and format_type(). */
export interface ColumnTypeRow {
  category: string;
  type: string;
}

export interface DatabaseQueries {
  /** $1 regclass text, $2 column name → typcategory and a printable type of processing_time. */
  readonly processingTimeType: MetricsQuery & { readonly values: readonly [string, string] };
  readonly users: MetricsQuery;
  readonly tasks: (seconds: SecondsConversion) => MetricsQuery;
  readonly errors: MetricsQuery;
  readonly tiers: MetricsQuery;
  /** $2 is the number of categories to return. */
  readonly categories: MetricsQuery;
}

/**
 * The reference instant. Every window query takes $1: a pinned time, or NULL for the
 * transaction's now(), which stays the same for every statement of the transaction.
 */
const AT = 'COALESCE($1::timestamptz, now())';
const LAST_HOUR = `${AT} - interval '1 hour'`;
const LAST_DAY = `${AT} - interval '1 day'`;

/** Validates every name (throws before any connection is made) and builds the statements. */
export function buildDatabaseQueries(tables: DjangoTables, columns: DjangoColumns): DatabaseQueries {
  const t = quoteAll(tables, 'tables', true);
  const c = quoteAll(columns, 'columns', false);
  const taskCreatedInLastHour = `${c.taskCreatedAt} >= ${LAST_HOUR}`;
  const successfulInLastHour = `${taskCreatedInLastHour} AND ${c.taskSuccess} = true`;
  return {
    processingTimeType: {
      table: tables.task,
      text: `SELECT t.typcategory AS category, format_type(a.atttypid, a.atttypmod) AS type
        FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        WHERE a.attrelid = to_regclass($1) AND a.attname = $2 AND a.attnum > 0 AND NOT a.attisdropped`,
      values: [t.task, columns.taskProcessingTime],
    },
    users: {
      table: tables.user,
      text: `SELECT count(*) FILTER (WHERE ${c.userLastActive} >= ${LAST_HOUR}) AS last_hour,
          count(*) AS last_day
        FROM ${t.user} WHERE ${c.userLastActive} >= ${LAST_DAY}`,
    },
    tasks: (seconds) => {
      const processing =
        seconds === 'interval'
          ? `EXTRACT(EPOCH FROM ${c.taskProcessingTime})::float8`
          : `(${c.taskProcessingTime})::float8`;
      return {
        table: tables.task,
        text: `SELECT count(*) FILTER (WHERE ${taskCreatedInLastHour}) AS last_hour,
            count(*) FILTER (WHERE ${successfulInLastHour}) AS successful_last_hour,
            count(*) FILTER (WHERE ${taskCreatedInLastHour} AND ${c.taskSuccess} = false) AS failed_last_hour,
            avg(${processing}) FILTER (WHERE ${successfulInLastHour}) AS avg_processing_time,
            count(${processing}) FILTER (WHERE ${successfulInLastHour}) AS processing_time_samples,
            count(*) AS last_day
          FROM ${t.task} WHERE ${c.taskCreatedAt} >= ${LAST_DAY}`,
      };
    },
    errors: {
      table: tables.errorLog,
      text: `SELECT count(*) AS last_hour FROM ${t.errorLog} WHERE ${c.errorLogTimestamp} >= ${LAST_HOUR}`,
    },
    tiers: {
      table: tables.user,
      text: `SELECT ${c.userTier}::text AS tier, count(*) AS count FROM ${t.user} GROUP BY 1`,
    },
    categories: {
      table: tables.task,
      // byte order (COLLATE "C") so ties rank the same whatever the database's locale
      text: `SELECT ${c.taskCategory}::text AS category, count(*) AS count
        FROM ${t.task} WHERE ${c.taskCreatedAt} >= ${LAST_DAY}
        GROUP BY 1 ORDER BY count(*) DESC, ${c.taskCategory}::text COLLATE "C" NULLS LAST LIMIT $2`,
    },
  };
}

/** Numbers (any numeric type, domains included) are seconds; intervals go through EXTRACT(EPOCH). */
export function secondsConversion(
  type: ColumnTypeRow | undefined,
  table: string,
  column: string,
): SecondsConversion {
  // no row: the table or column is missing, and the tasks statement itself reports which
  if (!type || type.category === 'N') return 'number';
  if (type.category === 'T') return 'interval';
  throw new DatabaseMetricsError(
    `column ${table}.${column} has type ${type.type}; expected seconds as a number or an interval`,
    'column-type',
  );
}

function quoteAll<K extends string>(
  names: Readonly<Record<K, string>>,
  group: string,
  allowSchema: boolean,
): Record<K, string> {
  const quoted = {} as Record<K, string>;
  for (const key of Object.keys(names) as K[]) {
    const name = names[key];
    const problem = typeof name === 'string' ? identifierProblem(name, allowSchema) : 'not a string';
    if (problem) {
      throw new DatabaseMetricsError(
        `invalid ${group}.${key} name ${JSON.stringify(name)}: ${problem}`,
        'options',
      );
    }
    quoted[key] = quoteIdentifier(name);
  }
  return quoted;
}
