import type { LogCommandOptions } from '../shared/logOptions.js';

export interface LatencyCommandOptions extends LogCommandOptions {
  pattern?: string;
  field?: string;
  unit: string;
  percentiles: string;
  by?: string;
  histogram?: boolean;
  slowest?: string;
  exact?: boolean;
  failOver?: string[];
  csv?: boolean;
  threads?: string;
}
