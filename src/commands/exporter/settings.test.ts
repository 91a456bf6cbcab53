import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfigText } from '../../core/config.js';
import { configSchema } from '../../core/configSchema.js';
import { resolveLogZone } from '../../core/logZone.js';
import type { ExporterCommandOptions } from './options.js';
import { exporterSettings, parseListen } from './settings.js';

test('--listen: host:port, [v6]:port, :port for every interface', () => {
  assert.deepEqual(parseListen('127.0.0.1:9464'), { host: '127.0.0.1', port: 9464 });
  assert.deepEqual(parseListen('[::1]:0'), { host: '::1', port: 0 });
  assert.deepEqual(parseListen(':9464'), { host: undefined, port: 9464 });
  assert.deepEqual(parseListen('localhost:80'), { host: 'localhost', port: 80 });
  for (const bad of ['9464', '127.0.0.1', '127.0.0.1:65536', 'host:port', '::1:9464', ''])
    assert.throws(() => parseListen(bad), /bad --listen ".*"; expected host:port/, bad);
});

const defaults: ExporterCommandOptions = {
  listen: '127.0.0.1:9464',
  errorTypes: '20',
  categories: '10',
  interval: '30s',
  sample: '500ms',
  system: true,
};
const config = configSchema.parse(parseConfigText('{}', 'test'));
const place = { dir: { path: 'logs', origin: 'from --dir' }, zone: resolveLogZone('UTC') };

test('options are checked before anything is read, naming the option', () => {
  const settings = exporterSettings(defaults, config, place);
  assert.equal(settings.intervalMs, 30_000);
  assert.equal(settings.logMetrics.category, null);
  assert.equal(settings.dir.path, 'logs');
  const bad: Array<[Partial<ExporterCommandOptions>, RegExp]> = [
    [{ errorTypes: '-1' }, /bad --error-types "-1"/],
    [{ categories: 'x' }, /bad --categories "x"/],
    [{ interval: '0s' }, /bad --interval "0s"/],
    [{ categoryPattern: '(' }, /bad --category-pattern regex "\("/],
    [{ categoryPattern: 'category=(\\w+)' }, /no \(\?<category>…\) group/],
  ];
  for (const [change, message] of bad)
    assert.throws(() => exporterSettings({ ...defaults, ...change }, config, place), message);
  const pattern = exporterSettings({ ...defaults, categoryPattern: 'cat=(?<category>\\w+)' }, config, place);
  assert.equal(pattern.logMetrics.category?.pattern.exec('x cat=food')?.groups?.category, 'food');
});
