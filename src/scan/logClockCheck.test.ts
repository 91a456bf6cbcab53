import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { FAMILIES } from '../core/families.js';
import { resolveLogZone } from '../core/logZone.js';
import { asctimeIn } from '../../test/kit/wallClock.js';
import { checkLogClock } from './logClockCheck.js';

const root = mkdtempSync(join(tmpdir(), 'smsmon-log-clock-'));
after(() => rmSync(root, { recursive: true, force: true }));
const written = Date.UTC(2024, 0, 20, 16, 30, 0);

/** A logs directory whose app.log was last written at `mtime`, its newest record logged at `written` in `zone`. */
function appWrittenIn(name: string, zone: string, mtime = written): string {
  const dir = join(root, name);
  mkdirSync(dir);
  const path = join(dir, 'app.log');
  const line = (at: number) => `INFO ${asctimeIn(at, zone)} views 1 2 POST /sms/ 200\n`;
  writeFileSync(path, line(written - 60_000) + line(written) + 'Traceback (most recent call last):\n');
  utimesSync(path, mtime / 1000, mtime / 1000);
  return dir;
}

const check = (dir: string, tz: string) =>
  checkLogClock({ dir: { path: dir, origin: 'from --dir' }, zone: resolveLogZone(tz) }, FAMILIES.app!);

test('read in the zone it was written in: PASS', async () => {
  const result = await check(appWrittenIn('right', 'America/New_York'), 'America/New_York');
  assert.equal(result.status, 'pass');
  assert.match(result.detail, /matches its mtime \(read in America\/New_York, from --tz\)/);
});

test('New York logs read as UTC: WARN naming -05:00 and the key to set', async () => {
  const result = await check(appWrittenIn('wrong', 'America/New_York'), 'UTC');
  assert.equal(result.name, 'log-clock:app');
  assert.equal(result.status, 'warn');
  assert.equal(
    result.detail,
    "app.log's newest record is 5h00m behind its mtime, read in UTC, from --tz: written in UTC-05:00?",
  );
  assert.match(result.hint, /^set "tz": "-05:00" in smsmon\.config\.json/);
});

test('nothing to compare, or a gap no zone has: PASS with what was seen', async () => {
  assert.match((await check(join(root, 'missing'), 'UTC')).detail, /^app\.log: no dated record to compare/);
  const copied = await check(appWrittenIn('copied', 'UTC', written + 3 * 86_400_000 + 17 * 60_000), 'UTC');
  assert.equal(copied.status, 'pass');
  assert.match(copied.detail, /^app\.log's newest record is 72h17m behind its mtime: no zone's offset/);
});
