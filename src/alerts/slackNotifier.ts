import type { AlertMessage, Notifier } from './alert.js';
import { redactUrl, redactWebhookUrl } from '../core/redact.js';
import { slackText } from './alertText.js';

/** The guide's AlertManager._send_slack_alert payload. */
export interface SlackPayload {
  readonly text: string;
  readonly username: 'SMS-AI Monitor';
  readonly icon_emoji: ':warning:';
}

export interface SlackOptions {
  /** The whole request, answer body included. */
  readonly timeoutMs: number;
}

/** How much of a refusal's body the error quotes: Slack answers "no_team", "invalid_payload", … */
const BODY_SHOWN = 100;

export function slackPayload(message: AlertMessage): SlackPayload {
  return { text: slackText(message), username: 'SMS-AI Monitor', icon_emoji: ':warning:' };
}

/**
 * An incoming-webhook channel. The URL's path is the secret: errors name the host only
 * (`https://hooks.slack.com/***`), whatever the HTTP stack put in its message.
 */
export function slackNotifier(webhookUrl: string, { timeoutMs }: SlackOptions): Notifier {
  const shown = redactWebhookUrl(webhookUrl);
  const hide = (text: string): string => hideWebhook(text, webhookUrl, shown);
  return {
    name: 'slack',
    async send(message) {
      const signal = AbortSignal.timeout(timeoutMs);
      let status: number;
      let body: string;
      try {
        const response = await fetch(webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(slackPayload(message)),
          // A webhook that redirects is misconfigured; following it would POST the alert elsewhere.
          redirect: 'manual',
          signal,
        });
        status = response.status;
        body = await response.text();
      } catch (error) {
        if (signal.aborted) throw new Error(`Slack webhook ${shown} did not answer within ${timeoutMs} ms`);
        throw new Error(hide(`Slack webhook ${shown} unreachable: ${reason(error)}`));
      }
      if (status < 200 || status > 299) {
        // Hidden before cutting, so a cut cannot leave half of the secret path readable.
        const quoted = hide(oneLine(body)).slice(0, BODY_SHOWN);
        throw new Error(`Slack webhook answered HTTP ${status}${quoted ? `: ${quoted}` : ''}`);
      }
    },
  };
}

/** fetch says "fetch failed" and keeps the reason (ECONNREFUSED, a TLS error) in `cause`. */
function reason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const text = cause instanceof Error ? cause.message : String(cause);
  return oneLine(text) || 'unknown error';
}

function hideWebhook(text: string, webhookUrl: string, shown: string): string {
  const { pathname } = URL.canParse(webhookUrl) ? new URL(webhookUrl) : { pathname: '' };
  let hidden = text.replaceAll(webhookUrl, shown);
  if (pathname.length > 1) hidden = hidden.replaceAll(pathname, '/***');
  return redactUrl(hidden);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
