import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KeySummary } from './seriesKeys.js';
import { guideNoSamplesCause, readNotes, unreadableNote } from './seriesNotes.js';

const T = Date.UTC(2024, 0, 20, 12);
function summary(key: string, smsmon: number, guide: number, unreadable = 0, extra = {}): KeySummary {
  return {
    key,
    members: { smsmon, 'guide-original': guide },
    unreadable,
    guideOriginalInWindow: guide,
    ...(guide > 0 ? { guideOriginalNewest: T } : {}),
    ...extra,
  };
}

test('readNotes: the guide-original keys in one line, each unreadable key by name, the rest counted', () => {
  const keys = [
    summary('metrics:a', 0, 2),
    summary('metrics:b', 3, 1),
    summary('metrics:c', 2, 0),
    summary('metrics:junk', 0, 0, 2, { example: 'abc\x1b[31m' }),
    summary('metrics:str', 0, 0, 0, { notSortedSet: 'string' }),
  ];
  const lines = readNotes(keys, 3);
  assert.equal(lines.filter((l) => l.includes("guide's original layout")).length, 1);
  assert.match(lines[0]!, /^smsmon: 2 key\(s\) .*: metrics:a, metrics:b; `smsmon metrics migrate`/);
  assert.match(
    lines[1]!,
    /^smsmon: metrics:junk holds nothing readable: 2 member\(s\) neither .* e\.g\. "abc\\x1b\[31m"\n$/,
  );
  assert.match(lines[2]!, /^smsmon: metrics:str holds nothing readable: a string, not a sorted set/);
  assert.equal(lines[3], 'smsmon: 1 stored value(s) could not be read and were left out\n');
  assert.equal(lines.length, 4);
  assert.deepEqual(readNotes([summary('metrics:c', 2, 0)], 0), []);
});

test('unreadableNote: a partly readable key says how many of how many were left out', () => {
  assert.match(
    unreadableNote(summary('k', 2, 1, 1, { example: 'x' }))!,
    /^k: 1 of 4 member\(s\) left out, neither/,
  );
  assert.equal(unreadableNote(summary('k', 2, 1)), null);
});

test("guideNoSamplesCause: no key, or the guide's samples all older; nothing to add for smsmon's own", () => {
  assert.match(guideNoSamplesCause([])!, /^no such key exists\..*zremrangebyscore\(key, 0, cutoff\)/);
  const old = { ...summary('metrics:neg', 0, 2), guideOriginalInWindow: 0 };
  assert.match(
    guideNoSamplesCause([old])!,
    /^the 2 sample\(s\) in the guide's original layout are older, the newest at 2024-01-20T12:00:00.000Z .*values below 0/,
  );
  assert.equal(guideNoSamplesCause([summary('metrics:c', 2, 0)]), null);
});
