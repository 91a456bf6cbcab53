export interface AlertsTestOptions {
  channel?: string;
  json?: boolean;
  timeout: string;
}
