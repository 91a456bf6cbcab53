import type { LogCommandOptions } from '../../shared/logOptions.js';

export interface TailCommandOptions extends LogCommandOptions {
  lines: string;
  follow?: boolean;
}
