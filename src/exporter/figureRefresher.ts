import type { GaugeHealthProbe } from '../health/healthGauges.js';
import { HealthMetrics } from '../health/healthMetrics.js';
import type { PromRegistry } from '../operators/promRegistry.js';
import { SystemMetricsGauges } from './systemMetricsGauges.js';
import type { SmsmonConfig } from '../core/configSchema.js';
import { collectSnapshot } from '../metrics/snapshotCollector.js';
import type { LogPlace } from '../sources/logPlace.js';

/** What the refresh reads of the exporter's settings. */
export interface FigureSettings {
  readonly config: SmsmonConfig;
  readonly place: LogPlace;
  /** Off with --no-system. */
  readonly system: boolean;
  /** CPU and network sample window. */
  readonly sampleMs: number;
}

/** What a refresh went wrong with, one line each, for stderr. */
type Complaint = (message: string) => void;

/**
 * The figures not read from the logs: the system source of `metrics collect` (database and logs
 * skipped: the logs are followed, and the database is not this exporter's business) and the
 * health probe when there is one. Returns one refresh; each part fails on its own.
 */
export function figureRefresher(
  registry: PromRegistry,
  settings: FigureSettings,
  probe: GaugeHealthProbe | undefined,
  complain: Complaint,
): () => Promise<void> {
  const system = settings.system ? new SystemMetricsGauges(registry) : null;
  const health = probe ? new HealthMetrics(registry) : null;
  const said = { system: '', health: '' };
  // The same complaint again every 30 s would drown the log: say it when it changes.
  const tell = (part: 'system' | 'health', message: string): void => {
    if (message && message !== said[part]) complain(`${part} figures failed: ${message}`);
    said[part] = message;
  };
  return async () => {
    await Promise.all([
      system &&
        collectSnapshot({
          config: settings.config,
          place: settings.place,
          now: Date.now(),
          skip: new Set(['database', 'logs']),
          sampleMs: settings.sampleMs,
        }).then((snapshot) => {
          system.update(snapshot);
          tell('system', snapshot.failures.map((f) => f.message).join('; '));
        }),
      health &&
        probe!().then(
          (result) => {
            health.update(result);
            tell('health', '');
          },
          (error: unknown) => {
            health.failed();
            tell('health', error instanceof Error ? error.message : String(error));
          },
        ),
    ]);
  };
}

/** Runs `task` now and every `ms` after, never two at once; the returned stop waits for a running one. */
export function every(ms: number, task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  const run = (): void => {
    if (running) return;
    running = task()
      .catch(() => {})
      .finally(() => (running = null));
  };
  run();
  const timer = setInterval(run, ms);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
