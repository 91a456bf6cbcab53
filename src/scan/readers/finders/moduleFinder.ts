import type { HeaderPiece } from '../../../parsers/pythonFormat.js';
import { NEWLINE } from '../../../core/lineBytes.js';
import type { CandidateFinder } from './candidateFinder.js';
import { firstOfSearch } from './firstOfSearch.js';

/**
 * Header lines of the wanted modules (--module), found by searching the raw bytes for the text
 * every such header holds: the module between the format's literals around it (' views ' in the
 * verbose format). A hit in a message only costs that record's build; the filter decides.
 */
export class ModuleFinder implements CandidateFinder {
  readonly inBody = false;
  private readonly search: (window: Buffer, from: number) => number;

  constructor(modules: readonly string[], moduleText: (module: string) => string) {
    this.search = firstOfSearch(modules.map((m) => Buffer.from(moduleText(m), 'utf8')));
  }

  next(window: Buffer, from: number): number {
    const hit = this.search(window, from);
    return hit === -1 ? -1 : window.lastIndexOf(NEWLINE, hit) + 1;
  }
}

/**
 * The text a header line of a module holds, with the literals next to it in the format; null
 * when the format has no module, pads it, or puts it next to another attribute (no literal
 * would mark where the module's text ends).
 */
export function moduleTextOf(pieces: readonly HeaderPiece[] | null): ((module: string) => string) | null {
  const at = pieces?.findIndex((p) => p.attribute === 'module') ?? -1;
  if (at === -1 || pieces![at]!.padded) return null;
  const before = pieces![at - 1]?.literal;
  const after = pieces![at + 1]?.literal;
  if (!before || !after) return null;
  return (module) => before + module + after;
}
