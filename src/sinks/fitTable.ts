import { cutToWidth, displayWidth, type CutPlace } from './displayWidth.js';

/** How one column of a table gives way when the table is wider than the room it has. */
export interface ColumnFit {
  /** The lowest priority gives way first: it is cut to its `min` before any other is cut. Default 0. */
  priority?: number;
  /** Where a long cell loses text ('…' marks it); a column without `cut` is never cut. */
  cut?: CutPlace;
  /** The narrowest a cut leaves the column; never narrower than its heading, which is never cut. */
  min?: number;
  /** Longer cells are cut even when the table has room (not with --wide). */
  max?: number;
  /**
   * Left out when the table does not fit and the room is below this many columns; also, least
   * important first, when the table does not fit once every column is cut to its minimum (0: only then).
   */
  dropBelow?: number;
}

/** The room a table has: `limit` cells (Infinity: none); `wide` shows every cell whole. */
export interface TableWidth {
  limit: number;
  wide: boolean;
}

export const NO_LIMIT: TableWidth = { limit: Infinity, wide: false };

export interface FitInput<A> {
  head: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
  align?: readonly A[];
  fit?: readonly ColumnFit[];
}

/** Every column has a border and a space each side: `│ a │ b │`. */
export const tableWidthOf = (widths: readonly number[]): number =>
  widths.reduce((sum, width) => sum + width + 3, 1);

/**
 * The table cut and thinned to `width.limit` cells: cells over their column's `max` are cut first;
 * then, if the table is still too wide, optional columns under their threshold are left out and long
 * columns cut, the least important first, each to its minimum before the next is touched. When the
 * minimums do not fit, optional columns go one by one (least important first) and the rest are cut
 * again; a table that still does not fit is drawn as narrow as it can be.
 */
export function fitTable<A>(input: FitInput<A>, width: TableWidth): FitInput<A> {
  const { head, fit = [] } = input;
  if (width.wide || fit.length === 0) return input;
  const spec = (i: number): ColumnFit => fit[i] ?? {};
  const rows = input.rows.map((row) =>
    head.map((_, i) => {
      const { max, cut } = spec(i);
      const cell = row[i] ?? '';
      return max !== undefined && cut ? cutToWidth(cell, max, cut) : cell;
    }),
  );
  const natural = head.map((heading, i) =>
    Math.max(displayWidth(heading), ...rows.map((row) => displayWidth(row[i]!))),
  );
  const floors = natural.map((w, i) => {
    const { cut, min = 1 } = spec(i);
    return cut ? Math.min(w, Math.max(min, displayWidth(head[i]!))) : w;
  });
  // Least important first; among equals, the rightmost.
  const order = head
    .map((_, i) => i)
    .sort((a, b) => (spec(a).priority ?? 0) - (spec(b).priority ?? 0) || b - a);
  const kept = head.map(() => true);
  const total = (widths: readonly number[]) => tableWidthOf(widths.filter((_, i) => kept[i]));
  if (total(natural) > width.limit)
    for (const i of order) if (width.limit < (spec(i).dropBelow ?? -Infinity)) kept[i] = false;
  let widths = shrink(natural, floors, order, width.limit, kept);
  for (const i of order) {
    if (total(widths) <= width.limit) break;
    if (spec(i).dropBelow === undefined || !kept[i]) continue;
    kept[i] = false;
    widths = shrink(natural, floors, order, width.limit, kept);
  }
  const columns = head.map((_, i) => i).filter((i) => kept[i]);
  const cut = (row: readonly string[]) =>
    columns.map((i) => (widths[i]! < natural[i]! ? cutToWidth(row[i]!, widths[i]!, spec(i).cut!) : row[i]!));
  return {
    head: columns.map((i) => head[i]!),
    rows: rows.map(cut),
    align: input.align && columns.map((i) => input.align![i] as A),
    fit: columns.map((i) => spec(i)),
  };
}

/** Natural widths cut, in `order`, each to its floor before the next, until the kept columns fit `limit`. */
function shrink(
  natural: readonly number[],
  floors: readonly number[],
  order: readonly number[],
  limit: number,
  kept: readonly boolean[],
): number[] {
  const widths = [...natural];
  let excess = tableWidthOf(widths.filter((_, i) => kept[i])) - limit;
  for (const i of order) {
    if (excess <= 0) break;
    if (!kept[i]) continue;
    const cut = Math.min(excess, widths[i]! - floors[i]!);
    widths[i] = widths[i]! - cut;
    excess -= cut;
  }
  return widths;
}
