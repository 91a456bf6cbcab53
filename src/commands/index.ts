import type { Command } from 'commander';
import { defineAlerts } from './alerts/define.js';
import { defineAlertsCheck } from './alerts/check/define.js';
import { defineAlertsTest } from './alerts/channelTest/define.js';
import { defineConfig } from './config/define.js';
import { defineConfigSchema } from './config/schema/define.js';
import { defineConfigShow } from './config/show/define.js';
import { defineCompletion } from './completion/define.js';
import { defineDoctor } from './doctor/define.js';
import { defineErrors } from './errors/define.js';
import { defineErrorsCount } from './errors/count/define.js';
import { defineExporter } from './exporter/define.js';
import { defineHealth } from './health/define.js';
import { defineLatency } from './latency/define.js';
import { defineLogs } from './logs/define.js';
import { defineLogsSearch } from './logs/search/define.js';
import { defineLogsTail } from './logs/tail/define.js';
import { defineMetrics } from './metrics/define.js';
import { defineMetricsCollect } from './metrics/collect/define.js';
import { defineMetricsMigrate } from './metrics/migrate/define.js';
import { defineMetricsShow } from './metrics/show/define.js';
import { defineMetricsSnapshot } from './metrics/snapshot/define.js';
import { defineTop } from './top/define.js';

/**
 * A command's run, called as commander calls an action: the operands its define declared, then
 * the options (typed in the command's options.ts, or shared/logOptions.ts), then the command.
 * Resolves to the exit code.
 */
export type Run = (...params: never[]) => Promise<number>;

export interface CommandEntry {
  /** The words after `smsmon`: 'latency', 'logs tail'. */
  readonly name: string;
  /** Description, operands, options and help, onto the command commander made for the name. */
  readonly define: (command: Command) => Command;
  /** The run, imported only when this command is the one called; a group of commands has none. */
  readonly load?: () => Promise<Run>;
}

/** Every command, each group before its commands, in the order of the help: adding one is adding an entry. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'logs', define: defineLogs },
  {
    name: 'logs tail',
    define: defineLogsTail,
    load: async () => (await import('./logs/tail/run.js')).runTail,
  },
  {
    name: 'logs search',
    define: defineLogsSearch,
    load: async () => (await import('./logs/search/run.js')).runSearch,
  },
  { name: 'errors', define: defineErrors },
  {
    name: 'errors count',
    define: defineErrorsCount,
    load: async () => (await import('./errors/count/run.js')).runErrorsCount,
  },
  { name: 'latency', define: defineLatency, load: async () => (await import('./latency/run.js')).runLatency },
  { name: 'metrics', define: defineMetrics },
  {
    name: 'metrics collect',
    define: defineMetricsCollect,
    load: async () => (await import('./metrics/collect/run.js')).runCollect,
  },
  {
    name: 'metrics snapshot',
    define: defineMetricsSnapshot,
    load: async () => (await import('./metrics/snapshot/run.js')).runSnapshot,
  },
  {
    name: 'metrics show',
    define: defineMetricsShow,
    load: async () => (await import('./metrics/show/run.js')).runShow,
  },
  {
    name: 'metrics migrate',
    define: defineMetricsMigrate,
    load: async () => (await import('./metrics/migrate/run.js')).runMigrate,
  },
  { name: 'health', define: defineHealth, load: async () => (await import('./health/run.js')).runHealth },
  { name: 'alerts', define: defineAlerts },
  {
    name: 'alerts check',
    define: defineAlertsCheck,
    load: async () => (await import('./alerts/check/run.js')).runAlertsCheck,
  },
  {
    name: 'alerts test',
    define: defineAlertsTest,
    load: async () => (await import('./alerts/channelTest/run.js')).runAlertsTest,
  },
  {
    name: 'exporter',
    define: defineExporter,
    load: async () => (await import('./exporter/run.js')).runExporter,
  },
  { name: 'top', define: defineTop, load: async () => (await import('./top/run.js')).runTop },
  { name: 'doctor', define: defineDoctor, load: async () => (await import('./doctor/run.js')).runDoctor },
  { name: 'config', define: defineConfig },
  {
    name: 'config show',
    define: defineConfigShow,
    load: async () => (await import('./config/show/run.js')).runShow,
  },
  {
    name: 'config schema',
    define: defineConfigSchema,
    load: async () => (await import('./config/schema/run.js')).runSchema,
  },
  {
    name: 'completion',
    define: defineCompletion,
    load: async () => (await import('./completion/run.js')).runCompletion,
  },
];
