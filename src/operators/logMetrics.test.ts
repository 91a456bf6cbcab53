import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asctimeParser } from '../core/asctime.js';
import { FAMILIES } from '../core/families.js';
import type { LogRecord } from '../core/record.js';
import { wallClockIn } from '../core/timeZone.js';
import { formatFor } from '../parsers/formats.js';
import { RecordAssembler } from '../parsers/recordAssembler.js';
import { promText } from '../sinks/promText.js';
import { compileDurationReader } from './durationValues.js';
import { LogMetrics, type LogMetricsOptions } from './logMetrics.js';
import { PromRegistry } from './promRegistry.js';
import { compileSmsEvents } from './smsEventKind.js';
import { DEFAULT_SMS_EVENTS } from '../core/smsEvents.js';

const SMS_EVENTS = compileSmsEvents(DEFAULT_SMS_EVENTS);

// Lines as the app writes them (fixtures/logs, test/kit/smsEvents.ts and appEvents.ts).
const SMS = `not a header: a line before the first record
{"level": "INFO", "time": "2024-01-20 00:03:30,345", "module": "views", "message": "Incoming SMS from +15557055327: step 1 ok
ERROR in step 2
Traceback? no idea what that is"}
{"level": "INFO", "time": "2024-01-20 00:03:31,657", "module": "views", "message": "Incoming SMS from +15555239216: What does "carpe diem" mean? category=fun"}
{"level": "INFO", "time": "2024-01-20 00:03:32,211", "module": "tasks", "message": "Outgoing SMS to +15552258021: Ça coûte combien? ñandú €20"}
{"level": "INFO", "time": "2024-01-20 00:03:32,595", "module": "views", "message": "Delivery status SM4212ca912a0756c5e659f8a06d3f63c4 delivered"}
{"level": "WARNING", "time": "2024-01-20 00:03:33,000", "module": "views", "message": "Delivery status SM2ab1e85ffd77b28e7932df3e47dd375a undelivered (error 30003: Unreachable destination handset)"}
{"level": "WARNING", "time": "2024-01-20 00:03:37,453", "module": "views", "message": "Message from +15551843534 truncated to 1600 chars"}
{"level": "ERROR", "time": "2024-01-20 00:03:38,000", "module": "tasks", "message": "Failed to send SMS to +15551234567: Buenos días"}
Traceback (most recent call last):
  File "/app/sms_agent/tasks.py", line 42, in process_sms
celery.exceptions.MaxRetriesExceededError: Can't retry sms_agent.tasks.process_sms[1] args:() kwargs:{}
{"level": "ERROR", "time": "2024-01-20 00:03:39,000", "module": "views", "message": "Rejected SMS from unknown number +15550000000: category=spam hi"}
{"level": "CRITICAL", "time": "2024-01-20 00:03:40,000", "module": "tasks", "message": "SMS queue backlog above 5000 messages, dropping new messages"}
{"level": "INFO", "time": "2024-01-20 00:03:41,000", "module": "views", "message": "Something new"}`;

const APP = `INFO 2024-01-20 00:04:03,464 middleware 1203 139950876231424 GET /health/ 200 processing_time=0.251
INFO 2024-01-20 00:04:03,799 views 1203 139950876231424 SMS handled for user_id=290 processing_time: 0.16s
INFO 2024-01-20 00:04:03,990 middleware 1187 139872337285888 GET /dashboard/api/metrics/ 200 processing_time=0.001
INFO 2024-01-20 00:04:04,000 middleware 1187 139872337285888 GET /sms/status/ 200 processing_time=None
INFO 2024-01-20 00:04:04,102 tasks 2211 140397204399936 Task process_sms[943f8abe-4acf-4a91-a163-3f8551135b00] succeeded in 0.522s
Level 5 2024-01-20 00:04:05,000 views 1187 139872337285888 a custom level
ERROR 2024-01-20 00:04:06,000 ai_service 2211 140397204399936 OpenAI request failed for user_id=396
Traceback (most recent call last):
  File "/app/sms_agent/services/ai_service.py", line 88, in generate_reply
openai.RateLimitError: Error code: 429 - {'error': {'message': 'processing_time=3'}}`;

const ERRORS = `ERROR 2024-01-20 00:02:41,285 twilio_service 2211 140397204399936 Could not send SMS to +15553743307: Twilio error 21610 (unsubscribed recipient)
ERROR 2024-01-20 00:02:42,155 exception 1188 140245923452672 Invalid HTTP_HOST header: 'evil.example'. You may need to add 'evil.example' to ALLOWED_HOSTS.
ERROR 2024-01-20 00:02:43,121 exception 1188 140245923452672 Invalid HTTP_HOST header: 'other.example'. You may need to add 'other.example' to ALLOWED_HOSTS.
WARNING 2024-01-20 00:02:43,500 log 1191 140018263340800 Not Found: /wp-login.php
ERROR 2024-01-20 00:02:44,000 ai_service 2211 140397204399936 OpenAI request failed for user_id=433
Traceback (most recent call last):
  File "/app/sms_agent/services/ai_service.py", line 88, in generate_reply
openai.RateLimitError: Error code: 429`;

