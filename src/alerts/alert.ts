/** One threshold a metric or the health check crossed, as `alerts check` reports it. */
export type AlertSeverity = 'warning' | 'critical';

export interface Alert {
  /** Stable identity for dedup and cooldown: "cpu_percent", "health", "health:database". */
  readonly key: string;
  readonly metric: string;
  /** The value seen (NaN for a health state). */
  readonly value: number;
  /** The threshold crossed (NaN for a health state). */
  readonly threshold: number;
  readonly severity: AlertSeverity;
  /** One line for people: "cpu_percent 93.1 % ≥ critical 90 %". */
  readonly message: string;
}

/** What a notification channel is given to send. */
export interface AlertMessage {
  readonly kind: 'firing' | 'resolved' | 'test';
  readonly host: string;
  /** Milliseconds since the epoch. */
  readonly time: number;
  /** Alerts firing (kind firing), cleared (kind resolved), or none (test). */
  readonly alerts: readonly Alert[];
}

/** A notification channel (Slack webhook, SMTP email): adding one is adding an entry. */
export interface Notifier {
  readonly name: string;
  /** Resolves once the channel accepted the message; throws a one-line Error (no secrets) when not. */
  send(message: AlertMessage): Promise<void>;
}
