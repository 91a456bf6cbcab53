import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GUIDE_BODY } from '../../test/kit/healthServer.js';
import { readHealthBody, uptimeSeconds, type BodyReading } from './healthBody.js';

const JSON_TYPE = 'application/json';
const read = (value: unknown, type: string | null = JSON_TYPE): BodyReading =>
  readHealthBody(type, Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)));
const problem = (reading: BodyReading): string => (reading.ok ? 'valid' : reading.problem);

test("the guide's body validates, every service and field kept", () => {
  const reading = read(GUIDE_BODY);
  assert.ok(reading.ok);
  assert.equal(reading.body.status, 'healthy');
  assert.equal(reading.body.version, '1.0.0');
  assert.equal(reading.body.uptime, 86400);
  assert.deepEqual(reading.body.services.openai, { status: 'healthy', rate_limit_remaining: 4500 });
  assert.deepEqual(reading.body.services.twilio, { status: 'healthy', account_balance: '$45.67' });
  assert.equal(reading.body.services.database?.response_time, 0.023);
});

test('extra services, extra fields and extra top-level keys are allowed', () => {
  const body = {
    ...GUIDE_BODY,
    region: 'eu',
    services: { ...GUIDE_BODY.services, celery: { status: 'healthy', workers: 2, queues: { sms: 3 } } },
  };
  const reading = read(body);
  assert.ok(reading.ok);
  assert.deepEqual(reading.body.services.celery, { status: 'healthy', workers: 2, queues: { sms: 3 } });
  assert.equal((reading.body as Record<string, unknown>).region, 'eu');
});

test('only status and services are required; services may be empty', () => {
  const reading = read({ status: 'healthy', services: {} });
  assert.ok(reading.ok);
  assert.equal(reading.body.version, undefined);
  assert.equal(reading.body.uptime, undefined);
});

test('schema problems name the path and never quote the body', () => {
  assert.equal(problem(read({ status: 'healthy', version: '1' })), 'wrong schema: services: missing');
  assert.equal(problem(read({ services: {} })), 'wrong schema: status: missing');
  assert.equal(
    problem(read({ status: 'healthy', services: { db: { response_time: 1 } } })),
    'wrong schema: services.db.status: missing',
  );
  assert.match(
    problem(read({ status: 'healthy', services: [] })),
    /^wrong schema: services: expected record/,
  );
  assert.match(problem(read([1, 2])), /^wrong schema: the body: expected object/);
  assert.match(
    problem(read({ status: 'healthy', services: { db: { status: 'healthy', response_time: -1 } } })),
    /^wrong schema: services\.db\.response_time: /,
  );
  assert.equal(
    problem(read({ ...GUIDE_BODY, uptime: 'forever' })),
    'wrong schema: uptime: expected seconds (a number) or H:MM:SS',
  );
});

test('response_time: seconds as a number or numeric string; null means not reported', () => {
  const reading = read({
    status: 'healthy',
    services: {
      a: { status: 'healthy', response_time: '0.5' },
      b: { status: 'healthy', response_time: null },
    },
  });
  assert.ok(reading.ok);
  assert.equal(reading.body.services.a?.response_time, 0.5);
  assert.equal(reading.body.services.b?.response_time, null);
});

test('version may be a number; it is kept as text', () => {
  const reading = read({ ...GUIDE_BODY, version: 2 });
  assert.ok(reading.ok);
  assert.equal(reading.body.version, '2');
});

test('uptime: seconds, a numeric string, or str(timedelta)', () => {
  assert.equal(uptimeSeconds(86400), 86400);
  assert.equal(uptimeSeconds('86400.5'), 86400.5);
  assert.equal(uptimeSeconds('2:03:04'), 7384);
  assert.equal(uptimeSeconds('1 day, 0:00:01.5'), 86401.5);
  assert.equal(uptimeSeconds('3 days, 12:00:00'), 302400);
  assert.equal(uptimeSeconds(-1), null);
  assert.equal(uptimeSeconds('1:61:00'), null);
  assert.equal(uptimeSeconds('soon'), null);
});

test('content type: application/json or +json, charset allowed; anything else is named', () => {
  assert.ok(read(GUIDE_BODY, 'application/json; charset=utf-8').ok);
  assert.ok(read(GUIDE_BODY, 'Application/JSON').ok);
  assert.ok(read(GUIDE_BODY, 'application/health+json').ok);
  assert.equal(
    problem(read(GUIDE_BODY, 'text/html; charset=utf-8')),
    'unexpected content type "text/html; charset=utf-8" (expected application/json)',
  );
  assert.equal(
    problem(read(GUIDE_BODY, 'application/jsonp')),
    'unexpected content type "application/jsonp" (expected application/json)',
  );
  assert.equal(problem(read(GUIDE_BODY, null)), 'no content type (expected application/json)');
});

test('truncated or invalid JSON says where, not what', () => {
  const truncated = JSON.stringify({ ...GUIDE_BODY, secret: 'hunter2' }).slice(0, -20);
  const text = problem(read(truncated));
  assert.match(text, /^not JSON: .+ at line 1 column \d+$/);
  assert.doesNotMatch(text, /hunter2/);
  assert.equal(problem(read('')), 'not JSON: empty body');
  assert.equal(
    problem(readHealthBody(JSON_TYPE, Buffer.from([0x7b, 0xff, 0x7d]))),
    'not JSON: the body is not UTF-8',
  );
});

test('a UTF-8 byte order mark is skipped', () => {
  assert.ok(read('\uFEFF' + JSON.stringify(GUIDE_BODY)).ok);
});

test('a body nested deeper than 64 levels is refused with a reason, never a stack overflow', () => {
  const deep = `{"status": "healthy", "services": {}, "x": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
  assert.equal(problem(read(deep)), 'nested deeper than 64 levels');
  const brackets = `{"status": "healthy", "services": {"db": {"status": "healthy", "note": "${'['.repeat(100)}"}}}`;
  assert.equal(problem(read(brackets)), 'valid', 'brackets inside strings do not count');
});

test('a service named __proto__ or constructor is a service like another', () => {
  const reading = read(
    '{"status": "healthy", "services": {"__proto__": {"status": "unhealthy"}, "constructor": {"status": "healthy"}}}',
  );
  assert.ok(reading.ok);
  assert.deepEqual(Object.keys(reading.body.services), ['__proto__', 'constructor']);
  assert.equal(reading.body.services['__proto__']?.status, 'unhealthy');
});