function recordsOf(family: string, text: string): LogRecord[] {
  const assembler = new RecordAssembler({
    format: formatFor(FAMILIES[family]!.format),
    parseTime: asctimeParser(wallClockIn('UTC')),
    file: family,
  });
  const out: LogRecord[] = [];
  text.split('\n').forEach((line, i) => assembler.push(line, i + 1, out));
  assembler.flush(out);
  return out;
}

/** Every sample line of the exposition, `name{labels}` → value. */
function samples(registry: PromRegistry): Map<string, number> {
  const lines = promText(registry.collect()).split('\n');
  return new Map(
    lines
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.lastIndexOf(' ')), Number(line.slice(line.lastIndexOf(' ') + 1))]),
  );
}

const NOW = Date.UTC(2024, 0, 20, 0, 5, 0);

function metricsOf(options: Partial<LogMetricsOptions> = {}): Map<string, number> {
  const registry = new PromRegistry();
  const logs = new LogMetrics(registry, ['app', 'errors', 'sms'], {
    errorTypes: 20,
    category: null,
    durationReader: compileDurationReader({ bareExponent: 0 }),
    now: () => NOW,
    smsEvents: SMS_EVENTS,
    onNotice: () => {},
    ...options,
  });
  for (const [family, text] of [
    ['sms', SMS],
    ['app', APP],
    ['errors', ERRORS],
  ] as const)
    for (const record of recordsOf(family, text)) logs.push(family, record);
  return samples(registry);
}

test('sms.log events: requests, successes, every kind; a multi-line body is one record', () => {
  const m = metricsOf();
  assert.equal(m.get('sms_requests_total'), 3); // 2 received + 1 rejected
  assert.equal(m.get('sms_requests_successful'), 1);
  assert.equal(m.get('sms_requests_successful_total'), 1);
  const events = Object.fromEntries(
    [...m]
      .filter(([k]) => k.startsWith('smsmon_sms_events_total'))
      .map(([k, v]) => [/"(\w+)"/.exec(k)![1], v]),
  );
  assert.deepEqual(events, {
    backlog: 1,
    delivered: 1,
    failed: 1,
    other: 1,
    received: 2,
    rejected: 1,
    sent: 1,
    truncated: 1,
    undelivered: 1,
  });
  assert.equal(m.get('smsmon_log_records_total{family="sms",level="INFO"}'), 5);
  assert.equal(m.get('smsmon_log_records_total{family="sms",level="ERROR"}'), 2);
  assert.equal(m.get('smsmon_parse_failures_total{family="sms",reason="unparsed"}'), 1);
  assert.equal(m.has('smsmon_sms_events_by_category_total{event="received",category="none"}'), false);
});

test('levels: the five standard names always there, others as "other"', () => {
  const m = metricsOf();
  assert.equal(m.get('smsmon_log_records_total{family="app",level="INFO"}'), 5);
  assert.equal(m.get('smsmon_log_records_total{family="app",level="other"}'), 1);
  assert.equal(m.get('smsmon_log_records_total{family="app",level="DEBUG"}'), 0);
  assert.equal(m.get('smsmon_log_records_total{family="errors",level="ERROR"}'), 4);
  assert.equal(m.get('smsmon_log_records_total{family="errors",level="WARNING"}'), 1);
});

test('processing_time of app.log by module; a traceback quoting one is not a value; garbage counted', () => {
  const m = metricsOf();
  assert.equal(m.get('smsmon_processing_time_seconds_count{module="middleware"}'), 2);
  assert.equal(m.get('smsmon_processing_time_seconds_bucket{module="middleware",le="0.001"}'), 1);
  assert.equal(m.get('smsmon_processing_time_seconds_bucket{module="middleware",le="0.25"}'), 1);
  assert.equal(m.get('smsmon_processing_time_seconds_bucket{module="middleware",le="0.5"}'), 2);
  assert.equal(m.get('smsmon_processing_time_seconds_count{module="views"}'), 1);
  assert.equal(m.get('smsmon_processing_time_seconds_sum{module="views"}'), 0.16);
  assert.equal(m.has('smsmon_processing_time_seconds_count{module="ai_service"}'), false);
  assert.equal(m.get('smsmon_parse_failures_total{family="app",reason="processing_time"}'), 1);
});

