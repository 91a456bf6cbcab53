import { jsonObjectOf } from '../core/jsonObject.js';
import type { QuantileState, SketchState } from './quantileStore.js';
import { RELATIVE_ACCURACY, type SketchQuantiles } from './sketchQuantiles.js';

/**
 * What a snapshot stores of a store: its values while their text is the shorter (a quiet host's
 * fleet figures stay exact), else its sketch, so the text never grows past the sketch's size.
 */
export function storedSketchText(store: SketchQuantiles): string | null {
  const sketch = quantileStateText({ kind: 'sketch', sketch: store.exportSketch() });
  const state = store.exportState();
  if (state.kind === 'sketch') return sketch;
  const values = quantileStateText(state);
  return values !== null && (sketch === null || values.length <= sketch.length) ? values : sketch;
}

/**
 * A quantile store's state as one short JSON text, so a stored snapshot can be merged with others
 * later (`metrics show --fleet`). Few values are kept as they are (`{"values":[…]}`, as the store
 * keeps them); a sketch as its summary figures and its bins, each bin a varint of the key's
 * distance from the previous one and a varint of its count, in base64 — two or three bytes a bin
 * where the state's Float64Array pairs take sixteen. The accuracy is stored so that a sketch made
 * with another mapping is refused rather than merged into wrong buckets.
 */
export function quantileStateText(state: QuantileState): string | null {
  if (state.kind === 'values') return JSON.stringify({ values: state.runs.flatMap((run) => [...run]) });
  const { positive, negative, zeroCount, count, min, max, sum } = state.sketch;
  const bins = binsText(positive);
  const negativeBins = binsText(negative);
  if (bins === null || negativeBins === null || !Number.isSafeInteger(zeroCount)) return null;
  return JSON.stringify({
    accuracy: RELATIVE_ACCURACY,
    count,
    min,
    max,
    sum,
    zeros: zeroCount,
    bins,
    ...(negativeBins === '' ? {} : { negative: negativeBins }),
  });
}

/** The state a text of quantileStateText holds; null for anything else. */
export function quantileStateOf(text: string): QuantileState | null {
  const doc = jsonObjectOf(text);
  if (!doc) return null;
  if (Array.isArray(doc.values)) {
    const values = doc.values as unknown[];
    if (!values.every((v) => typeof v === 'number' && Number.isFinite(v))) return null;
    return { kind: 'values', runs: [Float64Array.from(values as number[])] };
  }
  const sketch = sketchStateOf(doc);
  return sketch && { kind: 'sketch', sketch };
}

function sketchStateOf(doc: Record<string, unknown>): SketchState | null {
  const { accuracy, count, min, max, sum, zeros, bins, negative = '' } = doc;
  if (accuracy !== RELATIVE_ACCURACY) return null;
  const figures = [count, min, max, sum, zeros];
  if (!figures.every((v) => typeof v === 'number' && Number.isFinite(v))) return null;
  if (typeof bins !== 'string' || typeof negative !== 'string') return null;
  const positive = binsOf(bins);
  const negativePairs = binsOf(negative);
  if (positive === null || negativePairs === null) return null;
  return {
    positive,
    negative: negativePairs,
    zeroCount: zeros as number,
    count: count as number,
    min: min as number,
    max: max as number,
    sum: sum as number,
  };
}

/** [key, count, key, count, …] in ascending key order → base64 varints; null for a non-integer count. */
function binsText(pairs: Float64Array): string | null {
  const bytes: number[] = [];
  let previous = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    const key = pairs[i]!;
    const count = pairs[i + 1]!;
    if (!Number.isSafeInteger(key) || !Number.isSafeInteger(count) || count < 0) return null;
    pushVarint(bytes, zigzag(key - previous));
    pushVarint(bytes, count);
    previous = key;
  }
  return Buffer.from(bytes).toString('base64');
}

function binsOf(text: string): Float64Array | null {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return null;
  const pairs: number[] = [];
  let at = 0;
  let key = 0;
  while (at < bytes.length) {
    const delta = readVarint(bytes, at);
    if (!delta) return null;
    const count = readVarint(bytes, delta.next);
    if (!count) return null;
    key += unzigzag(delta.value);
    pairs.push(key, count.value);
    at = count.next;
  }
  return Float64Array.from(pairs);
}

// Arithmetic, not bit operators: counts may exceed 32 bits.
function pushVarint(bytes: number[], value: number): void {
  while (value >= 128) {
    bytes.push((value % 128) + 128);
    value = Math.floor(value / 128);
  }
  bytes.push(value);
}

function readVarint(bytes: Buffer, at: number): { value: number; next: number } | null {
  let value = 0;
  let scale = 1;
  for (let i = at; i < bytes.length && scale <= 2 ** 56; i++) {
    const byte = bytes[i]!;
    value += (byte % 128) * scale;
    if (byte < 128) return { value, next: i + 1 };
    scale *= 128;
  }
  return null;
}

const zigzag = (n: number): number => (n >= 0 ? 2 * n : -2 * n - 1);
const unzigzag = (z: number): number => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);
