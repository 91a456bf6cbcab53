/** The app's Django LOGGING formatters (MONITORING_GUIDE.md). */
export const VERBOSE_FORMAT = '{levelname} {asctime} {module} {process:d} {thread:d} {message}';
export const JSON_FORMAT =
  '{"level": "%(levelname)s", "time": "%(asctime)s", "module": "%(module)s", "message": "%(message)s"}';

/** A log family: the live file and its RotatingFileHandler siblings, with its default format. */
export interface FamilyDefinition {
  name: string;
  fileName: string;
  format: string;
  backupCount: number;
}

/** The app's three handlers (MONITORING_GUIDE.md, Django LOGGING). */
export const FAMILIES: Readonly<Record<string, FamilyDefinition>> = {
  app: { name: 'app', fileName: 'app.log', format: VERBOSE_FORMAT, backupCount: 10 },
  errors: { name: 'errors', fileName: 'errors.log', format: VERBOSE_FORMAT, backupCount: 10 },
  sms: { name: 'sms', fileName: 'sms.log', format: JSON_FORMAT, backupCount: 5 },
};

export const FAMILY_NAMES = Object.keys(FAMILIES);
