import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { configSchema } from '../core/configSchema.js';
import { RELATIVE_ACCURACY } from '../operators/sketchQuantiles.js';
import { TopState } from '../operators/topState.js';
import { writeSnapshot } from '../redis/snapshotWriter.js';
import { renderTop } from '../sinks/topScreen.js';
import {
  scratchRedis,
  TEST_REDIS_URL,
  WRITE_OPTIONS,
  type ScratchRedis,
} from '../../test/kit/redisScratch.js';
import { exactP95, FAST_VALUES, sketchedSnapshot, SLOW_VALUES } from '../../test/kit/sketchedSnapshot.js';
import { openTopFromRedis } from './topFromRedis.js';

let scratch: ScratchRedis;
before(async () => (scratch = await scratchRedis()));
after(() => scratch?.cleanup());

test('top --from-redis --fleet: the p95 card is the p95 of the hosts together; a host without sketch is named', async () => {
  const layout = scratch.layout();
  const now = Date.now();
  // web-2 wrote last: before, its own p95 was shown for the whole fleet.
  for (const s of [
    sketchedSnapshot('web-1', now - 120_000, FAST_VALUES),
    sketchedSnapshot('web-old', now - 90_000, [0.2], true),
    sketchedSnapshot('web-2', now - 60_000, SLOW_VALUES),
  ])
    await writeSnapshot(scratch.redis, s, layout, WRITE_OPTIONS);
  const config = configSchema.parse({ redis: { url: TEST_REDIS_URL, prefix: layout.prefix } });
  const state = new TopState();
  const top = await openTopFromRedis(config, { fleet: true }, state);
  try {
    await top.refresh();
  } finally {
    await top.close();
  }
  const truth = exactP95([...FAST_VALUES, ...SLOW_VALUES]);
  const shown = state.latest!.snapshot.metrics.processing_time_p95!;
  assert.ok(Math.abs(shown - truth) <= RELATIVE_ACCURACY * truth, `${shown} vs ${truth}`);
  assert.equal(state.problem, null);
  assert.match(
    state.note!,
    /^processing_time_p50: merged without web-old, whose latest snapshot holds no sketch/,
  );
  const screen = renderTop(state, { columns: 200, rows: 40 }, false, 'from Redis');
  assert.match(screen[1]!, /^q quit · processing_time_p50: merged without web-old/);
});
