import type { Command } from 'commander';
import { registerLogs } from './logs.js';
import { registerErrors } from './errors.js';
import { registerLatency } from './latency.js';
import { registerMetrics } from './metrics.js';
import { registerHealth } from './health.js';
import { registerAlerts } from './alerts.js';
import { registerExporter } from './exporter.js';
import { registerTop } from './top.js';
import { registerDoctor } from './doctor.js';
import { registerConfig } from './config.js';

/** Every top-level command: adding one is adding an entry. */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  registerLogs,
  registerErrors,
  registerLatency,
  registerMetrics,
  registerHealth,
  registerAlerts,
  registerExporter,
  registerTop,
  registerDoctor,
  registerConfig,
];
