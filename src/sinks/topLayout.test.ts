import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GAPS, planTop, type TopContent, type TopLayout } from './topLayout.js';

const content = (rows: number, more: Partial<TopContent> = {}): TopContent => ({
  rows,
  cardLines: 4,
  compactCardLines: 2,
  smsLines: 2,
  errorTypes: 12,
  services: 4,
  failures: 1,
  ...more,
});

/** Rows the screen draws for a layout: the same sum renderTop makes. */
function used(layout: TopLayout, c: TopContent): number {
  const charts = layout.chartHeights.reduce((a, b) => a + b, 0);
  const cards = layout.compactCards ? c.compactCardLines : c.cardLines;
  return (
    2 +
    charts +
    cards +
    3 +
    layout.smsRows +
    layout.errorRows +
    1 +
    layout.serviceRows +
    layout.failureRows +
    layout.gaps
  );
}

test('every row is given out once the minimum fits: nothing left empty at the bottom', () => {
  for (const rows of [15, 24, 30, 50, 70, 120]) {
    const c = content(rows);
    assert.equal(used(planTop(c), c), rows, `${rows} rows`);
  }
});

test('more rows: more error types, until all are shown; then the charts grow', () => {
  let previous = 0;
  for (const rows of [15, 20, 24, 30, 36, 40]) {
    const { errorRows } = planTop(content(rows));
    assert.ok(errorRows >= previous, `${rows} rows: ${errorRows} < ${previous}`);
    previous = errorRows;
  }
  assert.ok(planTop(content(40)).errorRows > planTop(content(24)).errorRows);
  assert.equal(planTop(content(50)).errorRows, 12);
  // More types than rows: the charts stop at three rows each, the list takes the rest.
  const many = planTop(content(50, { errorTypes: 40 }));
  assert.deepEqual([many.chartHeights, many.errorRows], [[3, 3, 3], 19]);
  const big = planTop(content(70));
  assert.ok(
    big.chartHeights.every((height) => height >= 7),
    String(big.chartHeights),
  );
  assert.equal(big.gaps, GAPS);
});

test('a short screen: cards packed, no blank lines, failures and a first error type first', () => {
  const layout = planTop(content(15));
  assert.equal(layout.compactCards, true);
  assert.equal(layout.gaps, 0);
  assert.equal(layout.failureRows, 1);
  assert.deepEqual(layout.chartHeights, [1, 1, 1]);
  assert.ok(layout.errorRows >= 1);
  assert.equal(planTop(content(50)).compactCards, false);
});

test('a screen below the minimum still gets one row of each part (the renderer cuts the bottom)', () => {
  const layout = planTop(content(5));
  assert.deepEqual(
    [layout.chartHeights, layout.errorRows, layout.smsRows, layout.serviceRows],
    [[1, 1, 1], 1, 1, 0],
  );
});
