import type { LogRecord } from '../core/record.js';
import { OTHER_EVENT } from '../core/smsEvents.js';
import { BoundedLabel } from './boundedLabel.js';
import type { Counter, Gauge, PromRegistry } from './promRegistry.js';
import { mostlyUnclassified, unclassifiedText, type SmsClassifier } from './smsEventKind.js';

/** Where a task category is written in an sms.log message, and how many get their own series. */
export interface CategoryOptions {
  /** Has a named group `category`. */
  pattern: RegExp;
  limit: number;
}

/** Records without a category count under this (it takes no place among the `limit`). */
export const NO_CATEGORY = 'none';

export interface SmsMetricsOptions {
  events: SmsClassifier;
  category: CategoryOptions | null;
  /** Told once, at a collect, when most records seen match no event. */
  onNotice: (message: string) => void;
}

/**
 * sms.log records → the guide's sms_requests_total / sms_requests_successful, and every event by
 * kind (the outcome) and, when the messages carry one, by task category.
 */
export class SmsMetrics {
  private readonly requests: Counter;
  private readonly successfulGuide: Counter;
  private readonly successful: Counter;
  private readonly events: Counter;
  private readonly unclassified: Gauge;
  private readonly byCategory: Counter | null = null;
  private readonly categories: BoundedLabel | null = null;
  private readonly category: CategoryOptions | null;
  private readonly classifier: SmsClassifier;
  private seen = 0;
  private other = 0;
  private told = false;

  constructor(registry: PromRegistry, options: SmsMetricsOptions) {
    const { category, events } = options;
    this.category = category;
    this.classifier = events;
    this.requests = registry.counter(
      'sms_requests_total',
      'SMS requests received (sms.log records of the events received and rejected, sms.events).',
    );
    // The guide's Grafana panel reads sms_requests_successful; a typed counter must end in _total
    // (promtool rejects it otherwise), so the guide's name is exposed untyped beside the counter.
    this.successfulGuide = registry.untypedCounter(
      'sms_requests_successful',
      'SMS requests answered (sms.log records of the event sent, sms.events); same value as sms_requests_successful_total, named as in the monitoring guide.',
    );
    this.successful = registry.counter(
      'sms_requests_successful_total',
      'SMS requests answered (sms.log records of the event sent, sms.events).',
    );
    this.events = registry.counter(
      'smsmon_sms_events_total',
      `sms.log records by event (sms.events): ${events.events.join(', ')}.`,
      ['event'],
    );
    this.unclassified = registry.gauge(
      'smsmon_sms_unclassified_ratio',
      'Share of the sms.log records read that match no sms.events pattern (event="other"); NaN until one is read.',
    );
    registry.beforeCollect(() => {
      this.unclassified.set([], this.seen === 0 ? Number.NaN : this.other / this.seen);
      if (this.told || !mostlyUnclassified(this.seen, this.other)) return;
      this.told = true;
      options.onNotice(
        `${unclassifiedText(this.seen, this.other)} (counted as event="other"): \`smsmon doctor\` lists them and proposes sms.events`,
      );
    });
    this.requests.touch();
    this.successfulGuide.touch();
    this.successful.touch();
    for (const event of events.events) this.events.touch([event]);
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
    const kind = this.classifier.classify(record.message);
    this.seen++;
    if (kind.event === OTHER_EVENT) this.other++;
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
