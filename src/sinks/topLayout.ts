/** What the top screen has to show, in rows: the layout gives each part its share of the screen. */
export interface TopContent {
  rows: number;
  /** Lines of the cards side by side (label row + value row per row of cards). */
  cardLines: number;
  /** Lines of the cards as `label value` items, for a short screen. */
  compactCardLines: number;
  /** SMS lines (the counts, and a warning line when most records match no pattern). */
  smsLines: number;
  /** Error types to list (0: the list says none). */
  errorTypes: number;
  services: number;
  failures: number;
}

/** How many rows each part gets; all of them together fill the screen when its minimum fits. */
export interface TopLayout {
  /** Blank lines between sections, the first ones first (at most GAPS). */
  gaps: number;
  compactCards: boolean;
  /** CPU, memory and requests chart heights. */
  chartHeights: [number, number, number];
  smsRows: number;
  /** Rows of the error list; fewer than the types: the last one says how many more. */
  errorRows: number;
  serviceRows: number;
  failureRows: number;
}

export const GAPS = 5;
/** The header (2), the three charts, three section titles, the health state, an SMS and an error row. */
const MINIMUM = 2 + 3 + 3 + 1 + 1 + 1;

/**
 * Shares the rows out in order of importance: what is wrong (failures, SMS warning, a few error
 * types, the services), then by turns air between sections, more error types and taller charts;
 * the charts take whatever is left, so a big screen is never half empty. Pure, tested at any size.
 */
export function planTop(content: TopContent): TopLayout {
  const errorsWanted = Math.max(1, content.errorTypes);
  let left = content.rows - MINIMUM;
  // Side-by-side cards take twice the rows: only when the problems and some air still fit.
  const problems = content.failures + content.smsLines - 1 + Math.min(errorsWanted, 3) - 1 + content.services;
  const compactCards = left < content.cardLines + problems + GAPS;
  left -= compactCards ? content.compactCardLines : content.cardLines;
  const take = (wanted: number): number => {
    const given = Math.max(0, Math.min(wanted, left));
    left -= given;
    return given;
  };
  const failureRows = take(content.failures);
  const smsRows = 1 + take(content.smsLines - 1);
  let errorRows = 1 + take(Math.min(errorsWanted, 3) - 1);
  const serviceRows = take(content.services);
  let gaps = take(2);
  errorRows += take(Math.min(errorsWanted, 8) - errorRows);
  const chartHeights: [number, number, number] = [1, 1, 1];
  for (let i = 0; i < 3; i++) chartHeights[i]! += take(2);
  gaps += take(GAPS - gaps);
  errorRows += take(errorsWanted - errorRows);
  const rest = take(left);
  for (let i = 0; i < 3; i++) chartHeights[i]! += Math.floor(rest / 3) + (i < rest % 3 ? 1 : 0);
  return { gaps, compactCards, chartHeights, smsRows, errorRows, serviceRows, failureRows };
}
