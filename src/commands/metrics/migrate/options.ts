export interface MigrateCommandOptions {
  quiet?: boolean;
  redis?: string;
  prefix?: string;
  to?: string;
  toPrefix?: string;
  host?: string;
  retention?: string;
  dryRun?: boolean;
  json?: boolean;
}
