import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guideOriginalSample, memberSample, smsmonMember, smsmonSample } from './seriesMember.js';

test("guideOriginalSample: redis-py's str(int) or repr(float) of epoch seconds, the value as score", () => {
  assert.deepEqual(guideOriginalSample('1705753800', '42.5'), { timestamp: 1705753800000, value: 42.5 });
  assert.deepEqual(guideOriginalSample('1705753800.25', '-3'), { timestamp: 1705753800250, value: -3 });
  assert.deepEqual(guideOriginalSample('1705753800', '0.10000000000000001'), {
    timestamp: 1705753800000,
    value: 0.1,
  });
  const notSeconds = [
    ['42', '1'], // too early to be a time
    ['1705753800000', '1'], // milliseconds: far beyond 2100 as seconds
    ['-1705753800', '1'],
    ['1.7e9', '1'],
    [' 1705753800', '1'],
    ['1705753800', 'inf'],
    ['1705753800', '-inf'],
    ['1705753800', ''],
    ['abc', '1'],
  ];
  for (const [member, score] of notSeconds) assert.equal(guideOriginalSample(member!, score!), null, member);
});

test('memberSample tells the two forms apart; smsmonMember round-trips', () => {
  assert.deepEqual(memberSample('1705753800000:7', '1705753800000'), {
    timestamp: 1705753800000,
    value: 7,
    form: 'smsmon',
  });
  assert.deepEqual(memberSample('1705753800', '7'), {
    timestamp: 1705753800000,
    value: 7,
    form: 'guide-original',
  });
  assert.equal(memberSample('garbage', '7'), null);
  for (const value of [0.1, -0.25, 1e-7, 12345678.9]) {
    assert.deepEqual(smsmonSample(smsmonMember(1705753800000, value)), { timestamp: 1705753800000, value });
  }
});
