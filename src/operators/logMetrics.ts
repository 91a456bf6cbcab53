import { LEVEL_NAMES, type LogRecord } from '../core/record.js';
import type { DurationReader } from './durationValues.js';
import { ErrorTypeMetrics } from './errorTypeMetrics.js';
import { ProcessingTimeMetrics } from './processingTimeMetrics.js';
import type { Counter, Gauge, PromRegistry } from './promRegistry.js';
import type { SmsClassifier } from './smsEventKind.js';
import { SmsMetrics, type CategoryOptions } from './smsMetrics.js';

export interface LogMetricsOptions {
  /** Error types with their own series (--error-types). */
  errorTypes: number;
  /** Task categories in sms.log messages (--category-pattern, --categories); null: not exported. */
  category: CategoryOptions | null;
  /** sms.events, compiled. */
  smsEvents: SmsClassifier;
  /** A one-line notice for stderr, each said once: most sms.log records match no event, error types overflow. */
  onNotice: (message: string) => void;
  /** Reads processing_time from app.log records. */
  durationReader: DurationReader;
  /** Epoch ms, read at each collect for the lag. */
  now: () => number;
}

interface RecordMetrics {
  push(record: LogRecord): void;
}

interface Context {
  registry: PromRegistry;
  options: LogMetricsOptions;
  /** Creates the family's parse-failure series for `reason` and returns what counts one. */
  parseFailures: (reason: string) => () => void;
}

/**
 * What is read from each family beyond record counts: adding one is adding an entry. app.log
 * carries the timings, errors.log the errors (app.log has them too: they would count twice),
 * sms.log the SMS events.
 */
const FAMILY_METRICS: Readonly<Record<string, (context: Context) => RecordMetrics>> = {
  app: ({ registry, options, parseFailures }) =>
    new ProcessingTimeMetrics(registry, options.durationReader, parseFailures('processing_time')),
  errors: ({ registry, options }) => new ErrorTypeMetrics(registry, options.errorTypes, options.onNotice),
  sms: ({ registry, options }) =>
    new SmsMetrics(registry, {
      events: options.smsEvents,
      category: options.category,
      onNotice: options.onNotice,
    }),
};

const OTHER_LEVEL = 'other';

/**
 * Log records → registry updates: records by family and level, lines no format matched, how far
 * behind the newest record is, and each family's own metrics (FAMILY_METRICS).
 */
export class LogMetrics {
  private readonly records: Counter;
  private readonly failures: Counter;
  private readonly lag: Gauge;
  private readonly newest = new Map<string, number>();
  private readonly perFamily = new Map<string, RecordMetrics | null>();

  constructor(
    registry: PromRegistry,
    families: readonly string[],
    private readonly options: LogMetricsOptions,
  ) {
    this.records = registry.counter(
      'smsmon_log_records_total',
      'Log records read, by family (app, errors, sms) and level; a traceback is part of its record.',
      ['family', 'level'],
    );
    this.failures = registry.counter(
      'smsmon_parse_failures_total',
      'Text that matched no log format (reason="unparsed"), processing_time values that are not numbers (reason="processing_time").',
      ['family', 'reason'],
    );
    this.lag = registry.gauge(
      'smsmon_exporter_lag_seconds',
      'Now minus the time of the newest record read, by family; NaN until a record has been read.',
      ['family'],
    );
    for (const family of families) {
      for (const level of LEVEL_NAMES) this.records.touch([family, level]);
      this.failures.touch([family, 'unparsed']);
      this.lag.set([family], Number.NaN);
      const make = Object.hasOwn(FAMILY_METRICS, family) ? FAMILY_METRICS[family] : undefined;
      const parseFailures = (reason: string): (() => void) => {
        this.failures.touch([family, reason]);
        return () => this.failures.inc([family, reason]);
      };
      this.perFamily.set(family, make ? make({ registry, options, parseFailures }) : null);
    }
    registry.beforeCollect(() => {
      const now = this.options.now();
      for (const [family, time] of this.newest) this.lag.set([family], (now - time) / 1000);
    });
  }

  push(family: string, record: LogRecord): void {
    if (record.unparsed) {
      this.failures.inc([family, 'unparsed']);
    } else {
      const level = LEVEL_NAMES.includes(record.level) ? record.level : OTHER_LEVEL;
      this.records.inc([family, level]);
    }
    if (record.time !== null && record.time > (this.newest.get(family) ?? -Infinity))
      this.newest.set(family, record.time);
    this.perFamily.get(family)?.push(record);
  }
}
