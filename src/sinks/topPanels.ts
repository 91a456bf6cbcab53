import { cutToWidth } from './displayWidth.js';
import { sparkChart, type ChartScale } from './sparkline.js';

/** Columns left of a chart: `Memory    6.4 %  `. */
const CHART_LABEL_WIDTH = 17;

/**
 * A chart as wide as the screen, `height` rows: the label and value on its top row, one column
 * per refresh, the newest at the right edge; a history shorter than the panel is drawn as it is,
 * right-aligned, never stretched.
 */
export function chartPanel(
  label: string,
  value: string,
  history: readonly number[],
  width: number,
  height: number,
  scale: ChartScale = {},
): string[] {
  const head = `${label.padEnd(7)}${value.padStart(8)}  `;
  // A long value pushes the chart right rather than cutting off its newest samples.
  const left = Math.max(CHART_LABEL_WIDTH, head.length);
  const chartWidth = Math.max(0, width - left);
  const rows = sparkChart(chartWidth > 0 ? history.slice(-chartWidth) : [], chartWidth, height, scale);
  return rows.map((row, i) => fit((i === 0 ? head : '').padEnd(left) + row.padStart(chartWidth), width));
}

/**
 * The cards side by side, label row over value row, spread over the width; or, on a short
 * screen, `label value` items packed into as few lines as the width allows.
 */
export function cardPanel(cards: ReadonlyArray<[string, string]>, width: number, compact: boolean): string[] {
  if (compact) {
    const items = cards.map(([label, value]) => `${label} ${value}`);
    const itemWidth = Math.max(...items.map((item) => item.length)) + 2;
    return rowsOf(items, Math.max(1, Math.floor(width / itemWidth))).map((row) =>
      fit(row.map((item) => item.padEnd(itemWidth)).join(''), width).trimEnd(),
    );
  }
  // As many per row as 16 columns allow, balanced: 3 + 3 rather than 5 + 1.
  const rows = Math.ceil(cards.length / Math.max(1, Math.floor(width / 16)));
  const perRow = Math.ceil(cards.length / rows);
  const cardWidth = Math.floor(width / perRow);
  const line = (texts: string[]) =>
    texts
      .map((text) => fit(text, cardWidth - 1).padEnd(cardWidth))
      .join('')
      .trimEnd();
  return rowsOf(cards, perRow).flatMap((row) => [line(row.map(([l]) => l)), line(row.map(([, v]) => v))]);
}

function rowsOf<T>(items: readonly T[], perRow: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) rows.push(items.slice(i, i + perRow));
  return rows;
}

/** Cut to the width in terminal cells, `…` marking the cut: applied to plain text, before any colour is painted. */
export function fit(text: string, width: number): string {
  return cutToWidth(text, width, 'end');
}
