import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertMessage, CPU_ALERT } from '../../test/kit/alerts.js';
import { WEBHOOK_PATH, webhookReceiver } from '../../test/kit/webhookReceiver.js';
import { slackNotifier } from './slackNotifier.js';

const FIRING = alertMessage('firing', [CPU_ALERT]);

test("sends the guide's payload as JSON to the webhook URL", async (t) => {
  const receiver = await webhookReceiver();
  t.after(receiver.close);
  await slackNotifier(receiver.url, { timeoutMs: 2000 }).send(FIRING);
  assert.equal(receiver.received.length, 1);
  const [request] = receiver.received;
  assert.equal(request?.method, 'POST');
  assert.equal(request?.path, WEBHOOK_PATH);
  assert.equal(request?.contentType, 'application/json');
  const payload = JSON.parse(request?.body ?? '') as Record<string, unknown>;
  assert.deepEqual(Object.keys(payload).sort(), ['icon_emoji', 'text', 'username']);
  assert.equal(payload.username, 'SMS-AI Monitor');
  assert.equal(payload.icon_emoji, ':warning:');
  assert.equal(
    payload.text,
    '🚨 SMS-to-AI Agent Alert\n\n[critical] cpu_percent 93.1 % ≥ critical 90 %\n\nhost web-1 · 2024-01-20T12:30:00.000Z',
  );
});

test('a refusal is one line: the status and the first 100 characters of the body, never the secret path', async (t) => {
  const receiver = await webhookReceiver((response) => {
    response.statusCode = 500;
    response.end(`internal\nerror at ${WEBHOOK_PATH} ${'x'.repeat(300)}`);
  });
  t.after(receiver.close);
  await assert.rejects(slackNotifier(receiver.url, { timeoutMs: 2000 }).send(FIRING), (error: Error) => {
    assert.match(error.message, /^Slack webhook answered HTTP 500: internal error at \/\*\*\* x+$/);
    assert.doesNotMatch(error.message, /s3cret|\n/);
    assert.equal(error.message.slice('Slack webhook answered HTTP 500: '.length).length, 100);
    return true;
  });
});

test('a secret path echoed across the 100-character cut is hidden whole, not cut in half', async (t) => {
  const receiver = await webhookReceiver((response) => {
    response.statusCode = 403;
    response.end(`${'y'.repeat(90)}${WEBHOOK_PATH}`);
  });
  t.after(receiver.close);
  await assert.rejects(slackNotifier(receiver.url, { timeoutMs: 2000 }).send(FIRING), {
    message: `Slack webhook answered HTTP 403: ${'y'.repeat(90)}/***`,
  });
});

test('a 404 with an empty body still names the status', async (t) => {
  const receiver = await webhookReceiver((response) => {
    response.statusCode = 404;
    response.end();
  });
  t.after(receiver.close);
  await assert.rejects(slackNotifier(receiver.url, { timeoutMs: 2000 }).send(FIRING), {
    message: 'Slack webhook answered HTTP 404',
  });
});

test('a redirect is a failure, not followed', async (t) => {
  const receiver = await webhookReceiver((response) => {
    response.statusCode = 307;
    response.setHeader('location', '/elsewhere');
    response.end();
  });
  t.after(receiver.close);
  await assert.rejects(slackNotifier(receiver.url, { timeoutMs: 2000 }).send(FIRING), /answered HTTP 307/);
  assert.equal(receiver.received.length, 1);
});

test('a receiver that never answers: a timeout error within the timeout + 1 s', async (t) => {
  const receiver = await webhookReceiver(() => undefined);
  t.after(receiver.close);
  const started = performance.now();
  await assert.rejects(slackNotifier(receiver.url, { timeoutMs: 300 }).send(FIRING), {
    message: `Slack webhook ${new URL(receiver.url).origin}/*** did not answer within 300 ms`,
  });
  const elapsed = performance.now() - started;
  assert.ok(elapsed >= 290 && elapsed < 1300, `took ${elapsed} ms`);
  assert.equal(receiver.received.length, 1);
});

test('nothing listening: "unreachable" with the reason, host shown, path hidden', async () => {
  const receiver = await webhookReceiver();
  await receiver.close(); // the port is closed now
  await assert.rejects(slackNotifier(receiver.url, { timeoutMs: 2000 }).send(FIRING), (error: Error) => {
    assert.match(
      error.message,
      /^Slack webhook http:\/\/127\.0\.0\.1:\d+\/\*\*\* unreachable: .*ECONNREFUSED/,
    );
    assert.doesNotMatch(error.message, /s3cret/);
    return true;
  });
});
