import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FOREIGN_STATEMENTS, foreignMessages } from '../../test/kit/foreignStatements.js';
import { Random } from '../../test/kit/random.js';
import { messageTemplate, templateOfEveryChunk } from './messageTemplate.js';

/**
 * Statements worded unlike test/kit, filled with random values of every shape (Twilio SIDs,
 * request ids, UUIDs with and without dashes, base64, numbers, emails, phones, IPv4/IPv6, paths,
 * ISO times): the templates must group exactly by statement.
 */
const OCCURRENCES = 300;

test('one template per logging statement, and no two statements share one', (t) => {
  const messages = foreignMessages(12, OCCURRENCES);
  const templatesOf = FOREIGN_STATEMENTS.map(() => new Map<string, string>());
  for (const { statement, message } of messages) {
    const { module } = FOREIGN_STATEMENTS[statement]!;
    templatesOf[statement]!.set(`${module}: ${messageTemplate(message)}`, message);
  }
  const groups = new Set(templatesOf.flatMap((templates) => [...templates.keys()]));
  t.diagnostic(`${FOREIGN_STATEMENTS.length} statements, ${groups.size} groups, ${messages.length} messages`);
  FOREIGN_STATEMENTS.forEach(({ format }, statement) => {
    const templates = templatesOf[statement]!;
    assert.equal(
      templates.size,
      1,
      `${format} gave ${templates.size} templates: ${[...templates].join('\n')}`,
    );
  });
  assert.equal(groups.size, FOREIGN_STATEMENTS.length, 'two statements were merged into one template');
});

/** Pieces of every shape and of punctuation, glued at random: where a fast path could slip. */
const PIECES = [
  ...['a', 'Ab', 'T', 'ms', '_', 'é', '12', '3.5', '1,234', 'x9', 'deadbeefcafe', 'ZmFrZUtleQ=='],
  ...['-', '.', ':', '=', '/', "'", '"', '(', ')', '[', ']', ',', ' ', ' ', '\t', '@', '=abc'],
  ...['+1555123456', '(555) 123-4567', 'ops@example.com', 'http://a.b/c?d=1', '::1', '10.0.0.1:80'],
  ...['2024-01-20', '16:30:00', '9f0c1e2a-1b2c-4d3e-8f90-123456789abc', 'dead-beef-cafe'],
];

test('skipping plain text in native code gives the templates of reading every chunk', () => {
  const r = new Random(5);
  const messages = foreignMessages(5, 200).map((m) => m.message);
  for (let i = 0; i < 50_000; i++) {
    let message = '';
    for (let n = r.int(1, 14); n > 0; n--) message += r.pick(PIECES);
    messages.push(message);
  }
  for (const message of messages)
    assert.equal(messageTemplate(message), templateOfEveryChunk(message), message);
});
