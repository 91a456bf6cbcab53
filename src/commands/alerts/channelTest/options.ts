export interface AlertsTestOptions {
  quiet?: boolean;
  channel?: string;
  json?: boolean;
  timeout: string;
}
