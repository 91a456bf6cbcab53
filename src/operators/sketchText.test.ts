import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergedPercentiles } from './mergedPercentiles.js';
import { nearestRank, parsePercentiles } from './percentiles.js';
import type { QuantileState } from './quantileStore.js';
import { RELATIVE_ACCURACY, SketchQuantiles } from './sketchQuantiles.js';
import { quantileStateOf, quantileStateText, storedSketchText } from './sketchText.js';
import { Random } from '../../test/kit/random.js';

const P = parsePercentiles('1,50,95,99,100');

function stateOf(values: readonly number[]): QuantileState {
  const store = new SketchQuantiles();
  for (const v of values) store.add(v);
  return store.exportState();
}

function exact(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return P.map((p) => sorted[nearestRank(p, sorted.length) - 1]!);
}

function latencies(seed: number, n: number, scale: number): number[] {
  const random = new Random(seed);
  return Array.from({ length: n }, () => Math.round(scale * Math.exp(2 * random.next()) * 1e3) / 1e3);
}

test('a sketch survives the text: the same percentiles, summary figures and bins', () => {
  const values = [...latencies(1, 5000, 0.05), 0, 0, -0.5];
  const state = stateOf(values);
  assert.equal(state.kind, 'sketch');
  const text = quantileStateText(state)!;
  assert.deepEqual(quantileStateOf(text), state);
  assert.deepEqual(mergedPercentiles([quantileStateOf(text)!], P), mergedPercentiles([state], P));
});

test('few values are kept as they are: merged, their percentiles are exact', () => {
  const a = [0.25, 0.5, 1e-9, 123.456];
  const b = [2, 3, 0.1 + 0.2];
  const texts = [stateOf(a), stateOf(b)].map((s) => quantileStateText(s)!);
  assert.equal(texts[0], '{"values":[0.25,0.5,1e-9,123.456]}');
  const states = texts.map((t) => quantileStateOf(t)!);
  assert.deepEqual(mergedPercentiles(states, P), exact([...a, ...b]));
});

test('merged states give the percentiles of the union within 1 %, sketch and values mixed', () => {
  const fast = latencies(2, 3000, 0.01);
  const slow = latencies(3, 300, 1);
  const merged = mergedPercentiles(
    [stateOf(fast), stateOf(slow)].map((s) => quantileStateOf(quantileStateText(s)!)!),
    P,
  );
  exact([...fast, ...slow]).forEach((truth, i) =>
    assert.ok(
      Math.abs(merged[i]! - truth) <= RELATIVE_ACCURACY * truth,
      `${P[i]!.label}: ${merged[i]} vs ${truth}`,
    ),
  );
});

test('the text is compact: a few bytes a bin', () => {
  const text = quantileStateText(stateOf(latencies(4, 100_000, 0.01)))!;
  const bins =
    (stateOf(latencies(4, 100_000, 0.01)) as { sketch: { positive: Float64Array } }).sketch.positive.length /
    2;
  assert.ok(text.length < 200 + 5 * bins, `${text.length} bytes for ${bins} bins`);
});

test('a snapshot stores the values while they are the shorter text, else the sketch', () => {
  const storeOf = (values: readonly number[]) => {
    const store = new SketchQuantiles();
    for (const v of values) store.add(v);
    return store;
  };
  assert.equal(storedSketchText(storeOf([0.5, 1.25])), '{"values":[0.5,1.25]}');
  const many = storeOf(latencies(6, 1000, 0.05)); // kept as they are, but a sketch is shorter
  const text = storedSketchText(many)!;
  assert.ok(text.length < quantileStateText(many.exportState())!.length);
  assert.equal(quantileStateOf(text)?.kind, 'sketch');
  assert.deepEqual(quantileStateOf(text), { kind: 'sketch', sketch: many.exportSketch() });
  assert.equal(many.exportState().kind, 'values', 'the store itself still keeps its values');
});

test('anything else is no state: garbage, wrong shapes, another accuracy', () => {
  const good = JSON.parse(quantileStateText(stateOf(latencies(5, 2000, 0.1)))!) as Record<string, unknown>;
  for (const text of [
    'nope',
    '[]',
    '{"values":[1,"2"]}',
    JSON.stringify({ ...good, accuracy: 0.02 }),
    JSON.stringify({ ...good, count: 'many' }),
    JSON.stringify({ ...good, bins: '!!!' }),
    JSON.stringify({ ...good, bins: 'gA==' }), // a varint that never ends
  ])
    assert.equal(quantileStateOf(text), null, text);
});
