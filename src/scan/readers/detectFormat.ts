import type { CompiledFormat } from '../../parsers/pythonFormat.js';
import { NEWLINE } from '../../core/lineBytes.js';
import { MAX_LINE_BYTES } from '../../core/recordLimits.js';
import { lineCutAt } from '../../sources/lineCap.js';

/** How many lines to look at before settling on the first candidate format. */
const SNIFF_LINES = 200;

/**
 * Picks the format of a file or stdin of unknown family: the first candidate whose header
 * matches one of the first lines. Returns the chosen format and the chunks read while looking
 * (copies: a reader may reuse its buffer), to be read again ahead of the rest so no line is lost.
 */
export async function detectFormat(
  chunks: AsyncIterator<Buffer>,
  candidates: readonly CompiledFormat[],
): Promise<{ format: CompiledFormat; seen: Buffer[] }> {
  const seen: Buffer[] = [];
  let looked = 0;
  /** The unterminated line so far. */
  let open = Buffer.alloc(0);
  const matching = (bytes: Buffer, start: number, end: number): CompiledFormat | undefined => {
    // As a reader keeps it: its first MAX_LINE_BYTES.
    const line = bytes.toString('utf8', start, lineCutAt(bytes, start, end - start));
    looked++;
    return candidates.find((format) => format.header.test(line));
  };
  while (looked < SNIFF_LINES) {
    const next = await chunks.next();
    if (next.done) {
      const last = open.length > 0 ? matching(open, 0, open.length) : undefined;
      return { format: last ?? candidates[0]!, seen };
    }
    const chunk = Buffer.from(next.value);
    seen.push(chunk);
    let start = 0;
    const bytes = open.length > 0 ? Buffer.concat([open, chunk]) : chunk;
    for (
      let end = bytes.indexOf(NEWLINE);
      end !== -1 && looked < SNIFF_LINES;
      end = bytes.indexOf(NEWLINE, start)
    ) {
      const match = matching(bytes, start, end);
      if (match) return { format: match, seen };
      start = end + 1;
    }
    // A few bytes over the cap, for lineCutAt's back-off to a character's start.
    open = bytes.subarray(start, Math.min(bytes.length, start + MAX_LINE_BYTES + 4));
  }
  return { format: candidates[0]!, seen };
}
