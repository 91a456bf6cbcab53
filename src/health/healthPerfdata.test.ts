import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_SERVICE_SERIES, type HealthCheckResult, type ServiceHealth } from '../core/health.js';
import { healthPerfdata, perfLabel, perfNumber } from './healthPerfdata.js';

const service = (name: string, responseTime: number | null): ServiceHealth => ({
  name,
  status: 'healthy',
  responseTime,
  fields: {},
  slow: false,
});

const result: HealthCheckResult = {
  url: 'http://app/health',
  state: 'ok',
  reason: 'healthy (4 services)',
  checkedAt: 0,
  elapsedMs: 24,
  responseMs: 23,
  httpStatus: 200,
  status: 'healthy',
  version: '1.0.0',
  uptimeSeconds: 86400,
  services: [
    service('database', 0.023),
    service('redis', 0.001),
    service('openai', null),
    service('twilio', null),
  ],
};

/** One performance datum of the plugin guidelines: 'label'=value[UOM];[warn];[crit];[min];[max]. */
const DATUM = /^('(?:[^']|'')+'|[^ =']+)=-?[0-9.]+[a-zA-Z%]*(;-?[0-9.]*){0,4}$/;

test("the guide's body: the answer's time, then each service that reports a response time", () => {
  const perfdata = healthPerfdata(result, { warnMs: 1000, criticalMs: 5000 });
  assert.equal(perfdata, 'time=0.023s;1;5;0 database=0.023s;1;5;0 redis=0.001s;1;5;0');
  for (const datum of perfdata.split(' ')) assert.match(datum, DATUM);
});

test('no -c: the critical field stays empty; fractions of a second as given', () => {
  assert.equal(healthPerfdata({ ...result, services: [] }, { warnMs: 250 }), 'time=0.023s;0.25;;0');
  assert.equal(
    healthPerfdata({ ...result, services: [] }, { warnMs: 1.5, criticalMs: 0.001 }),
    'time=0.023s;0.0015;0.000001;0',
  );
});

test('no HTTP answer: nothing to report', () => {
  assert.equal(healthPerfdata({ ...result, responseMs: null }, { warnMs: 1000 }), '');
  assert.equal(healthPerfdata({ ...result, responseMs: undefined }, { warnMs: 1000 }), '');
});

test('labels: quoted when they hold a space or a quote (doubled); = and | replaced; controls escaped', () => {
  assert.equal(perfLabel('database'), 'database');
  assert.equal(perfLabel('twilio sms'), "'twilio sms'");
  assert.equal(perfLabel("o'reilly"), "'o''reilly'");
  assert.equal(perfLabel('a=b'), 'a_b');
  assert.equal(perfLabel('a|b'), 'a_b');
  assert.equal(perfLabel('a\nb'), 'a\\nb');
  assert.equal(perfLabel('tab\there'), 'tab\\there');
  assert.equal(perfLabel('no\u00a0break'), "'no\u00a0break'");
  assert.equal(perfLabel(''), 'unnamed');
  const services = ['twilio sms', "it's", 'k=v', 'x|y', 'time'].map((name) => service(name, 0.5));
  const perfdata = healthPerfdata({ ...result, services }, { warnMs: 1000 });
  assert.equal(
    perfdata,
    "time=0.023s;1;;0 'twilio sms'=0.5s;1;;0 'it''s'=0.5s;1;;0 k_v=0.5s;1;;0 x_y=0.5s;1;;0 services.time=0.5s;1;;0",
  );
  assert.match(
    `HEALTH OK - x | ${perfdata}`,
    /^[^|]*\| ('(?:[^']|'')+'|[^ =']+)=\S+( ('(?:[^']|'')+'|[^ =']+)=\S+)*$/,
  );
});

test('numbers: plain decimals to the microsecond, never an exponent; unwritable ones are left out', () => {
  assert.equal(perfNumber(0.023), '0.023');
  assert.equal(perfNumber(2), '2');
  assert.equal(perfNumber(1e-7), '0');
  assert.equal(perfNumber(0.0000015), '0.000002');
  assert.equal(perfNumber(123456789.123), '123456789.123');
  assert.equal(perfNumber(1e300), null);
  const services = [service('huge', 1e300), service('tiny', 1e-9)];
  assert.equal(healthPerfdata({ ...result, services }, { warnMs: 1000 }), 'time=0.023s;1;;0 tiny=0s;1;;0');
});

test('services past the first MAX_SERVICE_SERIES share `other`, with the slowest time', () => {
  const services = Array.from({ length: MAX_SERVICE_SERIES + 5 }, (_, i) => service(`s${i}`, i / 100));
  const data = healthPerfdata({ ...result, services }, { warnMs: 1000 }).split(' ');
  assert.equal(data.length, 1 + MAX_SERVICE_SERIES + 1);
  assert.equal(data.at(-1), `other=${(MAX_SERVICE_SERIES + 4) / 100}s;1;;0`);
  for (const datum of data) assert.match(datum, DATUM);
});
