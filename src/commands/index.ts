import type { Command } from 'commander';
import { registerLogs } from './logs/define.js';
import { registerErrors } from './errors/define.js';
import { registerLatency } from './latency/define.js';
import { registerMetrics } from './metrics/define.js';
import { registerHealth } from './health/define.js';
import { registerAlerts } from './alerts/define.js';
import { registerExporter } from './exporter/define.js';
import { registerTop } from './top/define.js';
import { registerDoctor } from './doctor/define.js';
import { registerConfig } from './config/define.js';

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
