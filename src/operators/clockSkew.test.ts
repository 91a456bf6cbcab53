import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asctimeParser } from '../core/asctime.js';
import { wallClockIn } from '../core/timeZone.js';
import { asctimeIn } from '../../test/kit/wallClock.js';
import { clockSkewLine, offsetText } from '../sinks/clockSkewText.js';
import { clockSkew } from './clockSkew.js';

const H = 3_600_000;
const M = 60_000;
/** The file was last written (and its newest record logged) at this instant. */
const written = Date.UTC(2024, 6, 20, 16, 30, 0);

/** The newest record's time as a reader in `readerZone` gets it from asctime written in `writerZone`. */
function readAs(writerZone: string, readerZone: string): number {
  return asctimeParser(wallClockIn(readerZone))(asctimeIn(written, writerZone))!;
}

const skewOf = (writer: string, reader: string) =>
  clockSkew(
    { file: 'app.log', mtimeMs: written + 120, newestMs: readAs(writer, reader) },
    wallClockIn(reader),
  );

test('New York logs read as UTC look older than the file: written in UTC-04:00 in July (EDT)', () => {
  const skew = skewOf('America/New_York', 'UTC');
  assert.equal(skew?.writerOffsetMs, -4 * H);
  assert.ok(skew.deltaMs < 0);
  assert.equal(
    clockSkewLine(skew),
    `smsmon: app.log's newest record is 4h00m behind its mtime: logs written in UTC-04:00? set "tz": "-04:00" or --tz=-04:00`,
  );
});

test('the other way round: UTC logs read in New York look newer than the file: written in UTC+00:00', () => {
  const skew = skewOf('UTC', 'America/New_York');
  assert.equal(skew?.writerOffsetMs, 0);
  assert.ok(skew.deltaMs > 0);
  assert.match(clockSkewLine(skew), /4h00m ahead of its mtime: logs written in UTC\+00:00\?/);
});

test("the writer's offset is the reader's plus the gap: Berlin read in Tokyo, Kolkata read in New York", () => {
  assert.equal(skewOf('Europe/Berlin', 'Asia/Tokyo')?.writerOffsetMs, 2 * H);
  assert.equal(skewOf('Asia/Kolkata', 'America/New_York')?.writerOffsetMs, 5.5 * H);
  assert.equal(skewOf('America/New_York', '+09:00')?.writerOffsetMs, -4 * H);
});

test('read in the right zone, or a gap that is no zone offset: nothing to say', () => {
  assert.equal(skewOf('America/New_York', 'America/New_York'), null);
  assert.equal(skewOf('America/New_York', '-04:00'), null);
  const utc = wallClockIn('UTC');
  const at = (gapMs: number) => clockSkew({ file: 'a', mtimeMs: written, newestMs: written + gapMs }, utc);
  assert.equal(at(-9 * M), null, 'a pause of the app');
  assert.equal(at(-2 * H - 7 * M), null, 'between two quarter hours: a touched file');
  assert.equal(at(-400 * 24 * H), null, 'a copy of old logs');
  assert.equal(at(-13 * H)?.writerOffsetMs, undefined, 'no zone is 13 h behind UTC');
  assert.equal(at(14 * H)?.writerOffsetMs, 14 * H, 'Kiribati is 14 h ahead');
});

test('offsets are written as tz takes them', () => {
  assert.equal(offsetText(-5 * H), '-05:00');
  assert.equal(offsetText(5.75 * H), '+05:45');
  assert.equal(offsetText(0), '+00:00');
  assert.equal(wallClockIn(offsetText(-5 * H))(2024, 1, 1, 0, 0, 0), Date.UTC(2024, 0, 1, 5));
});
