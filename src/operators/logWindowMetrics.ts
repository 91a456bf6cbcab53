import { LEVEL_NAMES, LEVELS, levelValue, type LogRecord } from '../core/record.js';
import type { SourceMetrics } from '../core/snapshot.js';
import { GARBAGE, type DurationReader } from './durationValues.js';
import { LatencyStats } from './latencyStats.js';
import { parsePercentiles } from './percentiles.js';
import { SketchQuantiles } from './sketchQuantiles.js';
import { storedSketchText } from './sketchText.js';

/** Levels always reported, 0 when absent, so every series is continuous from one snapshot to the next. */
const REPORTED_LEVELS = LEVEL_NAMES.filter((name) => LEVELS[name]! >= LEVELS.WARNING!);
const ERROR_LEVEL = LEVELS.ERROR!;
const PERCENTILES = parsePercentiles('50,95');

/**
 * The log half of a metrics snapshot: over one window of records, counts per level, the share
 * of ERROR and above (`error_rate`, in %), and processing_time p50/p95 (the latency operator's
 * sketch: within 1 %).
 */
export class LogWindowMetrics {
  private records = 0;
  private errors = 0;
  private readonly byLevel = new Map<string, number>();
  private readonly store = new SketchQuantiles();
  private readonly latency = new LatencyStats(this.store, null);

  constructor(
    private readonly reader: DurationReader,
    private readonly window: { since: number; until: number },
  ) {}

  /** Takes a record if it falls in the window; records outside it are ignored. */
  push(record: LogRecord): void {
    if (record.time === null || record.time < this.window.since || record.time >= this.window.until) return;
    this.records++;
    const level = record.level || '(none)';
    this.byLevel.set(level, (this.byLevel.get(level) ?? 0) + 1);
    if ((levelValue(record.level) ?? 0) >= ERROR_LEVEL) this.errors++;
    const seconds = this.reader.read(record);
    if (seconds !== null && seconds !== GARBAGE) this.latency.push(seconds);
  }

  result(): SourceMetrics {
    const metrics: Record<string, number> = {
      log_records_last_hour: this.records,
      log_errors_last_hour: this.errors,
      error_rate: this.records === 0 ? 0 : round((100 * this.errors) / this.records, 3),
      processing_time_count: this.latency.count,
    };
    for (const level of REPORTED_LEVELS)
      metrics[`log_${level.toLowerCase()}_last_hour`] = this.byLevel.get(level) ?? 0;
    const [p50, p95] = this.latency.valuesOf(PERCENTILES);
    if (p50 != null) metrics.processing_time_p50 = p50;
    if (p95 != null) metrics.processing_time_p95 = p95;
    const byLevel = Object.fromEntries([...this.byLevel].sort(([a], [b]) => a.localeCompare(b)));
    // The percentiles' state, so that a fleet's figures are merged from it rather than averaged.
    const sketch = this.latency.count > 0 ? storedSketchText(this.store) : null;
    return {
      metrics,
      details: { log_records_by_level: byLevel },
      ...(sketch === null ? {} : { sketches: { processing_time: sketch } }),
    };
  }
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
