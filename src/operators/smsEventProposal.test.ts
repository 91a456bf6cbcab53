import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SMS_EVENTS, SMS_EVENT_FLAGS } from '../core/smsEvents.js';
import { PLAIN_BODIES } from '../../test/kit/smsBodies.js';
import { asciiJson, headRegex, proposeSmsEvents, smsEventsSnippet } from './smsEventProposal.js';

function messages(): string[] {
  const out: string[] = [];
  for (let i = 0; i < 90; i++) {
    const phone = `+1555${1_000_000 + i * 7919}`;
    const body = PLAIN_BODIES[Math.floor(i / 3) % PLAIN_BODIES.length]!; // every statement gets every body
    if (i % 3 === 0) out.push(`SMS came in from ${phone}: ${body}`);
    if (i % 3 === 1) out.push(`Answer to ${phone} dispatched: ${body}`);
    if (i % 3 === 2) out.push(`Carrier verdict for ${phone} is ${i % 2 ? 'undelivered' : 'delivered'}`);
    if (i % 10 === 0) out.push(`Webhook from ${phone} took ${i} ms`);
  }
  return out;
}

test('groups by the statement, not the body; guesses the event; each regex matches its group', () => {
  const sample = messages();
  const proposals = proposeSmsEvents(sample);
  assert.deepEqual(
    proposals.map(({ head, count, event }) => [head, count, event]),
    [
      ['Answer to <phone> dispatched:', 30, 'sent'],
      ['SMS came in from <phone>:', 30, 'received'],
      ['Carrier verdict for <phone> is delivered', 15, 'delivered'],
      ['Carrier verdict for <phone> is undelivered', 15, 'undelivered'],
      ['Webhook from <phone> took <*> ms', 9, 'event_1'],
    ],
  );
  for (const { regex, event } of proposals) {
    const pattern = new RegExp(regex, SMS_EVENT_FLAGS);
    const matched = sample.filter((m) => pattern.test(m));
    const count = proposals.find((p) => p.regex === regex)!.count;
    assert.equal(matched.length, count, `${event}: ${regex}`);
  }
  assert.equal(proposals[0]!.regex, '^Answer to .*? dispatched:');
});

test('no proposal that would match every message (empty messages, masks only)', () => {
  const proposals = proposeSmsEvents([
    '',
    '',
    '',
    '+15551234567',
    '+15551234568',
    'Text in from +15551234567',
  ]);
  assert.deepEqual(
    proposals.map((p) => p.regex),
    ['^Text in from'],
  );
});

test('special characters are escaped; a head that does not match its example falls back to its words', () => {
  assert.equal(headRegex('Cost (est.) <n> $', 'Cost (est.) 12 $'), '^Cost \\(est\\.\\) .*? \\$');
  assert.equal(headRegex('Changed wording <n>', 'Other words 12 here'), '^Other words 12');
});

test('the snippet keeps the current list of an event it adds to, and is ASCII', () => {
  const snippet = smsEventsSnippet(
    [
      { head: 'a', count: 2, event: 'received', regex: '^a' },
      { head: 'b', count: 1, event: 'event_1', regex: '^b' },
      { head: 'c', count: 1, event: 'received', regex: '^a' },
    ],
    DEFAULT_SMS_EVENTS,
  );
  assert.deepEqual(snippet, {
    sms: { events: { received: [...DEFAULT_SMS_EVENTS.received!, '^a'], event_1: ['^b'] } },
  });
  const text = asciiJson({ x: 'é\u202e\x1b' });
  assert.match(text, /^[\x20-\x7e\n]*$/);
  assert.deepEqual(JSON.parse(text), { x: 'é\u202e\x1b' });
});