test('error types as errors count names them, from errors.log, ERROR and up only', () => {
  const m = metricsOf();
  const types = [...m].filter(([k]) => k.startsWith('smsmon_errors_total'));
  assert.deepEqual(types, [
    ['smsmon_errors_total{type="RateLimitError"}', 1],
    [
      'smsmon_errors_total{type="exception: Invalid HTTP_HOST header: <quoted>. You may need to add <quoted> to ALLOWED_HOSTS."}',
      2,
    ],
    ['smsmon_errors_total{type="other"}', 0],
    [
      'smsmon_errors_total{type="twilio_service: Could not send SMS to <phone>: Twilio error <*> (unsubscribed recipient)"}',
      1,
    ],
  ]);
});

test('--error-types 1: the first type keeps its series, the rest count as other, and that is said once', () => {
  const told: string[] = [];
  const m = metricsOf({ errorTypes: 1, onNotice: (message) => told.push(message) });
  assert.deepEqual(told, [
    'errors.log has more than 1 error types: "exception: Invalid HTTP_HOST header: <quoted>. You may need to add <quoted> to ALLOWED_HOSTS." and later ones count as type="other" (--error-types raises the limit; `smsmon errors count` lists them all)',
  ]);
  assert.deepEqual(
    [...m]
      .filter(([k]) => k.startsWith('smsmon_errors_total'))
      .map(([k, v]) => `${/"(.*)"/.exec(k)![1]} ${v}`),
    ['other 3', 'twilio_service: Could not send SMS to <phone>: Twilio error <*> (unsubscribed recipient) 1'],
  );
});

test('task category from --category-pattern, bounded; none when the message names none', () => {
  const m = metricsOf({ category: { pattern: /\bcategory=(?<category>\w+)/, limit: 1 } });
  const series = [...m].filter(([k]) => k.startsWith('smsmon_sms_events_by_category_total'));
  assert.deepEqual(
    series.filter(([, v]) => v > 0).map(([k, v]) => `${k.slice(k.indexOf('{'))} ${v}`),
    [
      '{event="backlog",category="none"} 1',
      '{event="delivered",category="none"} 1',
      '{event="failed",category="none"} 1',
      '{event="other",category="none"} 1',
      '{event="received",category="fun"} 1',
      '{event="received",category="none"} 1',
      '{event="rejected",category="other"} 1',
      '{event="sent",category="none"} 1',
      '{event="truncated",category="none"} 1',
      '{event="undelivered",category="none"} 1',
    ],
  );
});

test('lag: now minus the newest record of each family; NaN before any', () => {
  const m = metricsOf();
  assert.equal(m.get('smsmon_exporter_lag_seconds{family="sms"}'), 300 - 221);
  assert.equal(m.get('smsmon_exporter_lag_seconds{family="app"}'), 300 - 246);
  const registry = new PromRegistry();
  new LogMetrics(registry, ['app'], {
    errorTypes: 1,
    category: null,
    durationReader: compileDurationReader({ bareExponent: 0 }),
    now: () => NOW,
    smsEvents: SMS_EVENTS,
    onNotice: () => {},
  });
  assert.ok(Number.isNaN(samples(registry).get('smsmon_exporter_lag_seconds{family="app"}')));
});

test('sms.log records matching no event: a ratio gauge, and one complaint once most of ≥10 are other', () => {
  const told: string[] = [];
  const registry = new PromRegistry();
  const logs = new LogMetrics(registry, ['sms'], {
    errorTypes: 1,
    category: null,
    durationReader: compileDurationReader({ bareExponent: 0 }),
    now: () => NOW,
    smsEvents: SMS_EVENTS,
    onNotice: (message) => told.push(message),
  });
  assert.ok(Number.isNaN(samples(registry).get('smsmon_sms_unclassified_ratio')));
  const line = (message: string) =>
    `{"level": "INFO", "time": "2024-01-20 00:03:30,345", "module": "views", "message": "${message}"}`;
  const push = (message: string) => {
    for (const record of recordsOf('sms', line(message))) logs.push('sms', record);
  };
  for (let i = 0; i < 4; i++) push(`Got a text from +1555000${i}: hi`);
  push('SMS sent to +15550000: hello');
  assert.equal(samples(registry).get('smsmon_sms_unclassified_ratio'), 0.8);
  assert.deepEqual(told, []); // 5 records: too few to judge
  for (let i = 0; i < 5; i++) push(`Got a text from +1555100${i}: hi`);
  assert.equal(samples(registry).get('smsmon_sms_unclassified_ratio'), 0.9);
  samples(registry);
  assert.deepEqual(told, [
    '9 of 10 sms.log records (90 %) match no sms.events pattern (counted as event="other"): `smsmon doctor` lists them and proposes sms.events',
  ]);
});

test('the fixtures wording: a small unclassified share, no complaint', () => {
  const m = metricsOf({ onNotice: () => assert.fail('complained') });
  assert.equal(m.get('smsmon_sms_unclassified_ratio'), 1 / 10);
});
