import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configJsonSchema } from './config.js';
import { configSchema } from './configSchema.js';
import {
  durationMs,
  durationMsOf,
  LONGEST_TIMER_MS,
  parseDuration,
  parseDurationSeconds,
} from './duration.js';

/** What the option parser accepts. */
function isDuration(text: string): boolean {
  try {
    parseDuration('--timeout', text);
    return true;
  } catch {
    return false;
  }
}

/** Text → milliseconds; every one is also what the config and the JSON Schema accept. */
const VALID_DURATIONS: ReadonlyArray<readonly [string, number]> = [
  ['10', 10_000],
  ['0.5', 500],
  ['500ms', 500],
  ['30s', 30_000],
  ['30 s', 30_000],
  ['2sec', 2_000],
  ['15m', 900_000],
  ['15min', 900_000],
  ['2h', 7_200_000],
  ['1.5h', 5_400_000],
  ['1d', 86_400_000],
  ['1w', 604_800_000],
  ['1h30m', 5_400_000],
  ['1h 30m', 5_400_000],
  [' 1d12h ', 129_600_000],
  ['1w2d3h4m5s6ms', 604_800_000 + 2 * 86_400_000 + 3 * 3_600_000 + 4 * 60_000 + 5_000 + 6],
  ['2m30s', 150_000],
  ['1m500ms', 60_500],
  ['800us', 0.8],
  ['800µs', 0.8],
  ['0.001s', 1],
  ['0s5ms', 5],
];

/** Not durations (above zero): rejected by the parser and the schema alike. */
const INVALID_DURATIONS: readonly string[] = [
  '',
  ' ',
  '0',
  '0s',
  '0h0m',
  '-1s',
  '1x',
  '1.s',
  '.5s',
  '1e3',
  's',
  'h1',
  '1h30',
  '30m1h',
  '1m1m',
  '1mins',
  '1H',
  '1 hour',
  '24 hours',
  'now',
  'yesterday',
  '1h,30m',
  '1_000s',
  '9999999999s',
  'NaN',
  'Infinity',
];

test('durations: plain seconds, units, compounds largest unit first', () => {
  for (const [text, ms] of VALID_DURATIONS) {
    assert.equal(parseDuration('--timeout', text), ms, text);
    assert.equal(isDuration(text), true, text);
  }
});

test('not durations: a usage error that names the valid forms', () => {
  for (const text of INVALID_DURATIONS) {
    assert.throws(
      () => parseDuration('--timeout', text),
      {
        name: 'SmsmonError',
        message: `bad --timeout "${text}"; expected a duration like 10 (seconds), 500ms, 90s, 15m, 1h30m, 2d`,
      },
      text,
    );
    assert.equal(isDuration(text), false, text);
  }
});

test('zero is a duration only where asked for (a --fail-over limit, --since 0s)', () => {
  assert.equal(parseDurationSeconds('--fail-over', '0', { zero: true }), 0);
  assert.equal(parseDurationSeconds('--fail-over', '0ms', { zero: true }), 0);
  assert.equal(durationMsOf('0s'), 0);
  assert.equal(durationMsOf('1h30m'), 5_400_000);
  assert.equal(durationMsOf('soon'), undefined);
  assert.throws(() => parseDurationSeconds('--fail-over', '-1s', { zero: true }), /bad --fail-over "-1s"/);
});

test("a timer's delay waits at most what setTimeout can (2^31 − 1 ms), a retention is not cut", () => {
  assert.equal(parseDuration('--timeout', '30d', { timer: true }), LONGEST_TIMER_MS);
  assert.equal(parseDuration('--timeout', '24d', { timer: true }), 24 * 86_400_000);
  assert.equal(durationMs('30d', { timer: true }), LONGEST_TIMER_MS);
  assert.equal(durationMs('30d'), 30 * 86_400_000);
  assert.equal(parseDurationSeconds('--watch', '4w', { timer: true }), LONGEST_TIMER_MS / 1000);
});

test('seconds are read as the decimal written, not through milliseconds', () => {
  assert.equal(parseDurationSeconds('--fail-over', '800ms'), 0.8);
  assert.equal(parseDurationSeconds('--fail-over', '0.0007308000000000001s'), 0.0007308000000000001);
  assert.equal(parseDurationSeconds('--fail-over', '1.234'), 1.234);
  assert.equal(parseDurationSeconds('--fail-over', '812us'), 0.000812);
  assert.equal(parseDurationSeconds('--fail-over', '1m30s'), 90);
});

interface Node {
  pattern?: string;
  properties?: Record<string, Node>;
}

/** Every duration key of the JSON Schema, with its pattern. */
function durationPatterns(): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (node: Node, path: string): void => {
    if (node.pattern !== undefined && /timeout|retention|expiry|skew|repeat/i.test(path)) {
      found.set(path, node.pattern);
    }
    for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, `${path}.${key}`);
  };
  walk(configJsonSchema() as Node, '');
  return found;
}

test("the JSON Schema's duration pattern accepts exactly what the parser accepts", () => {
  const patterns = durationPatterns();
  assert.deepEqual([...patterns.keys()].sort(), [
    '.alerts.repeat',
    '.database.statementTimeout',
    '.database.timeout',
    '.health.timeout',
    '.redis.keyExpiry',
    '.redis.maxFutureSkew',
    '.redis.retention',
  ]);
  const examples = [...VALID_DURATIONS.map(([text]) => text), ...INVALID_DURATIONS];
  for (const [path, pattern] of patterns) {
    const schemaRegex = new RegExp(pattern, 'u');
    for (const text of examples) {
      assert.equal(schemaRegex.test(text), isDuration(text), `${path}: ${JSON.stringify(text)}`);
    }
  }
});

test('the config accepts the durations the parser accepts: health.timeout "10" is 10 seconds', () => {
  for (const text of [...VALID_DURATIONS.map(([t]) => t), ...INVALID_DURATIONS]) {
    const parsed = configSchema.safeParse({ health: { timeout: text } });
    assert.equal(parsed.success, isDuration(text), JSON.stringify(text));
  }
});
