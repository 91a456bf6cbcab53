import type { ColorFlag } from '../shared/colour.js';
import type { TableWidthOptions } from '../shared/tableWidth.js';

export interface HealthCommandOptions extends TableWidthOptions {
  quiet?: boolean;
  timeout?: string;
  retries?: string;
  warning?: string;
  critical?: string;
  /** Deprecated: -w in milliseconds. */
  warnMs?: string;
  json?: boolean;
  watch?: string;
  record?: boolean;
  redis?: string;
  prefix?: string;
  color?: ColorFlag;
}
