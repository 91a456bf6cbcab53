import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TopState } from '../operators/topState.js';
import { renderTop } from './topScreen.js';
import { GAPS } from './topLayout.js';
import { displayWidth } from './displayWidth.js';

function state(
  serviceNames = ['database', 'redis', 'openai', 'twilio'],
  {
    samples = 30,
    keepFor = 0,
    errorTypes = Array.from({ length: 12 }, (_, k) => ({
      type: `Error${k}: ${'x'.repeat(k * 20)}`,
      count: 100 - k,
    })),
  } = {},
): TopState {
  const s = new TopState();
  s.keepFor(keepFor);
  for (let i = 0; i < samples; i++)
    s.push({
      snapshot: {
        host: 'web-1',
        timestamp: Date.UTC(2024, 0, 20, 12, 0, 0) + (i - samples + 30) * 5000,
        metrics: {
          cpu_percent: 10 + i,
          memory_percent: 40 + (i % 3),
          tasks_last_hour: 200,
          successful_tasks_last_hour: 190,
          active_users_last_hour: 42,
          avg_processing_time: 0.8,
          processing_time_p95: 2.5,
          error_rate: 1.5,
        },
        details: {},
        failures:
          i === samples - 1
            ? [{ source: 'database', message: 'cannot connect to PostgreSQL at db:5432: connection refused' }]
            : [],
      },
      requests: i * 3,
      errorTypes,
      sms: {
        counts: [
          { event: 'received', count: 4 },
          { event: 'other', count: 36 },
        ],
        records: 40,
        other: 36,
      },
      health: {
        url: 'http://localhost:5001/health',
        state: 'warning',
        reason: 'services.redis: degraded',
        checkedAt: 0,
        elapsedMs: 12,
        httpStatus: 200,
        status: 'healthy',
        version: '1.2.0',
        uptimeSeconds: 3600,
        services: serviceNames.map((name) => ({
          name,
          status: name === 'redis' ? 'degraded' : 'healthy',
          responseTime: 0.012,
          fields: {},
          slow: false,
        })),
      },
    });
  return s;
}

const SIZES = [
  [80, 24],
  [200, 50],
  [40, 15],
  [250, 70],
  [120, 40],
] as const;

for (const [columns, rows] of SIZES) {
  test(`top fills exactly ${columns}×${rows}: no line wider, no empty bottom half`, () => {
    const lines = renderTop(state(), { columns, rows }, false, 'every 5s');
    assert.equal(lines.length, rows);
    for (const line of lines)
      assert.ok([...line].length <= columns, `${[...line].length} > ${columns}: ${line}`);
    assert.notEqual(lines.at(-1), '', 'the last row is used');
    const blank = lines.slice(rows / 2).filter((line) => line.trim() === '').length;
    assert.ok(blank <= GAPS, `${blank} blank rows in the bottom half`);
    const screen = lines.join('\n');
    assert.match(screen, /smsmon top · web-1 · 12:02:25Z/);
    assert.match(screen, /CPU +39 %/);
    assert.match(screen, /Error0/);
    assert.match(screen, /database failed: cannot connect/);
    if (rows >= 24) {
      assert.match(screen, /95\.0 %/); // success rate 190/200
      assert.match(screen, /2\.50s/); // p95
      assert.match(screen, /redis +degraded/);
      assert.match(screen, /received 4, other 36/);
      assert.match(screen, /36 of 40 sms\.log records \(90 %\) match no sms\.events pattern/);
    }
  });
}

/** The error types listed on a screen of this size (12 in the fixture). */
const errorRowsAt = (rows: number): number =>
  renderTop(state(), { columns: 100, rows }, false, '').filter((line) => /^ +\d+ {2}Error\d/.test(line))
    .length;

test('a taller screen lists more error types, and says how many it left out', () => {
  assert.ok(errorRowsAt(30) > errorRowsAt(24), `${errorRowsAt(30)} ≤ ${errorRowsAt(24)}`);
  assert.ok(errorRowsAt(40) > errorRowsAt(30), `${errorRowsAt(40)} ≤ ${errorRowsAt(30)}`);
  assert.equal(errorRowsAt(50), 12);
  const short = renderTop(state(), { columns: 100, rows: 24 }, false, '').join('\n');
  assert.match(short, new RegExp(`… ${12 - errorRowsAt(24)} more error types`));
});

test('charts are as wide as the screen; a short history is right-aligned, not stretched', () => {
  // The CPU chart's bottom row: every sample draws at least ▁ there.
  const cpuLine = (lines: string[]) => lines[lines.findIndex((line) => line.startsWith('Memory')) - 1]!;
  for (const columns of [80, 200, 250]) {
    const wide = cpuLine(
      renderTop(state([], { samples: 400, keepFor: columns }), { columns, rows: 40 }, false, ''),
    );
    assert.equal([...wide].length, columns);
    assert.doesNotMatch(wide.slice(17), / /, `${columns} columns: every chart column drawn`);
  }
  const young = cpuLine(renderTop(state([], { samples: 5 }), { columns: 200, rows: 40 }, false, ''));
  assert.equal([...young].length, 200);
  assert.match(young, /^ +[▁-█]{5}$/);
  assert.equal(young.slice(17, 195).trim(), '');
});

test('a taller screen draws taller charts, filling the rows the lists do not need', () => {
  const lines = renderTop(state([], { samples: 100 }), { columns: 120, rows: 70 }, false, '');
  const cpu = lines.findIndex((line) => line.startsWith('CPU'));
  const memory = lines.findIndex((line) => line.startsWith('Memory'));
  assert.ok(memory - cpu >= 5, `CPU chart ${memory - cpu} rows`);
});

test('colour codes only with colour on; before the first sample it says so', () => {
  assert.ok(!renderTop(state(), { columns: 80, rows: 24 }, false, '').join('').includes('\x1b['));
  assert.ok(renderTop(state(), { columns: 80, rows: 24 }, true, '').join('').includes('\x1b['));
  assert.match(renderTop(new TopState(), { columns: 80, rows: 24 }, false, '').join('\n'), /collecting/);
});

test('service names and statuses from /health are escaped: no control byte reaches the terminal', () => {
  const lines = renderTop(
    state(['db\x1b]0;owned\x07\x1b[2J', 'redis']),
    { columns: 120, rows: 40 },
    false,
    'every 5s',
  );
  const screen = lines.join('\n');
  assert.doesNotMatch(screen, /[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  assert.match(screen, /db\\x1b\]0;owned/);
});

test('error types in wide characters are cut by terminal cells: no line runs past the screen', () => {
  const errorTypes = [
    { type: `ValueError: ${'データベース接続エラー'.repeat(12)}`, count: 7 },
    { type: `views: 👍🏽 ${'🚀'.repeat(60)}`, count: 3 },
  ];
  for (const columns of [40, 80, 120]) {
    const lines = renderTop(state(undefined, { errorTypes }), { columns, rows: 30 }, false, '');
    for (const line of lines) assert.ok(displayWidth(line) <= columns, `${columns}: ${line}`);
    assert.ok(
      lines.some((line) => line.includes('データ') && line.endsWith('…')),
      'the type is shown, cut',
    );
  }
});
