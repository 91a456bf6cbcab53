import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, runSmsmon } from '../kit/runSmsmon.js';

/** The bundled sample (the README's quick start) read back against the generator's manifest. */
interface FamilyManifest {
  records: number;
  levels: Record<string, number>;
  tracebacks: number;
  notJsonClean?: number;
}
const manifest = JSON.parse(readFileSync(join(REPO, 'fixtures/logs/manifest.json'), 'utf8')) as {
  families: Record<string, FamilyManifest>;
};

for (const [family, truth] of Object.entries(manifest.families)) {
  test(`fixtures/logs ${family}: every record, level, traceback and recovered message`, async () => {
    const { stdout, code } = await runSmsmon([
      'logs',
      'search',
      family,
      '--dir',
      'fixtures/logs',
      '--ndjson',
    ]);
    assert.equal(code, 0);
    const records = stdout
      .trimEnd()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { level: string; exc_text: string; recovered: boolean; unparsed: boolean },
      );
    assert.equal(records.length, truth.records);
    const levels: Record<string, number> = {};
    for (const r of records) levels[r.level] = (levels[r.level] ?? 0) + 1;
    for (const [level, count] of Object.entries(truth.levels)) assert.equal(levels[level] ?? 0, count, level);
    assert.equal(records.filter((r) => r.exc_text.startsWith('Traceback')).length, truth.tracebacks);
    assert.equal(records.filter((r) => r.recovered).length, truth.notJsonClean ?? 0);
    assert.equal(records.filter((r) => r.unparsed).length, 0);
  });
}

test('quick start: the ERROR records of the sample, exit 0', async () => {
  const { stdout, code } = await runSmsmon([
    'logs',
    'search',
    '--dir',
    'fixtures/logs',
    '--level',
    'ERROR',
    '--fields',
    'level',
  ]);
  assert.equal(code, 0);
  assert.equal(stdout.trimEnd().split('\n').length, manifest.families.app!.levels.ERROR);
});
