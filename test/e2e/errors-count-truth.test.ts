import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus, type Manifest } from '../kit/corpus.js';
import { runSmsmon } from '../kit/runSmsmon.js';

/**
 * `errors count` against a generated corpus whose truth the generator recorded: rotated and
 * gzipped files, edge cases (tracebacks at INFO/WARNING, chained exceptions), records lost to
 * rotation. Exception types must match exactly; message templates must cluster exactly as the
 * generator's own templates (same multiset of counts).
 */
const dir = mkdtempSync(join(tmpdir(), 'smsmon-errors-truth-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let manifest: Manifest;

interface Group {
  type: string;
  count: number;
}

before(async () => {
  manifest = await generateCorpus({
    dir,
    records: 30_000,
    seed: 11,
    edgeCases: true,
    gzipFrom: 2,
    maxBytes: { app: 600_000, errors: 300_000, sms: 300_000 },
  });
});

async function count(args: string[]): Promise<{ total: number; groups: Group[] }> {
  const { stdout, stderr, code } = await runSmsmon([
    'errors',
    'count',
    '--dir',
    dir,
    '--json',
    '--qualified',
    ...args,
  ]);
  assert.equal(code, 0, stderr);
  return JSON.parse(stdout) as { total: number; groups: Group[] };
}

const isException = (type: string): boolean => !type.includes(': ');

function expectedErrorTypes(family: 'app' | 'errors'): Map<string, number> {
  const byLevel = manifest.families[family].errorTypesByLevel;
  const sum = new Map<string, number>();
  for (const level of ['ERROR', 'CRITICAL'] as const) {
    for (const [type, n] of Object.entries(byLevel[level] ?? {}))
      if (n > 0) sum.set(type, (sum.get(type) ?? 0) + n);
  }
  return sum;
}

for (const family of ['errors', 'app'] as const) {
  test(`${family}: every exception type counted exactly, and the total`, async () => {
    const { total, groups } = await count([family]);
    assert.equal(total, manifest.families[family].errorRecords);
    const actual = new Map(groups.filter((g) => isException(g.type)).map((g) => [g.type, g.count]));
    assert.deepEqual(actual, expectedErrorTypes(family));
  });

  test(`${family}: records without a traceback cluster exactly as the generator's templates`, async () => {
    const { groups } = await count([family]);
    // The generator writes request lines from several templates (a 504 with a huge value, a 500
    // with an unreadable one such as `abc` or `n/a`) where an app has one middleware statement;
    // masked by shape they share groups by method, path and separator: compared by their sum.
    const requestLine = (text: string): boolean => text.includes('processing_time');
    const plain = groups.filter((g) => !isException(g.type));
    const templates = Object.entries(manifest.families[family].templates).filter(([, n]) => n > 0);
    assert.equal(
      plain.filter((g) => requestLine(g.type)).reduce((sum, g) => sum + g.count, 0),
      templates.filter(([t]) => requestLine(t)).reduce((sum, [, n]) => sum + n, 0),
    );
    const actual = plain.filter((g) => !requestLine(g.type)).map((g) => g.count);
    const expected = templates.filter(([t]) => !requestLine(t)).map(([, n]) => n);
    assert.deepEqual(
      actual.sort((a, b) => a - b),
      expected.sort((a, b) => a - b),
    );
  });
}
