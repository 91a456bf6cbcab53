export interface ExporterCommandOptions {
  listen: string;
  dir?: string;
  tz?: string;
  fromStart?: boolean;
  textfile?: string;
  errorTypes: string;
  categoryPattern?: string;
  categories: string;
  interval: string;
  sample: string;
  system: boolean;
}
