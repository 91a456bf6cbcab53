import { OTHER_EVENT } from '../core/smsEvents.js';
import type { SmsClassifier } from './smsEventKind.js';

export interface SmsEventCount {
  event: string;
  count: number;
}

/** sms.log records counted by event: top's SMS line and doctor's sms-events check. */
export interface SmsEventCounts {
  /** Events seen at least once, in the classifier's order (`other` last). */
  counts: SmsEventCount[];
  records: number;
  other: number;
}

export class SmsEventTally {
  private readonly byEvent = new Map<string, number>();
  private records = 0;

  constructor(private readonly classifier: SmsClassifier) {}

  /** Counts the message's event and returns it. */
  push(message: string): string {
    const { event } = this.classifier.classify(message);
    this.records++;
    this.byEvent.set(event, (this.byEvent.get(event) ?? 0) + 1);
    return event;
  }

  result(): SmsEventCounts {
    const counts = this.classifier.events
      .filter((event) => this.byEvent.has(event))
      .map((event) => ({ event, count: this.byEvent.get(event)! }));
    return { counts, records: this.records, other: this.byEvent.get(OTHER_EVENT) ?? 0 };
  }
}

/** "received 12, sent 10, other 3" */
export function smsCountsText(counts: readonly SmsEventCount[]): string {
  return counts.length === 0 ? 'none' : counts.map(({ event, count }) => `${event} ${count}`).join(', ');
}
