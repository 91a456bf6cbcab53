import type { AlertMessage, Notifier } from './alert.js';

/** What became of one message on one channel. */
export type DeliveryStatus = 'sent' | 'failed' | 'not configured';

export interface Delivery {
  readonly channel: string;
  readonly status: DeliveryStatus;
  /** One line: why it failed, or what to set when the channel is not configured. */
  readonly reason?: string;
}

/** Sends through every notifier at once; one slow or failing channel never holds back another. */
export function deliverAll(notifiers: readonly Notifier[], message: AlertMessage): Promise<Delivery[]> {
  return Promise.all(notifiers.map((notifier) => deliver(notifier, message)));
}

async function deliver(notifier: Notifier, message: AlertMessage): Promise<Delivery> {
  try {
    await notifier.send(message);
    return { channel: notifier.name, status: 'sent' };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { channel: notifier.name, status: 'failed', reason: text.replace(/\s+/g, ' ').trim() };
  }
}
