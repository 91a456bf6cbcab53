// Produces a log directory from the real Django test app (test/django) once, for the output
// recorder: its timestamps come from live traffic, so the directory is stored and both runs read it.
// Usage: node bench/outputs/djangoLogs.mjs OUT_DIR [KIT]   (after npm run build)
// KIT is the built djangoKit module (default dist-test/test/kit/djangoKit.js).
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [outDir, kitPath = 'dist-test/test/kit/djangoKit.js'] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node bench/outputs/djangoLogs.mjs OUT_DIR [path/to/built/djangoKit.js]');
  process.exit(2);
}
if (existsSync(outDir)) {
  console.error(`${outDir} exists; the Django corpus is recorded once, remove it to record again`);
  process.exit(2);
}
if (!existsSync(kitPath)) {
  console.error(`${kitPath} not found: run npm run build:test, or pass the built djangoKit.js`);
  process.exit(2);
}
const { DjangoApp, APP_TZ } = await import(pathToFileURL(resolve(kitPath)).href);
// The same small rotation threshold as test/e2e/django.test.ts, so the traffic rotates files.
const app = new DjangoApp(20_000);
try {
  await app.setup();
  await app.serve();
  const truth = app.traffic();
  cpSync(app.logDir, outDir, { recursive: true });
  const newest = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  writeFileSync(
    resolve(outDir, 'corpus.json'),
    `${JSON.stringify({ tz: APP_TZ, recordedAt: newest, requests: truth.requests }, null, 2)}\n`,
  );
  console.log(`${outDir}: ${truth.requests} requests, zone ${APP_TZ}, recorded at ${newest}`);
} finally {
  await app.stop();
}
