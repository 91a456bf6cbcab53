import type { LogCommandOptions } from '../../shared/logOptions.js';
import type { TableWidthOptions } from '../../shared/tableWidth.js';

export interface ErrorsCountOptions extends LogCommandOptions, TableWidthOptions {
  by: string;
  qualified?: boolean;
  top?: string;
  compare?: string;
  failOver?: string;
  failOn?: string[];
  csv?: boolean;
  threads?: string;
}
