import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExactQuantiles, ValueBudget } from './exactQuantiles.js';
import { LatencyStats } from './latencyStats.js';
import { breaches, parseThresholds } from './latencyThresholds.js';

test('--fail-over: several limits, in one option or repeated; exceeded only strictly above', () => {
  const thresholds = parseThresholds(['p95=2s,p99=500ms', 'max=10s', 'mean=1']);
  assert.deepEqual(
    thresholds.map((t) => [t.text, t.limit]),
    [
      ['p95=2s', 2],
      ['p99=500ms', 0.5],
      ['max=10s', 10],
      ['mean=1', 1],
    ],
  );
  const stats = new LatencyStats(new ExactQuantiles(new ValueBudget()), null);
  for (let i = 1; i <= 100; i++) stats.push(i / 50); // 0.02 … 2.00
  assert.deepEqual(
    breaches(thresholds, stats).map((b) => [b.threshold.text, b.value]),
    [
      ['p99=500ms', 1.98],
      ['mean=1', 1.01],
    ],
  );
});

test('--fail-over typos are usage errors', () => {
  for (const bad of ['p95', 'p95=fast', 'q95=2s', 'p101=2s', '=2s'])
    assert.throws(() => parseThresholds([bad]), /bad --fail-over/, bad);
});
