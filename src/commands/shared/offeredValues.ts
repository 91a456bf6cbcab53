import type { Argument, Option } from 'commander';

/** Words a shell may offer for a value that is not a closed set commander checks (`.choices()`). */
export interface OfferedValues {
  readonly words: readonly string[];
  /** Several words joined with commas: --by type,hour. */
  readonly commaList?: boolean;
  /** Paths are accepted beside the words: a family or a file. */
  readonly paths?: 'file' | 'dir';
}

/**
 * Kept beside commander's objects rather than in .choices(): these options check their value
 * themselves, with smsmon's message and a did-you-mean, and a comma list is no choice of one.
 */
const offered = new WeakMap<Option | Argument, OfferedValues>();

export function offerValues<T extends Option | Argument>(target: T, values: OfferedValues): T {
  offered.set(target, values);
  return target;
}

export function offeredValuesOf(target: Option | Argument): OfferedValues | undefined {
  return offered.get(target);
}
