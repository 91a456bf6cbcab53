import type { LogCommandOptions } from '../../shared/logOptions.js';

export interface ErrorsCountOptions extends LogCommandOptions {
  by: string;
  qualified?: boolean;
  top?: string;
  compare?: string;
  failOver?: string;
  failOn?: string[];
  csv?: boolean;
  threads?: string;
}
