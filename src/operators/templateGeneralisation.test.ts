import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FOREIGN_STATEMENTS, foreignMessages } from '../fixtures/foreignStatements.js';
import { messageTemplate } from './messageTemplate.js';

/**
 * Statements worded unlike src/fixtures, filled with random values of every shape (Twilio SIDs,
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
