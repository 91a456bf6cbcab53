import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExactQuantiles, ValueBudget } from './exactQuantiles.js';
import { LatencyStats } from './latencyStats.js';
import { LogBuckets } from './logBuckets.js';
import { nearestRank, parsePercentiles } from './percentiles.js';
import { RELATIVE_ACCURACY, SketchQuantiles } from './sketchQuantiles.js';
import { Random } from '../../test/kit/random.js';

const PERCENTILES = parsePercentiles('0.1,1,10,25,50,75,90,95,99,99.9,99.99,100');

/** The fixture generator's seeded PRNG (mulberry32) as a function: the same corpus on every run. */
const random = (seed: number): (() => number) => {
  const generator = new Random(seed);
  return () => generator.next();
};

/** The reference: sort everything, index by nearest rank. */
function reference(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return PERCENTILES.map((p) => sorted[nearestRank(p, sorted.length) - 1]!);
}

const CORPORA: Record<string, () => number[]> = {
  'log-normal latencies with zeros': () => {
    const r = random(1);
    return Array.from({ length: 50_000 }, () =>
      r() < 0.02
        ? 0
        : Math.round(
            Math.exp(Math.log(0.06) + 1.2 * Math.sqrt(-2 * Math.log(r() || 1e-9)) * Math.cos(6.28318 * r())) *
              1e3,
          ) / 1e3,
    );
  },
  'one value': () => [0.25],
  'all equal': () => Array.from({ length: 3000 }, () => 1.5),
  'all zero': () => Array.from({ length: 10 }, () => 0),
  'very large and very small': () => {
    const r = random(2);
    return Array.from({ length: 5000 }, () => 10 ** (r() * 600 - 300));
  },
  'two values': () => [2, 1],
};

for (const [name, make] of Object.entries(CORPORA)) {
  test(`exact percentiles equal a sorted reference: ${name}`, () => {
    const values = make();
    const stats = new LatencyStats(new ExactQuantiles(new ValueBudget()), null);
    for (const v of values) stats.push(v);
    assert.deepEqual(stats.valuesOf(PERCENTILES), reference(values));
    assert.equal(stats.min, Math.min(...values));
    assert.equal(stats.max, Math.max(...values));
  });

  test(`the sketch stays within 1 % of the exact value at every rank: ${name}`, () => {
    const values = make();
    const stats = new LatencyStats(new SketchQuantiles(), null);
    for (const v of values) stats.push(v);
    const exact = reference(values);
    stats.valuesOf(PERCENTILES).forEach((value, i) => {
      const truth = exact[i]!;
      assert.ok(
        Math.abs(value! - truth) <= RELATIVE_ACCURACY * truth,
        `${PERCENTILES[i]!.label}: ${value} vs ${truth}`,
      );
    });
  });
}

test('groups merged into a total give the same percentiles as one store (exact and sketch)', () => {
  const r = random(3);
  const values = Array.from({ length: 20_000 }, () => Math.round(r() * r() * 1e6) / 1e3);
  for (const store of [() => new ExactQuantiles(new ValueBudget()), () => new SketchQuantiles()]) {
    const groups = [0, 1, 2, 3].map(() => new LatencyStats(store(), null));
    const single = new LatencyStats(store(), null);
    values.forEach((v, i) => {
      groups[i % (i < 100 ? 4 : 3)]!.push(v);
      single.push(v);
    });
    const total = new LatencyStats(store(), null);
    for (const g of groups) total.merge(g);
    assert.equal(total.count, values.length);
    assert.deepEqual(total.valuesOf(PERCENTILES), single.valuesOf(PERCENTILES));
    assert.ok(Math.abs(total.mean! - single.mean!) < 1e-12 * single.mean!);
  }
});

test('the sketch keeps a few values as they are: exact percentiles, exact after a merge of small groups', () => {
  const r = random(4);
  const values = Array.from({ length: 1000 }, () => Math.round(r() * 1e6) / 1e3);
  const a = new LatencyStats(new SketchQuantiles(), null);
  const b = new LatencyStats(new SketchQuantiles(), null);
  values.forEach((v, i) => (i % 2 ? a : b).push(v));
  a.merge(b);
  assert.deepEqual(a.valuesOf(PERCENTILES), reference(values));
});

test('the mean is the exact mean to double precision', () => {
  const stats = new LatencyStats(new SketchQuantiles(), null);
  for (let i = 0; i < 1_000_000; i++) stats.push(0.1);
  assert.equal(stats.mean, 0.1);
});

test('--exact past its cap is a usage error naming the cap', () => {
  const stats = new LatencyStats(new ExactQuantiles(new ValueBudget(1000)), null);
  for (let i = 0; i < 1000; i++) stats.push(i);
  assert.throws(
    () => stats.push(1),
    (e: Error & { exitCode?: number }) => e.exitCode === 2 && /stops at 1,000/.test(e.message),
  );
});

test('no values: null statistics', () => {
  const stats = new LatencyStats(new SketchQuantiles(), null);
  assert.deepEqual(stats.summary(parsePercentiles('50')), {
    count: 0,
    min: null,
    mean: null,
    max: null,
    percentiles: [{ label: 'p50', value: null }],
  });
});

test('exported state merged in a fresh store gives the same figures as one pass (sketch and exact)', () => {
  const r = random(5);
  const values = Array.from({ length: 30_000 }, () => (r() < 0.01 ? 0 : Math.round(r() * r() * 1e6) / 1e3));
  const cuts = [0, 700, 1500, 30_000]; // kept values, a spilled sketch, and both kinds merged
  for (const store of [() => new ExactQuantiles(new ValueBudget()), () => new SketchQuantiles()]) {
    const single = new LatencyStats(store(), new LogBuckets());
    for (const v of values) single.push(v);
    const parts = cuts.slice(1).map((end, i) => {
      const part = new LatencyStats(store(), new LogBuckets());
      for (const v of values.slice(cuts[i], end)) part.push(v);
      return structuredClone(part.exportState());
    });
    const merged = new LatencyStats(store(), new LogBuckets());
    for (const state of parts) merged.mergeState(state);
    assert.equal(merged.count, single.count);
    assert.equal(merged.min, single.min);
    assert.equal(merged.max, single.max);
    assert.deepEqual(merged.valuesOf(PERCENTILES), single.valuesOf(PERCENTILES));
    assert.deepEqual(merged.histogram(), single.histogram());
    assert.ok(Math.abs(merged.mean! - single.mean!) <= 1e-12 * single.mean!);
  }
});

test('--exact counts merged values against its cap', () => {
  const part = new LatencyStats(new ExactQuantiles(new ValueBudget()), null);
  for (let i = 0; i < 600; i++) part.push(i);
  const total = new LatencyStats(new ExactQuantiles(new ValueBudget(1000)), null);
  for (let i = 0; i < 500; i++) total.push(i);
  assert.throws(() => total.mergeState(part.exportState()), /stops at 1,000/);
});
