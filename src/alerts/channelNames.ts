/**
 * The alert channels, kept apart from their notifiers so command help can name them without
 * loading an HTTP or SMTP client. notifiers.ts holds one entry per name (the type checks it).
 */
export const CHANNEL_NAMES = ['slack', 'email'] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

export function isChannelName(name: string): name is ChannelName {
  return (CHANNEL_NAMES as readonly string[]).includes(name);
}
