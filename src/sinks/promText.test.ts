import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PromRegistry } from '../operators/promRegistry.js';
import { escapeLabelValue, formatValue, promText } from './promText.js';

test('label values escape backslash, double quote and line feed, and nothing else', () => {
  assert.equal(escapeLabelValue('C:\\temp "x"\nnext\ttab é'), 'C:\\\\temp \\"x\\"\\nnext\ttab é');
  const registry = new PromRegistry();
  registry.counter('t_total', 'a \\ help\nwith "quotes"', ['type']).inc(['a"b\\c\nd']);
  assert.equal(
    promText(registry.collect()),
    [
      '# HELP t_total a \\\\ help\\nwith "quotes"',
      '# TYPE t_total counter',
      't_total{type="a\\"b\\\\c\\nd"} 1',
      '',
    ].join('\n'),
  );
});

test('values: integers plain, NaN and infinities spelled as Prometheus reads them', () => {
  assert.deepEqual([3, 0.25, 1e-7, 2.5e21, NaN, Infinity, -Infinity, -0.5].map(formatValue), [
    '3',
    '0.25',
    '1e-7',
    '2.5e+21',
    'NaN',
    '+Inf',
    '-Inf',
    '-0.5',
  ]);
});

test('histogram buckets are cumulative, +Inf equals _count, a bound is inside its bucket', () => {
  const registry = new PromRegistry();
  const h = registry.histogram('h_seconds', 'h', ['module'], [0.01, 0.1, 1]);
  for (const v of [0.005, 0.01, 0.05, 0.1, 0.5, 2, 7]) h.observe(['views'], v);
  const text = promText(registry.collect());
  assert.equal(
    text,
    [
      '# HELP h_seconds h',
      '# TYPE h_seconds histogram',
      'h_seconds_bucket{module="views",le="0.01"} 2',
      'h_seconds_bucket{module="views",le="0.1"} 4',
      'h_seconds_bucket{module="views",le="1"} 5',
      'h_seconds_bucket{module="views",le="+Inf"} 7',
      'h_seconds_sum{module="views"} 9.665',
      'h_seconds_count{module="views"} 7',
      '',
    ].join('\n'),
  );
});

test('families sorted by name, series by labels: the same state gives the same bytes', () => {
  const build = (order: string[]): string => {
    const registry = new PromRegistry();
    const b = registry.counter('b_total', 'b', ['x']);
    const a = registry.gauge('a', 'a');
    for (const x of order) b.inc([x]);
    a.set([], 1);
    return promText(registry.collect());
  };
  const one = build(['z', 'a', 'm']);
  assert.equal(one, build(['m', 'z', 'a']));
  assert.deepEqual(
    one.split('\n').filter((l) => !l.startsWith('#') && l),
    ['a 1', 'b_total{x="a"} 1', 'b_total{x="m"} 1', 'b_total{x="z"} 1'],
  );
});

test('a family without series still says what it is; no registry, no text', () => {
  const registry = new PromRegistry();
  registry.histogram('h_seconds', 'h', ['module'], [1]);
  registry.untypedCounter('sms_requests_successful', 'ok').touch();
  assert.equal(
    promText(registry.collect()),
    '# HELP h_seconds h\n# TYPE h_seconds histogram\n' +
      '# HELP sms_requests_successful ok\n# TYPE sms_requests_successful untyped\nsms_requests_successful 0\n',
  );
  assert.equal(promText([]), '');
});
