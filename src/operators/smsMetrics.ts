import type { LogRecord } from '../core/record.js';
import { BoundedLabel } from './boundedLabel.js';
import type { Counter, PromRegistry } from './promRegistry.js';
import { SMS_EVENTS, smsEventKind } from './smsEventKind.js';

/** Where a task category is written in an sms.log message, and how many get their own series. */
export interface CategoryOptions {
  /** Has a named group `category`. */
  pattern: RegExp;
  limit: number;
}

/** Records without a category count under this (it takes no place among the `limit`). */
export const NO_CATEGORY = 'none';

/**
 * sms.log records → the guide's sms_requests_total / sms_requests_successful, and every event by
 * kind (the outcome) and, when the messages carry one, by task category.
 */
export class SmsMetrics {
  private readonly requests: Counter;
  private readonly successfulGuide: Counter;
  private readonly successful: Counter;
  private readonly events: Counter;
  private readonly byCategory: Counter | null = null;
  private readonly categories: BoundedLabel | null = null;

  constructor(
    registry: PromRegistry,
    private readonly category: CategoryOptions | null,
  ) {
    this.requests = registry.counter(
      'sms_requests_total',
      'SMS requests received (sms.log "Incoming SMS from" and "Rejected SMS from" records).',
    );
    // The guide's Grafana panel reads sms_requests_successful; a typed counter must end in _total
    // (promtool rejects it otherwise), so the guide's name is exposed untyped beside the counter.
    this.successfulGuide = registry.untypedCounter(
      'sms_requests_successful',
      'SMS requests answered (sms.log "Outgoing SMS to" records); same value as sms_requests_successful_total, named as in the monitoring guide.',
    );
    this.successful = registry.counter(
      'sms_requests_successful_total',
      'SMS requests answered (sms.log "Outgoing SMS to" records).',
    );
    this.events = registry.counter(
      'smsmon_sms_events_total',
      'sms.log records by event: received, rejected, sent, failed, delivered, undelivered, truncated, backlog, other.',
      ['event'],
    );
    this.requests.touch();
    this.successfulGuide.touch();
    this.successful.touch();
    for (const event of SMS_EVENTS) this.events.touch([event]);
    if (category) {
      this.byCategory = registry.counter(
        'smsmon_sms_events_by_category_total',
        `sms.log records by event and task category (the first ${category.limit} categories seen, later ones as "other"; "${NO_CATEGORY}" when the message names none).`,
        ['event', 'category'],
      );
      this.categories = new BoundedLabel(category.limit);
    }
  }

  push(record: LogRecord): void {
    if (record.unparsed) return;
    const kind = smsEventKind(record);
    this.events.inc([kind.event]);
    if (kind.request) this.requests.inc();
    if (kind.successful) {
      this.successfulGuide.inc();
      this.successful.inc();
    }
    if (this.byCategory && this.categories && this.category) {
      const found = this.category.pattern.exec(record.message)?.groups?.category;
      this.byCategory.inc([kind.event, found ? this.categories.map(found) : NO_CATEGORY]);
    }
  }
}
