import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testRecord } from '../../../test/kit/logRecord.js';
import { latencySummaryOptions } from '../../operators/latencySpec.js';
import { LatencySummaryOperator } from '../../operators/latencySummary.js';
import { buildLatencyPlan } from './plan.js';
import { resolveLogZone } from '../../core/logZone.js';

test("latency's job spec crosses to a worker as is and builds the operator the command builds", () => {
  const plan = buildLatencyPlan(
    {
      pattern: 'took (?<value>[\\d.]+)',
      unit: 'ms',
      percentiles: '50,99',
      by: 'module',
      slowest: '2',
      histogram: true,
      exact: true,
    },
    resolveLogZone('America/New_York'),
  );
  const sent = structuredClone(plan.spec);
  assert.deepEqual(sent, plan.spec);
  const here = new LatencySummaryOperator(plan);
  const there = new LatencySummaryOperator(latencySummaryOptions(sent));
  const records = [
    testRecord('reply took 250', { module: 'ai', time: 1 }),
    testRecord('reply took 1500', { module: 'ai', time: 2 }),
    testRecord('send took 40', { module: 'sms', time: 3 }),
    testRecord('send took nothing', { module: 'sms', time: 4 }),
  ];
  here.push(records);
  there.push(records);
  const result = there.result(plan.percentiles);
  assert.deepEqual(result, here.result(plan.percentiles));
  // --unit ms, --by module, --slowest 2 and the histogram came along.
  assert.equal(result.total.max, 1.5);
  assert.deepEqual(
    result.groups?.map((g) => g.key),
    ['ai', 'sms'],
  );
  assert.equal(result.slowest?.length, 2);
  assert.ok(result.histogram.length > 0);
});
