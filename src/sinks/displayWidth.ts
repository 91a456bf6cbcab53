import { createRequire } from 'node:module';

type StringWidth = (text: string) => number;

/** string-width, cli-table3's measure, loaded for the first cell that is not plain. */
let stringWidth: StringWidth | undefined;
/** One cell per character: printable ASCII and the '…' of a cut. */
const PLAIN = /^[\x20-\x7e…]*$/;
/** Made for the first cut of text that is not plain: ICU's segmenter costs milliseconds at start-up. */
let graphemes: Intl.Segmenter | undefined;

/** Where a cut takes text out: 'end' keeps the start, 'middle' both ends, 'start' the end. */
export type CutPlace = 'end' | 'middle' | 'start';

/**
 * Terminal cells a string takes, as cli-table3 measures them when it pads a table: colours take
 * none, wide (CJK) characters and emoji two, combining marks none.
 */
export function displayWidth(text: string): number {
  if (PLAIN.test(text)) return text.length;
  stringWidth ??= createRequire(import.meta.url)('string-width') as StringWidth;
  return stringWidth(text);
}

/**
 * `text` in at most `width` cells, '…' where text was taken out; whole graphemes only, so an emoji
 * or an accent is never split. Coloured text is left whole: a cut could drop its reset.
 */
export function cutToWidth(text: string, width: number, where: CutPlace): string {
  if (displayWidth(text) <= width || text.includes('\x1b')) return text;
  if (width <= 0) return '';
  const keep = width - 1;
  const pieces = PLAIN.test(text)
    ? [...text]
    : Array.from(
        (graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' })).segment(text),
        (s) => s.segment,
      );
  const headBudget = where === 'end' ? keep : where === 'start' ? 0 : Math.ceil(keep / 2);
  const head = takeWithin(pieces, headBudget);
  const tailBudget = where === 'end' ? 0 : keep - displayWidth(head.join(''));
  const tail = takeWithin([...pieces].reverse(), tailBudget).reverse();
  return `${head.join('')}…${tail.join('')}`;
}

/** The leading pieces that fit in `budget` cells. */
function takeWithin(pieces: readonly string[], budget: number): string[] {
  const taken: string[] = [];
  let used = 0;
  for (const piece of pieces) {
    const width = displayWidth(piece);
    if (used + width > budget) break;
    taken.push(piece);
    used += width;
  }
  return taken;
}

/**
 * Prose in lines of at most `width` cells, broken at spaces; a word longer than a line is cut into
 * pieces. Nothing is lost, unlike a cut.
 */
export function wrapToWidth(text: string, width: number): string[] {
  if (displayWidth(text) <= width || width < 1) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const joined = line === '' ? word : `${line} ${word}`;
    if (displayWidth(joined) <= width) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while (displayWidth(line) > width) {
      // At least one character, even one wider than the line.
      const head =
        cutToWidth(line, width + 1, 'end').slice(0, -1) || String.fromCodePoint(line.codePointAt(0)!);
      lines.push(head);
      line = line.slice(head.length);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
