import type { LogRecord } from '../core/record.js';

/** What an sms.log record says happened to an SMS. */
export interface SmsEventKind {
  readonly event: string;
  /** The message starts like this (the sms_agent.sms logger's wording, src/fixtures/smsEvents.ts). */
  readonly pattern: RegExp;
  /** Counts in sms_requests_total: an SMS came in. */
  readonly request?: true;
  /** Counts in sms_requests_successful: the reply went out. */
  readonly successful?: true;
}

/** Every event the sms logger writes: adding one is adding an entry. Tried in order. */
export const SMS_EVENT_KINDS: readonly SmsEventKind[] = [
  { event: 'received', pattern: /^Incoming SMS from /, request: true },
  { event: 'rejected', pattern: /^Rejected SMS from /, request: true },
  { event: 'sent', pattern: /^Outgoing SMS to /, successful: true },
  { event: 'failed', pattern: /^Failed to send SMS to / },
  { event: 'delivered', pattern: /^Delivery status \S+ delivered\b/ },
  { event: 'undelivered', pattern: /^Delivery status \S+ undelivered\b/ },
  { event: 'truncated', pattern: /^Message from \S+ truncated\b/ },
  { event: 'backlog', pattern: /^SMS queue backlog\b/ },
];

/** Anything else the sms logger writes. */
export const OTHER_EVENT: SmsEventKind = { event: 'other', pattern: /(?:)/ };

export const SMS_EVENTS = [...SMS_EVENT_KINDS.map((k) => k.event), OTHER_EVENT.event];

export function smsEventKind(record: LogRecord): SmsEventKind {
  for (const kind of SMS_EVENT_KINDS) if (kind.pattern.test(record.message)) return kind;
  return OTHER_EVENT;
}
