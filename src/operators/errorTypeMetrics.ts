import { LEVELS, levelValue, type LogRecord } from '../core/record.js';
import { BoundedLabel, OVERFLOW } from './boundedLabel.js';
import { errorType } from './errorGroups.js';
import type { Counter, PromRegistry } from './promRegistry.js';

const ERROR_LEVEL = LEVELS.ERROR!;

/**
 * errors.log records by error type, as `errors count` names them (the final exception class of
 * a traceback, else `module: message template`), the first `limit` types with their own series.
 */
export class ErrorTypeMetrics {
  private readonly errors: Counter;
  private readonly types: BoundedLabel;
  private told = false;

  constructor(
    registry: PromRegistry,
    private readonly limit: number,
    private readonly onNotice: (message: string) => void,
  ) {
    this.errors = registry.counter(
      'smsmon_errors_total',
      `errors.log records by error type (as smsmon errors count); the first ${limit} types seen have their own series, later ones count as "${OVERFLOW}".`,
      ['type'],
    );
    this.errors.touch([OVERFLOW]);
    this.types = new BoundedLabel(limit);
  }

  /** ERROR and CRITICAL only, as errors count (errors.log holds nothing else unless reconfigured). */
  push(record: LogRecord): void {
    if (record.unparsed || (levelValue(record.level) ?? 0) < ERROR_LEVEL) return;
    const type = errorType(record, { qualified: false });
    const label = this.types.map(type);
    this.errors.inc([label]);
    // Never a silent "other": the first type past the limit is named once.
    if (label === OVERFLOW && type !== OVERFLOW && !this.told) {
      this.told = true;
      this.onNotice(
        `errors.log has more than ${this.limit} error types: "${type}" and later ones count as type="${OVERFLOW}" (--error-types raises the limit; \`smsmon errors count\` lists them all)`,
      );
    }
  }
}
