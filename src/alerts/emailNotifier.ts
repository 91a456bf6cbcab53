import nodemailer from 'nodemailer';
import type { AlertMessage, Notifier } from './alert.js';
import { MASK } from '../core/redact.js';
import { emailText } from './alertText.js';

/** alerts.email of the config. */
export interface EmailSettings {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (port 465); false: plain, then STARTTLS. */
  readonly secure: boolean;
  readonly user?: string;
  readonly password?: string;
  readonly from: string;
  readonly to: readonly string[];
}

export interface EmailOptions {
  /** Each of: connecting, the server's greeting, any silence on the socket. */
  readonly timeoutMs: number;
  /** Tests trust a self-signed certificate this way; the CLI always verifies. */
  readonly tls?: { readonly rejectUnauthorized?: boolean };
}

/** Node's TLS messages for an untrusted chain: "self-signed certificate", "unable to get local issuer certificate". */
const CERTIFICATE_PROBLEM = /self[- ]signed certificate|unable to (?:get|verify) .*(?:issuer|certificate)/i;

/**
 * An SMTP channel, one connection per message. Like the guide's _send_email_alert it upgrades
 * with STARTTLS and logs in; unlike it, credentials never travel in clear: when a user or
 * password is set and the server offers no STARTTLS, the send fails instead of going on.
 */
export function emailNotifier(email: EmailSettings, options: EmailOptions): Notifier {
  const hasCredentials = email.user !== undefined || email.password !== undefined;
  const where = `SMTP ${email.host}:${email.port}`;
  return {
    name: 'email',
    async send(message: AlertMessage) {
      const missing = missingCredential(email);
      if (missing) throw new Error(`${where}: ${missing}`);
      const transport = nodemailer.createTransport({
        host: email.host,
        port: email.port,
        secure: email.secure,
        requireTLS: !email.secure && hasCredentials,
        auth: email.user === undefined ? undefined : { user: email.user, pass: email.password },
        connectionTimeout: options.timeoutMs,
        greetingTimeout: options.timeoutMs,
        socketTimeout: options.timeoutMs,
        dnsTimeout: options.timeoutMs,
        tls: options.tls ? { rejectUnauthorized: options.tls.rejectUnauthorized } : undefined,
        logger: false,
      });
      const { subject, body } = emailText(message);
      try {
        await transport.sendMail({ from: email.from, to: [...email.to], subject, text: body });
      } catch (error) {
        throw new Error(`${where}: ${describe(error, email)}`);
      } finally {
        transport.close();
      }
    },
  };
}

/** Half a login would fail at the server with a less helpful message, or not be tried at all. */
function missingCredential({ user, password }: EmailSettings): string | undefined {
  if (user !== undefined && password === undefined)
    return 'a user is set but no password (alerts.email.password or SMSMON_SMTP_PASSWORD)';
  if (password !== undefined && user === undefined)
    return 'a password is set but no user (alerts.email.user)';
  return undefined;
}

/** One line, with the password (and the base64 forms AUTH LOGIN and PLAIN send) hidden. */
function describe(error: unknown, { user, password }: EmailSettings): string {
  let text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  if (password) {
    const forms = [
      password,
      Buffer.from(password).toString('base64'),
      Buffer.from(`\0${user ?? ''}\0${password}`).toString('base64'),
    ];
    for (const form of forms) text = text.replaceAll(form, MASK);
  }
  if (CERTIFICATE_PROBLEM.test(text))
    text += '; a private CA can be trusted with NODE_EXTRA_CA_CERTS=<pem file>';
  return text || 'unknown error';
}
