import { detach } from '../core/detach.js';

/**
 * Prometheus metric families kept in memory, with fixed label names. Written by hand rather than
 * with prom-client: the few rules we need (a counter never goes down, a series once created is
 * never dropped, output sorted and stable) fit in these files.
 */
export type MetricType = 'counter' | 'gauge' | 'histogram' | 'untyped';

export interface SeriesSnapshot {
  readonly labels: readonly string[];
  readonly value: number;
}

export interface HistogramSnapshot {
  readonly labels: readonly string[];
  /** Cumulative: buckets[i] counts the observations <= bounds[i]; +Inf is `count`. */
  readonly buckets: readonly number[];
  readonly count: number;
  readonly sum: number;
}

/** One family as plain data, for a sink to write. Series sorted by label values. */
export type FamilySnapshot =
  | {
      readonly type: 'counter' | 'gauge' | 'untyped';
      readonly name: string;
      readonly help: string;
      readonly labelNames: readonly string[];
      readonly series: readonly SeriesSnapshot[];
    }
  | {
      readonly type: 'histogram';
      readonly name: string;
      readonly help: string;
      readonly labelNames: readonly string[];
      readonly bounds: readonly number[];
      readonly series: readonly HistogramSnapshot[];
    };

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Series of one family by their label values; a series is never removed. */
export abstract class Family<S> {
  protected readonly series = new Map<string, { labels: readonly string[]; state: S }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
  ) {
    if (!METRIC_NAME.test(name)) throw new Error(`bad metric name "${name}"`);
    for (const label of labelNames)
      if (!LABEL_NAME.test(label) || label.startsWith('__')) throw new Error(`bad label name "${label}"`);
  }

  abstract snapshot(): FamilySnapshot;

  protected abstract fresh(): S;

  protected stateOf(labels: readonly string[]): S {
    if (labels.length !== this.labelNames.length)
      throw new Error(`${this.name} takes labels ${this.labelNames.join(', ')}, got ${labels.length} values`);
    const key = labels.join('\u0000');
    let entry = this.series.get(key);
    if (!entry) {
      entry = { labels: labels.map(detach), state: this.fresh() };
      this.series.set(key, entry);
    }
    return entry.state;
  }

  protected sorted(): Array<{ labels: readonly string[]; state: S }> {
    return [...this.series.values()].sort((a, b) => compareLabels(a.labels, b.labels));
  }
}

export class Counter extends Family<{ value: number }> {
  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    /** 'untyped' for a counter whose name cannot end in _total (the guide's sms_requests_successful). */
    private readonly exposedAs: 'counter' | 'untyped' = 'counter',
  ) {
    super(name, help, labelNames);
  }

  /** Adds `by` (>= 0): a counter that went down would read as a restart of the exporter. */
  inc(labels: readonly string[] = [], by = 1): void {
    if (!(by >= 0) || !Number.isFinite(by)) throw new RangeError(`${this.name}: a counter only goes up`);
    this.stateOf(labels).value += by;
  }

  /** Creates the series at 0, so it is there before the first event. */
  touch(labels: readonly string[] = []): void {
    this.stateOf(labels);
  }

  value(labels: readonly string[] = []): number {
    return this.series.get(labels.join('\u0000'))?.state.value ?? 0;
  }

  snapshot(): FamilySnapshot {
    const series = this.sorted().map(({ labels, state }) => ({ labels, value: state.value }));
    return { type: this.exposedAs, name: this.name, help: this.help, labelNames: this.labelNames, series };
  }

  protected fresh(): { value: number } {
    return { value: 0 };
  }
}

export class Gauge extends Family<{ value: number }> {
  /** Any number, NaN meaning "not known (yet)". */
  set(labels: readonly string[], value: number): void {
    this.stateOf(labels).value = value;
  }

  snapshot(): FamilySnapshot {
    const series = this.sorted().map(({ labels, state }) => ({ labels, value: state.value }));
    return { type: 'gauge', name: this.name, help: this.help, labelNames: this.labelNames, series };
  }

  protected fresh(): { value: number } {
    return { value: Number.NaN };
  }
}

function compareLabels(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}
