import type { SourceMetrics } from '../../core/snapshot.js';

/** The key a NULL tier or category is reported under. */
export const NO_VALUE = '(none)';

// count(*) is bigint, which pg hands over as a string; avg() of float8 arrives as a number.
export interface UserRow {
  last_hour: string;
  last_day: string;
}
export interface TaskRow {
  last_hour: string;
  successful_last_hour: string;
  failed_last_hour: string;
  avg_processing_time: number | null;
  processing_time_samples: string;
  last_day: string;
}
export interface ErrorRow {
  last_hour: string;
}
export interface TierRow {
  tier: string | null;
  count: string;
}
export interface CategoryRow {
  category: string | null;
  count: string;
}

export interface DatabaseMetricRows {
  readonly users: UserRow | undefined;
  readonly tasks: TaskRow | undefined;
  readonly errors: ErrorRow | undefined;
  readonly tiers: readonly TierRow[];
  readonly categories: readonly CategoryRow[];
}

/** The guide's application metrics under its key names, plus the breakdowns as details. */
export function metricsFromRows({
  users,
  tasks,
  errors,
  tiers,
  categories,
}: DatabaseMetricRows): SourceMetrics {
  return {
    metrics: {
      active_users_last_hour: count(users?.last_hour),
      tasks_last_hour: count(tasks?.last_hour),
      successful_tasks_last_hour: count(tasks?.successful_last_hour),
      failed_tasks_last_hour: count(tasks?.failed_last_hour),
      errors_last_hour: count(errors?.last_hour),
      // the guide's `or 0`; the sample count tells "no data" from a real zero
      avg_processing_time: tasks?.avg_processing_time ?? 0,
      avg_processing_time_samples: count(tasks?.processing_time_samples),
      daily_active_users: count(users?.last_day),
      tasks_per_hour: count(tasks?.last_day) / 24,
    },
    details: {
      user_tier_distribution: tierDistribution(tiers),
      top_task_categories: categories.map((row) => ({
        category: row.category ?? NO_VALUE,
        count: count(row.count),
      })),
    },
  };
}

/** `{ free: 120, pro: 14, "(none)": 3 }` over all users. */
function tierDistribution(rows: readonly TierRow[]): Record<string, number> {
  const distribution: Record<string, number> = {};
  for (const row of rows) {
    const tier = row.tier ?? NO_VALUE;
    distribution[tier] = (distribution[tier] ?? 0) + count(row.count);
  }
  return distribution;
}

function count(value: string | undefined): number {
  return value === undefined ? 0 : Number(value);
}
