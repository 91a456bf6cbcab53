import { Counter, Gauge, type Family, type FamilySnapshot } from './promFamily.js';
import { Histogram } from './promHistogram.js';

export {
  Counter,
  Gauge,
  type FamilySnapshot,
  type HistogramSnapshot,
  type MetricType,
  type SeriesSnapshot,
} from './promFamily.js';
export { Histogram } from './promHistogram.js';

/** Every family of one exporter; `collect()` runs the hooks (lag, …) and returns them sorted by name. */
export class PromRegistry {
  private readonly families = new Map<string, Family<unknown>>();
  private readonly hooks: Array<() => void> = [];

  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return this.add(new Counter(name, help, labelNames));
  }

  untypedCounter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return this.add(new Counter(name, help, labelNames, 'untyped'));
  }

  gauge(name: string, help: string, labelNames: readonly string[] = []): Gauge {
    return this.add(new Gauge(name, help, labelNames));
  }

  histogram(name: string, help: string, labelNames: readonly string[], bounds: readonly number[]): Histogram {
    return this.add(new Histogram(name, help, labelNames, bounds));
  }

  has(name: string): boolean {
    return this.families.has(name);
  }

  /** Runs before every collect, e.g. to turn "newest record seen" into a lag at scrape time. */
  beforeCollect(hook: () => void): void {
    this.hooks.push(hook);
  }

  collect(): FamilySnapshot[] {
    for (const hook of this.hooks) hook();
    return [...this.families.values()]
      .map((family) => family.snapshot())
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private add<F extends Family<unknown>>(family: F): F {
    if (this.families.has(family.name)) throw new Error(`metric ${family.name} registered twice`);
    this.families.set(family.name, family);
    return family;
  }
}
