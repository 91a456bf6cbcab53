import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { alertMessage, ERROR_RATE_ALERT } from '../../test/kit/alerts.js';
import { smtpReceiver } from '../../test/kit/smtpReceiver.js';
import { emailText } from './alertText.js';
import { emailNotifier, type EmailSettings } from './emailNotifier.js';

const PASSWORD = 'hunter2-Ü@/x';
const TRUST_TEST_CERT = { timeoutMs: 3000, tls: { rejectUnauthorized: false } };

const FIRING = alertMessage('firing', [ERROR_RATE_ALERT]);

function settings(port: number, more: Partial<EmailSettings> = {}): EmailSettings {
  return {
    host: '127.0.0.1',
    port,
    secure: false,
    from: 'smsmon@example.com',
    to: ['ops@example.com', 'oncall@example.com'],
    ...more,
  };
}

for (const method of ['PLAIN', 'LOGIN']) {
  test(`STARTTLS, then AUTH ${method}: the mail arrives with From, To, Subject and the alert text`, async (t) => {
    const server = await smtpReceiver({ users: { monitor: PASSWORD }, authMethods: [method] });
    t.after(server.close);
    const notifier = emailNotifier(
      settings(server.port, { user: 'monitor', password: PASSWORD }),
      TRUST_TEST_CERT,
    );
    assert.equal(notifier.name, 'email');
    await notifier.send(FIRING);
    assert.deepEqual(server.logins, [
      { method, username: 'monitor', password: PASSWORD, secure: true, accepted: true },
    ]);
    assert.equal(server.mails.length, 1);
    const [mail] = server.mails;
    assert.equal(mail?.secure, true);
    assert.equal(mail?.mailFrom, 'smsmon@example.com');
    assert.deepEqual(mail?.rcptTo, ['ops@example.com', 'oncall@example.com']);
    assert.equal(mail?.headers.from, 'smsmon@example.com');
    assert.equal(mail?.headers.to, 'ops@example.com, oncall@example.com');
    assert.equal(mail?.headers.subject, 'SMS-to-AI Agent Alert [warning]: 1 alert firing on web-1');
    assert.equal(mail?.text.trimEnd(), emailText(FIRING).body.trimEnd());
    assert.match(
      mail?.text ?? '',
      /^🚨 SMS-to-AI Agent Alert\n\n\[warning\] error_rate 7\.2 % ≥ warning 5 %\n/,
    );
  });
}

test('TLS from the first byte (secure: true, port 465 style)', async (t) => {
  const server = await smtpReceiver({ users: { monitor: PASSWORD }, implicitTls: true });
  t.after(server.close);
  const email = settings(server.port, { secure: true, user: 'monitor', password: PASSWORD });
  await emailNotifier(email, TRUST_TEST_CERT).send(FIRING);
  assert.equal(server.mails[0]?.secure, true);
  assert.equal(server.logins[0]?.secure, true);
});

test('the certificate is verified by default: a self-signed one fails before any login', async (t) => {
  const server = await smtpReceiver({ users: { monitor: PASSWORD } });
  t.after(server.close);
  const email = settings(server.port, { user: 'monitor', password: PASSWORD });
  await assert.rejects(emailNotifier(email, { timeoutMs: 3000 }).send(FIRING), {
    message: `SMTP 127.0.0.1:${server.port}: self-signed certificate; a private CA can be trusted with NODE_EXTRA_CA_CERTS=<pem file>`,
  });
  assert.deepEqual(server.logins, []);
  assert.deepEqual(server.mails, []);
});

test('a wrong password: one line naming the refusal', async (t) => {
  const server = await smtpReceiver({ users: { monitor: 'the-right-one' } });
  t.after(server.close);
  const email = settings(server.port, { user: 'monitor', password: PASSWORD });
  await assert.rejects(emailNotifier(email, TRUST_TEST_CERT).send(FIRING), {
    message: `SMTP 127.0.0.1:${server.port}: Invalid login: 535 Invalid username or password`,
  });
  assert.equal(server.logins[0]?.accepted, false);
  assert.deepEqual(server.mails, []);
});

test('a server whose refusal quotes the password: the error hides it, plain and base64', async (t) => {
  const server = await smtpReceiver({ users: { monitor: 'the-right-one' }, echoPassword: true });
  t.after(server.close);
  const email = settings(server.port, { user: 'monitor', password: PASSWORD });
  await assert.rejects(emailNotifier(email, TRUST_TEST_CERT).send(FIRING), {
    message: `SMTP 127.0.0.1:${server.port}: Invalid login: 535 Bad password *** (***)`,
  });
});

test('half a login (user without password, or the reverse) fails before connecting', async (t) => {
  const server = await smtpReceiver({ users: { monitor: PASSWORD } });
  t.after(server.close);
  await assert.rejects(
    emailNotifier(settings(server.port, { user: 'monitor' }), TRUST_TEST_CERT).send(FIRING),
    {
      message: `SMTP 127.0.0.1:${server.port}: a user is set but no password (alerts.email.password or SMSMON_SMTP_PASSWORD)`,
    },
  );
  await assert.rejects(
    emailNotifier(settings(server.port, { password: PASSWORD }), TRUST_TEST_CERT).send(FIRING),
    /a password is set but no user/,
  );
  assert.deepEqual(server.logins, []);
});

test('a password never goes in clear: no STARTTLS offered → the send fails, no login tried', async (t) => {
  const server = await smtpReceiver({ users: { monitor: PASSWORD }, startTls: false });
  t.after(server.close);
  const email = settings(server.port, { user: 'monitor', password: PASSWORD });
  await assert.rejects(emailNotifier(email, TRUST_TEST_CERT).send(FIRING), /^Error: SMTP 127\.0\.0\.1:\d+: /);
  assert.deepEqual(server.logins, []);
  assert.deepEqual(server.mails, []);
});

test('without credentials a relay that offers no STARTTLS gets the mail in plain text', async (t) => {
  const server = await smtpReceiver({ startTls: false });
  t.after(server.close);
  await emailNotifier(settings(server.port), TRUST_TEST_CERT).send(FIRING);
  assert.equal(server.mails.length, 1);
  assert.equal(server.mails[0]?.secure, false);
});

test('server down (closed port): an error naming host, port and the refusal', async () => {
  const server = await smtpReceiver();
  const { port } = server;
  await server.close();
  await assert.rejects(emailNotifier(settings(port), TRUST_TEST_CERT).send(FIRING), {
    message: new RegExp(`^SMTP 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`),
  });
});

test('a server that accepts the connection but never greets: an error within the timeout + 1 s', async (t) => {
  const sockets = new Set<Socket>();
  const silent = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    sockets.forEach((socket) => socket.destroy());
    return new Promise((resolve) => silent.close(resolve));
  });
  const { port } = silent.address() as AddressInfo;
  const started = performance.now();
  await assert.rejects(emailNotifier(settings(port), { timeoutMs: 400 }).send(FIRING), /^Error: SMTP 127/);
  const elapsed = performance.now() - started;
  assert.ok(elapsed >= 390 && elapsed < 1400, `took ${elapsed} ms`);
});
