import { OTHER_EVENT, REQUEST_EVENTS, SMS_EVENT_FLAGS, SUCCESS_EVENTS } from '../core/smsEvents.js';

/** What an sms.log record says happened to an SMS. */
export interface SmsEventKind {
  readonly event: string;
  readonly patterns: readonly RegExp[];
  /** Counts in sms_requests_total: an SMS came in. */
  readonly request: boolean;
  /** Counts in sms_requests_successful: the reply went out. */
  readonly successful: boolean;
}

/** sms.events compiled once, before the first record: every reader of sms.log classifies with one. */
export interface SmsClassifier {
  /** Every event name, `other` last: the series to show even at 0. */
  readonly events: readonly string[];
  classify(message: string): SmsEventKind;
}

const OTHER: SmsEventKind = { event: OTHER_EVENT, patterns: [], request: false, successful: false };

/** `events` as the config holds it (defaults merged); the schema has checked every regex. */
export function compileSmsEvents(events: Readonly<Record<string, readonly string[]>>): SmsClassifier {
  const kinds: SmsEventKind[] = Object.entries(events).map(([event, sources]) => ({
    event,
    patterns: sources.map((source) => new RegExp(source, SMS_EVENT_FLAGS)),
    request: REQUEST_EVENTS.has(event),
    successful: SUCCESS_EVENTS.has(event),
  }));
  const tried = kinds.filter((kind) => kind.patterns.length > 0);
  return {
    events: [...kinds.map((kind) => kind.event), OTHER_EVENT],
    classify(message) {
      for (const kind of tried) for (const pattern of kind.patterns) if (pattern.test(message)) return kind;
      return OTHER;
    },
  };
}

/** Below this many records a share of `other` says little: one odd line is not a wording problem. */
export const UNCLASSIFIED_MIN_RECORDS = 10;

/** More than half of at least UNCLASSIFIED_MIN_RECORDS records matched no event. */
export function mostlyUnclassified(records: number, other: number): boolean {
  return records >= UNCLASSIFIED_MIN_RECORDS && other * 2 > records;
}

/** "37 of 40 sms.log records (92 %) match no sms.events pattern" */
export function unclassifiedText(records: number, other: number): string {
  return `${other} of ${records} sms.log records (${Math.round((other / records) * 100)} %) match no sms.events pattern`;
}
