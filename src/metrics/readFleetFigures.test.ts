import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { MetricsSnapshot } from '../core/snapshot.js';
import { RELATIVE_ACCURACY } from '../operators/sketchQuantiles.js';
import { readSeries } from '../redis/seriesReader.js';
import { writeSnapshot } from '../redis/snapshotWriter.js';
import {
  HOUR_MS,
  scratchRedis,
  WRITE_OPTIONS as opts,
  type ScratchRedis,
} from '../../test/kit/redisScratch.js';
import { exactP95, FAST_VALUES, sketchedSnapshot, SLOW_VALUES } from '../../test/kit/sketchedSnapshot.js';
import { readFleetFigures } from './readFleetFigures.js';
import { seriesJson, seriesText } from './seriesReport.js';

const T = Date.UTC(2025, 0, 15, 12);
const window = { sinceMs: T - HOUR_MS, nowMs: T + HOUR_MS };
let scratch: ScratchRedis;
before(async () => (scratch = await scratchRedis()));
after(() => scratch?.cleanup());
const snapshotOf = (host: string, values: readonly number[], old = false) =>
  sketchedSnapshot(host, T, values, old);
const [fast, slow] = [FAST_VALUES, SLOW_VALUES];
const unionP95 = () => exactP95([...fast, ...slow]);

async function fleetOf(snapshots: MetricsSnapshot[]) {
  const layout = scratch.layout();
  for (const s of snapshots) await writeSnapshot(scratch.redis, s, layout, opts);
  const read = await readSeries(scratch.redis, layout, { fleet: true, ...window });
  const fleet = await readFleetFigures(scratch.redis, layout, read.series);
  return {
    report: { hosts: read.hosts, since: window.sinceMs, until: window.nowMs, series: read.series, fleet },
    layout,
  };
}

test('fleet p95 is the p95 of the union of two hosts, not the mean of their p95s', async () => {
  const { report } = await fleetOf([snapshotOf('web-1', fast), snapshotOf('web-2', slow)]);
  const truth = unionP95(); // rank 2090 of 2200: among web-2's values
  const merged = report.fleet.processing_time_p95!;
  assert.deepEqual(merged.without, []);
  assert.ok(Math.abs(merged.value! - truth) <= RELATIVE_ACCURACY * truth, `${merged.value} vs ${truth}`);
  const hostP95s = report.series.processing_time_p95!.map((p) => p.value);
  const mean = (hostP95s[0]! + hostP95s[1]!) / 2;
  assert.ok(Math.abs(mean - truth) > 0.2 * truth, `the mean ${mean} would be far off ${truth}`);

  const doc = JSON.parse(seriesJson(report)) as Record<string, unknown>;
  assert.equal(doc.processing_time_p95, merged.value);
  assert.equal(doc.cpu_percent, 1100, 'other metrics keep the mean of the hosts');
  assert.equal(doc.notes, undefined);
  assert.deepEqual(Object.keys(report.fleet).sort(), ['processing_time_p50', 'processing_time_p95']);
});

test('a host whose latest snapshot has no sketch is left out and named, never averaged in', async () => {
  const { report } = await fleetOf([
    snapshotOf('web-1', fast),
    snapshotOf('web-2', slow),
    snapshotOf('web-3', [50, 60, 70], true),
  ]);
  const merged = report.fleet.processing_time_p95!;
  assert.deepEqual(merged.without, ['web-3']);
  assert.ok(Math.abs(merged.value! - unionP95()) <= RELATIVE_ACCURACY * unionP95());
  const doc = JSON.parse(seriesJson(report)) as { notes: string[]; processing_time_p95: number };
  assert.equal(doc.processing_time_p95, merged.value);
  assert.deepEqual(doc.notes, [
    'processing_time_p50: merged without web-3, whose latest snapshot holds no sketch (written by an older smsmon)',
    'processing_time_p95: merged without web-3, whose latest snapshot holds no sketch (written by an older smsmon)',
  ]);
  assert.match(seriesText(report, false), /\nnote: processing_time_p95: merged without web-3, /);
});

test('no host with a sketch: no fleet figure (null, "-"), with a note', async () => {
  const { report } = await fleetOf([snapshotOf('a', fast, true), snapshotOf('b', slow, true)]);
  assert.deepEqual(report.fleet.processing_time_p95, { value: null, without: ['a', 'b'] });
  const doc = JSON.parse(seriesJson(report)) as Record<string, unknown> & { notes: string[] };
  assert.equal(doc.processing_time_p95, null);
  assert.match(
    doc.notes[1]!,
    /^processing_time_p95: no fleet figure, as the latest snapshot of a, b holds no sketch/,
  );
  assert.match(seriesText(report, false), /processing_time_p95 +│ +2 │[^\n]*│ +- │/);
});

test("the sketch read is the one beside each host's latest point, and one host is left as it is", async () => {
  const layout = scratch.layout();
  const older = { ...snapshotOf('web-1', slow), timestamp: T - 60_000 };
  await writeSnapshot(scratch.redis, older, layout, opts);
  await writeSnapshot(scratch.redis, snapshotOf('web-1', fast), layout, opts);
  const one = await readSeries(scratch.redis, layout, { fleet: true, ...window });
  assert.deepEqual(await readFleetFigures(scratch.redis, layout, one.series), {});
  await writeSnapshot(scratch.redis, snapshotOf('web-2', fast), layout, opts);
  const two = await readSeries(scratch.redis, layout, { fleet: true, ...window });
  const figures = await readFleetFigures(scratch.redis, layout, two.series);
  // Both hosts' latest sketches hold `fast`: web-1's older `slow` one is not merged in.
  assert.equal(figures.processing_time_p95!.value, snapshotOf('x', fast).metrics.processing_time_p95);
});
