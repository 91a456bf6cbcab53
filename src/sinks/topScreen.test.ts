import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TopState } from '../operators/topState.js';
import { renderTop } from './topScreen.js';

function state(serviceNames = ['database', 'redis', 'openai', 'twilio']): TopState {
  const s = new TopState();
  for (let i = 0; i < 30; i++)
    s.push({
      snapshot: {
        host: 'web-1',
        timestamp: Date.UTC(2024, 0, 20, 12, 0, i * 5),
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
          i === 29
            ? [{ source: 'database', message: 'cannot connect to PostgreSQL at db:5432: connection refused' }]
            : [],
      },
      requests: i * 3,
      errorTypes: Array.from({ length: 12 }, (_, k) => ({
        type: `Error${k}: ${'x'.repeat(k * 20)}`,
        count: 100 - k,
      })),
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

for (const [columns, rows] of [
  [80, 24],
  [200, 50],
  [40, 12],
]) {
  test(`top fills exactly ${columns}×${rows} and no line is wider`, () => {
    const lines = renderTop(state(), { columns: columns!, rows: rows! }, false, 'every 5s');
    assert.equal(lines.length, rows);
    for (const line of lines)
      assert.ok([...line].length <= columns!, `${[...line].length} > ${columns}: ${line}`);
    const screen = lines.join('\n');
    assert.match(screen, /smsmon top · web-1 · 12:02:25Z/);
    if (rows! >= 24) {
      assert.match(screen, /CPU +39 %/);
      assert.match(screen, /95\.0 %/); // success rate 190/200
      assert.match(screen, /2\.50s/); // p95
      assert.match(screen, /Error0/);
    }
    if (rows! >= 50) {
      assert.match(screen, /redis +degraded/);
      assert.match(screen, /received 4, other 36/);
      assert.match(
        screen,
        /36 of 40 sms\.log records \(90 %\) match no sms\.events pattern: see smsmon doctor/,
      );
    }
  });
}

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
