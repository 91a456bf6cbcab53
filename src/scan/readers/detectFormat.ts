import type { LineBatch } from '../../sources/lineSplitter.js';
import type { CompiledFormat } from '../../parsers/pythonFormat.js';

/** How many lines to look at before settling on the first candidate format. */
const SNIFF_LINES = 200;

/**
 * Picks the format of a file or stdin of unknown family: the first candidate whose header
 * matches one of the first lines. Returns the chosen format and the batches read while looking,
 * replayed ahead of the rest so no line is lost.
 */
export async function detectFormat(
  batches: AsyncIterator<LineBatch>,
  candidates: readonly CompiledFormat[],
): Promise<{ format: CompiledFormat; seen: LineBatch[] }> {
  const seen: LineBatch[] = [];
  let looked = 0;
  while (looked < SNIFF_LINES) {
    const next = await batches.next();
    if (next.done) break;
    seen.push(next.value);
    for (const line of next.value.lines) {
      const match = candidates.find((format) => format.header.test(line));
      if (match) return { format: match, seen };
      if (++looked >= SNIFF_LINES) break;
    }
  }
  return { format: candidates[0]!, seen };
}
