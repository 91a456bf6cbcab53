import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveLogZone } from '../../core/logZone.js';
import type { LogRecord } from '../../core/record.js';
import { unparsedRecord } from '../../parsers/recordAssembler.js';
import { compileQuery } from '../../scan/compileQuery.js';
import { buildLogQuery } from './logQuery.js';

const NOW = Date.UTC(2024, 0, 20, 12, 0, 0);
const HOUR = 3_600_000;
/** Kathmandu is +05:45 all year: no machine running the tests is likely to be in it. */
const ZONE = 'Asia/Kathmandu';

const record = (over: Partial<LogRecord>): LogRecord => ({
  ...unparsedRecord('', 'app.log', 1),
  unparsed: false,
  ...over,
});

/** Every combination of what the flags below look at, half of each on either side of a filter. */
function records(): LogRecord[] {
  const all: LogRecord[] = [];
  for (const time of [NOW - 2 * HOUR, NOW - HOUR, NOW - HOUR / 2, null])
    for (const level of ['INFO', 'WARNING', 'WARN', 'ERROR'])
      for (const module of ['tasks', 'views'])
        for (const pid of [42, 7, null])
          for (const [message, excText] of [
            ['OpenAI RateLimitError', ''],
            ['task failed', 'openai.RATELIMITERROR: 429'],
            ['task failed', ''],
          ])
            all.push(record({ time, level, module, pid, message, excText }));
  return all;
}

async function queryOf(options: Parameters<typeof buildLogQuery>[1]) {
  const dir = mkdtempSync(join(tmpdir(), 'smsmon-query-'));
  const file = join(dir, 'app.log');
  writeFileSync(file, '');
  const pinned = process.env.SMSMON_NOW;
  process.env.SMSMON_NOW = new Date(NOW).toISOString();
  try {
    const place = { dir: { path: dir, origin: 'from --dir' }, zone: resolveLogZone(options.tz) };
    return await buildLogQuery([file], options, { follow: false, place });
  } finally {
    if (pinned === undefined) delete process.env.SMSMON_NOW;
    else process.env.SMSMON_NOW = pinned;
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a QuerySpec crosses to a worker as is (structuredClone) and filters there as here', async () => {
  const query = await queryOf({
    tz: ZONE,
    since: '1h',
    grep: 'ratelimit',
    ignoreCase: true,
    level: 'WARNING+',
    module: ['tasks'],
    pid: ['42'],
  });
  const sent = structuredClone(query.spec);
  assert.deepEqual(sent, query.spec);
  const there = compileQuery(sent);

  const all = records();
  const matched = all.filter(query.filter);
  assert.deepEqual(all.filter(there.filter), matched);
  // The same records, each on the right side of every filter: an hour back from the pinned now,
  // warnings and above (WARN too), the module, the pid, and the message or traceback in any case.
  assert.equal(matched.length, 2 * 3 * 2);
  for (const r of matched) {
    assert.ok(r.time !== null && r.time >= NOW - HOUR, `time ${r.time}`);
    assert.notEqual(r.level, 'INFO');
    assert.equal(r.module, 'tasks');
    assert.equal(r.pid, 42);
    assert.match(r.message + r.excText, /ratelimit/i);
  }
  assert.equal(there.since, NOW - HOUR);
  assert.equal(there.relative, true);
  assert.deepEqual(there.levels, ['WARNING', 'WARN', 'ERROR', 'CRITICAL', 'FATAL']);
});

test('the zone crosses as data: the worker reads wall-clock times in --tz, not in its own zone', async () => {
  const query = await queryOf({ tz: ZONE, since: '2024-01-20T10:00', until: '2024-01-20T17:45' });
  const there = compileQuery(structuredClone(query.spec));
  const noon = [2024, 1, 20, 12, 0, 0] as const;
  const noonThere = Date.UTC(2024, 0, 20, 12, 0, 0) - (5 * HOUR + 45 * 60_000);
  assert.equal(query.wallClock(...noon), noonThere);
  assert.equal(there.wallClock(...noon), noonThere);
  assert.notEqual(there.wallClock(...noon), new Date(2024, 0, 20, 12, 0, 0).getTime());
  // --since and --until without a zone were read in --tz once, and cross as epoch ms.
  assert.equal(there.since, noonThere - 2 * HOUR);
  assert.equal(there.until, noonThere + 5 * HOUR + 45 * 60_000);
  assert.equal(there.relative, false);
  const all = records();
  assert.deepEqual(all.filter(there.filter), all.filter(query.filter));
});
