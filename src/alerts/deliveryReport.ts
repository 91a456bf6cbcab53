import type { Delivery } from './delivery.js';
import { escapeToOneLine } from '../sinks/safeText.js';

/** `alerts test` output: one line per channel, or JSON for scripts. */

/** "slack: sent", "email: failed: SMTP smtp.example.com:587: Invalid login: 535 …" */
export function deliveriesText(deliveries: readonly Delivery[]): string {
  return deliveries
    .map(
      ({ channel, status, reason }) =>
        `${channel}: ${status}${reason ? `: ${escapeToOneLine(reason)}` : ''}\n`,
    )
    .join('');
}

/** [{"channel": "slack", "ok": true}, {"channel": "email", "ok": false, "error": "…"}] */
export function deliveriesJson(deliveries: readonly Delivery[]): string {
  const rows = deliveries.map(({ channel, status, reason }) => ({
    channel,
    ok: status === 'sent',
    ...(status === 'sent' ? {} : { error: status === 'failed' ? reason : `${status}: ${reason}` }),
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}
