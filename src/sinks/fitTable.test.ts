import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayWidth } from './displayWidth.js';
import { fitTable, NO_LIMIT, tableWidthOf, type ColumnFit } from './fitTable.js';
import { renderTable } from './table.js';

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const WORDS = ['error', 'RateLimitError', '日本語', '🚀', 'x', 'django.db', 'café', '/sms/webhook'];
const columnWidths = (rows: ReadonlyArray<readonly string[]>) =>
  rows[0]!.map((_, i) => Math.max(...rows.map((row) => displayWidth(row[i]!))));

test('random tables: never wider than the limit when the minimums fit; every cut marked; least important cut first', () => {
  const next = random(16);
  const int = (below: number): number => Math.floor(next() * below);
  const cell = (): string => Array.from({ length: int(6) }, () => WORDS[int(WORDS.length)]).join(' ');
  for (let n = 0; n < 1500; n++) {
    const count = 1 + int(6);
    const head = Array.from({ length: count }, (_, i) => `c${i}`);
    const rows = Array.from({ length: 1 + int(6) }, () => Array.from({ length: count }, cell));
    const fit = head.map((): ColumnFit => ({
      priority: int(4),
      cut: next() < 0.7 ? (['end', 'middle', 'start'] as const)[int(3)] : undefined,
      min: 1 + int(10),
      dropBelow: next() < 0.2 ? 40 + int(80) : undefined,
    }));
    const limit = 20 + int(160);
    const natural = columnWidths([head, ...rows]);
    const floors = natural.map((w, i) => (fit[i]!.cut ? Math.min(w, Math.max(fit[i]!.min!, 2)) : w));
    const context = JSON.stringify({ head, rows, fit, limit });

    const drawn = renderTable({ head, rows, align: [], color: false, fit, width: { limit, wide: false } });
    const widest = Math.max(...drawn.trimEnd().split('\n').map(displayWidth));
    if (limit >= tableWidthOf(floors)) assert.ok(widest <= limit, `${widest} > ${limit}: ${context}`);

    const fitted = fitTable({ head, rows, fit }, { limit, wide: false });
    const kept = fitted.head.map((heading) => head.indexOf(heading));
    const widths = columnWidths([fitted.head, ...fitted.rows]);
    fitted.rows.forEach((row, r) =>
      row.forEach((text, c) => {
        const whole = rows[r]![kept[c]!]!;
        if (text !== whole) assert.ok(text.includes('…') || text === '', `${whole} → ${text}: ${context}`);
      }),
    );
    // A column is cut only when every less important column that can be cut is at its floor.
    kept.forEach((i, c) => {
      if (widths[c]! >= natural[i]!) return;
      kept.forEach((j, d) => {
        if (fit[j]!.cut && fit[j]!.priority! < fit[i]!.priority!)
          assert.ok(widths[d]! <= floors[j]!, `c${j} (${widths[d]}) before c${i}: ${context}`);
      });
    });
  }
});

const HEAD = ['type', 'count', 'first seen', 'sample'];
const ROWS = [
  [
    'django.db.utils.OperationalError',
    '14',
    '2024-01-20 00:00:56,022',
    'Internal Server Error: /sms/webhook/ (a long sample)',
  ],
];
const FIT: ColumnFit[] = [
  { priority: 2, cut: 'middle', min: 16 },
  {},
  { priority: 1, dropBelow: 60 },
  { priority: 0, cut: 'end', min: 10, max: 30 },
];

test('the sample is cut first, then the middle of the type; headings and counts never are', () => {
  const at = (limit: number) => fitTable({ head: HEAD, rows: ROWS, fit: FIT }, { limit, wide: false });
  const [type, count, firstSeen] = ROWS[0]!;
  assert.deepEqual(at(200).rows, [[type, count, firstSeen, 'Internal Server Error: /sms/w…']]);
  assert.deepEqual(at(90).rows, [[type, count, firstSeen, 'Internal Server …']]);
  assert.deepEqual(at(70).rows, [['django.db…onalError', count, firstSeen, 'Internal …']]);
  // The type at its minimum does not fit 64 either: the optional column goes, and the rest is cut again.
  assert.deepEqual(at(64).head, ['type', 'count', 'sample']);
  assert.deepEqual(at(64).rows, [[type, count, 'Internal Server …']]);
});

test('an optional column is left out under its threshold only when the table does not fit', () => {
  const narrow = fitTable({ head: HEAD, rows: ROWS, fit: FIT }, { limit: 59, wide: false });
  assert.deepEqual(narrow.head, ['type', 'count', 'sample']);
  assert.deepEqual(narrow.rows, [[ROWS[0]![0], '14', 'Internal Se…']]);
  const short = [['ValueError', '1', '2024-01-20 00:00:56,022', 'bad']];
  assert.deepEqual(fitTable({ head: HEAD, rows: short, fit: FIT }, { limit: 57, wide: false }).head, HEAD);
});

test('--wide: every cell whole, even over its max; no limit: only the max', () => {
  assert.deepEqual(
    fitTable({ head: HEAD, rows: ROWS, fit: FIT }, { limit: Infinity, wide: true }).rows,
    ROWS,
  );
  assert.equal(
    fitTable({ head: HEAD, rows: ROWS, fit: FIT }, NO_LIMIT).rows[0]![3],
    'Internal Server Error: /sms/w…',
  );
  const input = { head: HEAD, rows: ROWS };
  assert.equal(fitTable(input, { limit: 20, wide: false }), input, 'a table without a fit is never touched');
});
