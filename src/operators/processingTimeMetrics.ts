import type { LogRecord } from '../core/record.js';
import { BoundedLabel } from './boundedLabel.js';
import { GARBAGE, type DurationReader } from './durationValues.js';
import type { Histogram, PromRegistry } from './promRegistry.js';

/** 1 ms to 60 s, roughly 1-2.5-5 per decade: the app's requests (ms) up to slow AI replies (tens of s). */
export const PROCESSING_TIME_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
] as const;

/** Modules with their own series; a Django app has a handful. */
const MODULE_LIMIT = 20;

/** processing_time of app.log records (any spelling and unit the latency command reads), by module. */
export class ProcessingTimeMetrics {
  private readonly histogram: Histogram;
  private readonly modules = new BoundedLabel(MODULE_LIMIT);

  constructor(
    registry: PromRegistry,
    private readonly reader: DurationReader,
    /** Called for a processing_time that is not a number ("processing_time=None"). */
    private readonly onGarbage: () => void,
  ) {
    this.histogram = registry.histogram(
      'smsmon_processing_time_seconds',
      `processing_time of app.log records, by module (the first ${MODULE_LIMIT} modules seen, later ones as "other").`,
      ['module'],
      PROCESSING_TIME_BUCKETS,
    );
  }

  push(record: LogRecord): void {
    if (record.unparsed) return;
    const keyword = this.reader.keyword;
    if (keyword !== undefined && !record.message.includes(keyword)) return;
    const seconds = this.reader.read(record);
    if (seconds === null) return;
    if (seconds === GARBAGE) return this.onGarbage();
    this.histogram.observe([this.modules.map(record.module || '-')], seconds);
  }
}
