import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, runSmsmon } from '../kit/runSmsmon.js';

/**
 * dashboards/smsmon.json is valid JSON, and every metric its PromQL names is one the exporter
 * really exports: the names come from a real `exporter --textfile` run on the sample logs with a
 * real health endpoint, so a renamed metric breaks this test, not the dashboard in production.
 */
const dir = mkdtempSync(join(tmpdir(), 'smsmon-dashboard-'));
let server: Server;
let exported: Set<string>;

before(async () => {
  server = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({
        status: 'healthy',
        timestamp: '2024-01-20T00:30:00Z',
        version: '1.0.0',
        uptime: 3600,
        services: {
          database: { status: 'healthy', response_time: 0.01 },
          redis: { status: 'healthy', response_time: 0.002 },
        },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const config = join(dir, 'smsmon.config.json');
  writeFileSync(config, JSON.stringify({ health: { url: `http://127.0.0.1:${port}/health` } }));
  const out = join(dir, 'smsmon.prom');
  const run = await runSmsmon(['--config', config, 'exporter', '--dir', 'fixtures/logs', '--textfile', out]);
  assert.equal(run.code, 0, run.stderr);
  exported = new Set(
    readFileSync(out, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)![0]),
  );
});

after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** PromQL's function names and keywords: everything else bare in an expression is a metric name. */
const PROMQL_WORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
]);

function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '') // label values
    .replace(/\{[^}]*\}/g, '') // label matchers
    .replace(/\[[^\]]*\]/g, '') // ranges
    .replace(/\b(?:by|without|on|ignoring)\s*\([^)]*\)/g, '') // grouping labels
    .replace(/\b[a-zA-Z_]+\s*\(/g, '('); // function calls
  return (bare.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? []).filter((word) => !PROMQL_WORDS.has(word));
}

test('the dashboard is valid JSON and every panel queries something', () => {
  const dashboard = JSON.parse(readFileSync(join(REPO, 'dashboards/smsmon.json'), 'utf8')) as {
    panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
  };
  assert.ok(dashboard.panels.length >= 8);
  for (const panel of dashboard.panels)
    assert.ok(panel.targets.length > 0 && panel.targets.every((t) => t.expr), panel.title);
});

test("every metric in the dashboard's PromQL is exported, including the guide's two panels", () => {
  const dashboard = JSON.parse(readFileSync(join(REPO, 'dashboards/smsmon.json'), 'utf8')) as {
    panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
  };
  const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
  assert.ok(exprs.includes('rate(sms_requests_total[5m])'));
  assert.ok(exprs.includes('rate(sms_requests_successful[5m]) / rate(sms_requests_total[5m]) * 100'));
  const named = new Set(exprs.flatMap(metricNames));
  assert.ok(named.size >= 10, [...named].join(' '));
  for (const name of named)
    assert.ok(exported.has(name), `${name} is not exported (exported: ${[...exported].join(', ')})`);
  for (const health of ['smsmon_health_up', 'smsmon_health_app_up', 'smsmon_health_response_seconds'])
    assert.ok(named.has(health) && exported.has(health), health);
});

test('the name extraction finds names and only names', () => {
  assert.deepEqual(metricNames('histogram_quantile(0.95, sum by (le) (rate(x_bucket{a="b(c)"}[5m])))'), [
    'x_bucket',
  ]);
  assert.deepEqual(metricNames('rate(a[5m]) / rate(b[5m]) * 100'), ['a', 'b']);
});

interface DataSourceRef {
  type?: string;
  uid?: string;
}

test('a datasource template variable lets the dashboard be provisioned from a file', () => {
  const text = readFileSync(join(REPO, 'dashboards/smsmon.json'), 'utf8');
  const dashboard = JSON.parse(text) as {
    templating?: { list: Array<{ name: string; type: string; query: string }> };
    panels: Array<{
      title: string;
      datasource: DataSourceRef;
      targets: Array<{ datasource: DataSourceRef }>;
    }>;
  };
  const variable = dashboard.templating?.list.find((v) => v.type === 'datasource');
  assert.deepEqual(variable && { name: variable.name, query: variable.query }, {
    name: 'datasource',
    query: 'prometheus',
  });
  // A provisioned file gets no import step: an unreplaced ${DS_…} input would be a dead reference.
  assert.doesNotMatch(text, /\$\{DS_/);
  const expected = { type: 'prometheus', uid: '${datasource}' };
  for (const panel of dashboard.panels) {
    assert.deepEqual(panel.datasource, expected, panel.title);
    for (const target of panel.targets) assert.deepEqual(target.datasource, expected, panel.title);
  }
});

test('the npm package ships the dashboard', () => {
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  assert.equal(pack.status, 0, pack.stderr);
  const packed = JSON.parse(pack.stdout) as Array<{ files: Array<{ path: string }> }>;
  const files = packed[0]!.files;
  assert.ok(
    files.some((f) => f.path === 'dashboards/smsmon.json'),
    files.map((f) => f.path).join(' '),
  );
});
