import type { Alert, AlertMessage } from './alert.js';

/**
 * What a person reads in Slack or in a mail: the guide's "🚨 SMS-to-AI Agent Alert" heading, one line
 * per alert (severity, then its message), and the host and time it came from.
 */

export const ALERT_TITLE = 'SMS-to-AI Agent Alert';

export interface EmailText {
  readonly subject: string;
  readonly body: string;
}

/** The heading of each kind of message; the firing one is the guide's, byte for byte. */
const HEADINGS: Readonly<Record<AlertMessage['kind'], string>> = {
  firing: `🚨 ${ALERT_TITLE}`,
  resolved: `✅ ${ALERT_TITLE} resolved`,
  test: `🧪 ${ALERT_TITLE} test`,
};

const TEST_LINE = 'This is a test from `smsmon alerts test`: this channel reaches you.';

/** `text` of the Slack payload: "🚨 SMS-to-AI Agent Alert\n\n[critical] cpu_percent 93.1 % ≥ critical 90 %\n\n…". */
export function slackText(message: AlertMessage): string {
  const lines = bodyLines(message).map(escapeSlack);
  return `${HEADINGS[message.kind]}\n\n${lines.join('\n')}\n\n${escapeSlack(footer(message))}`;
}

/** Subject and plain-text body of the mail; the subject is one line whatever the host name holds. */
export function emailText(message: AlertMessage): EmailText {
  const body = `${HEADINGS[message.kind]}\n\n${bodyLines(message).join('\n')}\n\n${footer(message)}\n`;
  return { subject: oneLine(emailSubject(message)), body };
}

function emailSubject({ kind, host, alerts }: AlertMessage): string {
  if (kind === 'test') return `${ALERT_TITLE} test from ${host}`;
  const count = `${alerts.length} alert${alerts.length === 1 ? '' : 's'}`;
  if (kind === 'resolved') return `${ALERT_TITLE} resolved: ${count} on ${host}`;
  return `${ALERT_TITLE} [${worstSeverity(alerts)}]: ${count} firing on ${host}`;
}

function bodyLines(message: AlertMessage): string[] {
  if (message.kind === 'test') return [TEST_LINE];
  return message.alerts.map((alert) => oneLine(`[${alert.severity}] ${alert.message}`));
}

/** "host web-1 · 2024-01-20T12:30:00.000Z" */
function footer({ host, time }: AlertMessage): string {
  return oneLine(`host ${host} · ${new Date(time).toISOString()}`);
}

function worstSeverity(alerts: readonly Alert[]): Alert['severity'] {
  return alerts.some((alert) => alert.severity === 'critical') ? 'critical' : 'warning';
}

/** An alert is one line: a message or host with a line break (or other control) cannot add one. */
function oneLine(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]+/g, ' ');
}

/** Slack reads &, < and > as markup (links, mentions); the rest of the text is sent as written. */
function escapeSlack(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
