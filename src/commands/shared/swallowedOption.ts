import type { Command, Option } from 'commander';
import { UsageError } from '../../core/errors.js';

/**
 * Commander gives an option that takes a value the next word, whatever it is: `--grep -i timeout`
 * searched for "-i" and took "timeout" for a family. A value that is one of the command's own
 * options (its or its groups') is refused instead; `--grep=-i` still searches for "-i".
 */
export function refuseSwallowedOptions(command: Command, args: readonly string[]): void {
  const options: Option[] = [];
  for (let at: Command | null = command; at; at = at.parent) options.push(...at.options);
  const flags = new Set(options.flatMap((option) => [option.long, option.short]).filter(Boolean));
  for (let i = 0; i < args.length - 1; i++) {
    const word = args[i]!;
    if (word === '--') return;
    const option = options.find((o) => o.required && (o.long === word || o.short === word));
    if (!option) continue;
    const value = args[++i]!;
    const flag = value.split('=')[0]!;
    if (flags.has(flag) || flag === '--help' || flag === '-h')
      throw new UsageError(
        `${option.long ?? word} takes a value, but "${value}" is an option`,
        `to give "${value}" as its value, write ${option.long ?? word}=${value}`,
      );
  }
}
