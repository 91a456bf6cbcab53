import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoundedLabel, OVERFLOW } from './boundedLabel.js';
import { PromRegistry } from './promRegistry.js';
import { KEY_CUT, MAX_KEY_CHARS, capKey } from '../core/recordLimits.js';

test('a counter never goes down: negative, NaN and infinite steps are refused', () => {
  const c = new PromRegistry().counter('c_total', 'c');
  c.inc();
  c.inc([], 2.5);
  for (const bad of [-1, NaN, Infinity]) assert.throws(() => c.inc([], bad), /only goes up/);
  assert.equal(c.value(), 3.5);
});

test('a series, once there, stays: touched at 0, kept after every later collect', () => {
  const registry = new PromRegistry();
  const c = registry.counter('c_total', 'c', ['type']);
  c.touch(['a']);
  c.inc(['b']);
  const labelsOf = (): string[][] => registry.collect()[0]!.series.map((s) => [...s.labels]) as string[][];
  assert.deepEqual(labelsOf(), [['a'], ['b']]);
  c.inc(['b']);
  assert.deepEqual(labelsOf(), [['a'], ['b']]);
});

test('label count, names and double registration are checked', () => {
  const registry = new PromRegistry();
  const c = registry.counter('c_total', 'c', ['family', 'level']);
  assert.throws(() => c.inc(['app']), /takes labels family, level/);
  assert.throws(() => registry.counter('c_total', 'again'), /registered twice/);
  assert.throws(() => registry.counter('bad-name', 'x'), /bad metric name/);
  assert.throws(() => registry.counter('x_total', 'x', ['__reserved']), /bad label name/);
  assert.throws(() => registry.histogram('h', 'h', ['le'], [1]), /"le" is the bucket label/);
  assert.throws(() => registry.histogram('h2', 'h', [], [1, 1]), /increasing/);
});

test('a histogram counts a value equal to a bound in that bound; NaN is not an observation', () => {
  const h = new PromRegistry().histogram('h_seconds', 'h', [], [0.25, 1]);
  for (const v of [0, 0.25, 0.5, 1, 2, NaN]) h.observe([], v);
  const snapshot = h.snapshot();
  assert.ok(snapshot.type === 'histogram');
  assert.deepEqual(snapshot.series[0], { labels: [], buckets: [2, 4], count: 5, sum: 3.75 });
});

test('a histogram sum stays exact over a long run (compensated: a plain sum drifts)', () => {
  const h = new PromRegistry().histogram('h_seconds', 'h', [], [1]);
  let plain = 0;
  for (let i = 0; i < 1_000_000; i++) {
    h.observe([], 0.1);
    plain += 0.1;
  }
  const snapshot = h.snapshot();
  assert.ok(snapshot.type === 'histogram');
  assert.equal(snapshot.series[0]!.sum, 100_000);
  assert.notEqual(plain, 100_000);
});

test('gauges start as NaN (not known) and take any value', () => {
  const g = new PromRegistry().gauge('g', 'g', ['family']);
  g.set(['app'], NaN);
  g.set(['sms'], -3);
  const snapshot = g.snapshot();
  assert.ok(snapshot.type === 'gauge');
  assert.deepEqual(
    snapshot.series.map((s) => s.value),
    [NaN, -3],
  );
});

test('bounded label: the first N distinct values keep their series, later ones are "other"', () => {
  const label = new BoundedLabel(2);
  assert.deepEqual(
    ['A', 'B', 'C', 'A', 'D', 'B'].map((v) => label.map(v)),
    ['A', 'B', OVERFLOW, 'A', OVERFLOW, 'B'],
  );
  assert.equal(label.size, 2);
  assert.equal(new BoundedLabel(0).map('A'), OVERFLOW);
});

test('bounded label: very long values are cut, and the cut value is the one kept', () => {
  const label = new BoundedLabel(5);
  const long = 'x'.repeat(500);
  const cut = label.map(long);
  assert.equal(cut, capKey(long));
  assert.equal(cut.length, MAX_KEY_CHARS + KEY_CUT.length);
  assert.equal(label.map(`${long}y`), cut);
  assert.equal(label.size, 1);
});
