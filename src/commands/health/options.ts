export interface HealthCommandOptions {
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
  color?: boolean;
}
