import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configSchema } from '../core/configSchema.js';
import { DEFAULT_SMS_EVENTS } from '../core/smsEvents.js';
import { Random } from '../../test/kit/random.js';
import { SMS_EVENTS } from '../../test/kit/smsEvents.js';
import { compileSmsEvents, mostlyUnclassified } from './smsEventKind.js';

const defaults = compileSmsEvents(DEFAULT_SMS_EVENTS);
const eventOf = (message: string): string => defaults.classify(message).event;

test('the fixtures wording: each template of test/kit/smsEvents.ts is its own event, on many draws', () => {
  const expected: Record<string, string> = {
    'Incoming SMS from {phone}: {body}': 'received',
    'Outgoing SMS to {phone}: {reply}': 'sent',
    'Delivery status {sid} delivered': 'delivered',
    'Delivery status {sid} undelivered (error 30003: Unreachable destination handset)': 'undelivered',
    'Message from {phone} truncated to 1600 chars': 'truncated',
    'Failed to send SMS to {phone}: {reply}': 'failed',
    'Rejected SMS from unknown number {phone}: {body}': 'rejected',
    'SMS queue backlog above 5000 messages, dropping new messages': 'backlog',
  };
  assert.deepEqual(SMS_EVENTS.map((t) => t[4]).sort(), Object.keys(expected).sort());
  const random = new Random(12);
  for (const [, , , , template, text] of SMS_EVENTS)
    for (let i = 0; i < 200; i++) {
      const made = text(random);
      const message = typeof made === 'string' ? made : made.message;
      assert.equal(eventOf(message), expected[template], message);
    }
});

test('the common wordings of other apps', () => {
  const cases: Array<[string, string]> = [
    ['SMS received from +15551234567: hello', 'received'],
    ['Received SMS from +15551234567: hello', 'received'],
    ['Inbound message from +15551234567', 'received'],
    ['inbound SMS from +15551234567: hi', 'received'],
    ['New text message from +15551234567', 'received'],
    ['Message received from whatsapp:+1555', 'received'],
    ['Blocked SMS from +15551234567', 'rejected'],
    ['SMS from +15551234567 rejected: number on blocklist', 'rejected'],
    ['Ignored inbound message from +1555', 'rejected'],
    ['SMS from +15551234567: my card is blocked', 'other'], // a body, not a verdict
    ['SMS sent to +15551234567: Sure!', 'sent'],
    ['Sent SMS to +15551234567', 'sent'],
    ['Reply sent to +15551234567 (SM0673dee35009774b6645ff12b0c9d644)', 'sent'],
    ['Outbound message to +15551234567 queued', 'sent'],
    ['Replied to +15551234567', 'sent'],
    ['Sending reply to +15551234567', 'other'], // an attempt, not a success
    ['Failed to send SMS to +15551234567: HTTP 400', 'failed'],
    ['Error sending SMS to +15551234567', 'failed'],
    ['error while sending reply', 'failed'],
    ['SMS send failed for +15551234567', 'failed'],
    ["Couldn't send message to +1555", 'failed'],
    ['Delivery status SM0673dee35009774b6645ff12b0c9d644 delivered', 'delivered'],
    ['Delivery status SM0673 undelivered (error 30003)', 'undelivered'],
    ['Twilio status callback for SM0673dee3: MessageStatus=delivered', 'delivered'],
    ['status callback sid=SM1 MessageStatus=undelivered ErrorCode=30003', 'undelivered'],
    ['status callback sid=SM1 MessageStatus=failed', 'undelivered'],
    ['callback {"MessageSid": "SM1", "MessageStatus": "delivered"}', 'delivered'],
    ['Message SM0673dee35009774b6645ff12b0c9d644 status: undelivered', 'undelivered'],
    ['Message SM0673dee35009774b6645ff12b0c9d644 status: delivered', 'delivered'],
    ['Delivery report for SM1: delivered', 'delivered'],
    ['Message from +1555 truncated to 1600 chars', 'truncated'],
    ['SMS queue backlog above 5000', 'backlog'],
    ['Webhook signature verified', 'other'],
  ];
  for (const [message, event] of cases) assert.equal(eventOf(message), event, message);
});

test('the requests and successes roles stay with the built-in names', () => {
  const kinds = Object.fromEntries(
    ['SMS received from x', 'Blocked SMS from x', 'SMS sent to x', 'Failed to send x'].map((m) => {
      const kind = defaults.classify(m);
      return [kind.event, [kind.request, kind.successful]];
    }),
  );
  assert.deepEqual(kinds, {
    received: [true, false],
    rejected: [true, false],
    sent: [false, true],
    failed: [false, false],
  });
});

test('config: a listed event replaces its default, [] turns one off, a new name comes after the built-ins', () => {
  const { events } = configSchema.parse({
    sms: { events: { received: ['^got a text from'], backlog: [], opt_out: ['\\bSTOP\\b', '^got'] } },
  }).sms;
  assert.deepEqual(events.received, ['^got a text from']);
  assert.deepEqual(events.sent, DEFAULT_SMS_EVENTS.sent);
  const classifier = compileSmsEvents(events);
  assert.deepEqual(classifier.events, [...Object.keys(DEFAULT_SMS_EVENTS), 'opt_out', 'other']);
  const of = (m: string) => classifier.classify(m);
  assert.equal(of('Got a text from +1555: STOP').event, 'received'); // built-ins are tried first
  assert.equal(of('GOT A TEXT FROM +1555').request, true); // case-insensitive
  assert.equal(of('Incoming SMS from +1555').event, 'other'); // the default list was replaced
  assert.equal(of('user said STOP').event, 'opt_out');
  assert.equal(of('user said STOP').request, false);
  assert.equal(of('SMS queue backlog above 5000').event, 'other');
});

test('mostly unclassified: more than half, of at least 10 records', () => {
  assert.equal(mostlyUnclassified(9, 9), false);
  assert.equal(mostlyUnclassified(10, 5), false);
  assert.equal(mostlyUnclassified(10, 6), true);
});
