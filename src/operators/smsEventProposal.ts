import { SMS_EVENT_FLAGS } from '../core/smsEvents.js';
import { messageTemplate } from './messageTemplate.js';

/** A mask messageTemplate puts where a message varies: `<phone>`, `<n>`, `<*>`. */
const MASK = /<[A-Za-z_*]+>/g;
/** Tokens of a template looked at: the statement's words come first, free text after. */
const MAX_TOKENS = 12;
/** Leading tokens always kept: a statement's first words, however many statements start alike. */
const MIN_TOKENS = 2;
/**
 * After a prefix, more distinct next tokens than this, and more than one per FREE_TEXT_RATIO
 * records, is free text (an SMS body): a statement's own words branch into a few (a status).
 */
const MAX_BRANCHES = 3;
const FREE_TEXT_RATIO = 10;
/** Distinct next tokens counted per prefix, at most (beyond, it is free text anyway). */
const DISTINCT_CAP = 1000;
const SHOWN = 5;
/** A proposed regex with no literal text would classify every message. */
const MATCHES_ANYTHING = /^\^(?:\.\*\?|\s)*$/;

/** Words that name an event, tried in order: "undelivered" before "delivered", "failed" before "sent". */
const EVENT_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bundelivered\b/, 'undelivered'],
  [/\bdelivered\b/, 'delivered'],
  [/\b(?:fail|failed|failure|error|unable|could not|cannot)\b/, 'failed'],
  [/\b(?:reject|rejected|refused|block|blocked|denied|spam)\b/, 'rejected'],
  [/\b(?:sending|queued|queueing|queuing|scheduled)\b/, 'queued'], // an attempt, not a success
  [/\b(?:sent|outgoing|outbound|reply|replied|answer|answered|response|responded|dispatched)\b/, 'sent'],
  [/\b(?:received|incoming|inbound|came in|in from|got|new)\b/, 'received'],
  [/\btruncat/, 'truncated'],
  [/\bbacklog\b/, 'backlog'],
];

/** One frequent kind of unclassified message, and a regex proposed for it. */
export interface Proposal {
  /** The template's leading words that its messages share (masks as messageTemplate writes them). */
  head: string;
  count: number;
  event: string;
  regex: string;
}

/**
 * Groups the messages no event matched by the words their statement starts with, and proposes an
 * event and a regex for each of the most frequent groups. A group's head is the template's
 * tokens up to where they branch into many (the body of an SMS), read off a prefix tree of the
 * sample as Drain's is; the proposal depends on the sample, which is fine for advice.
 */
export function proposeSmsEvents(messages: readonly string[]): Proposal[] {
  const tokensOf = messages.map((message) => messageTemplate(message).replace(/…$/, '').split(/\s+/));
  const nodes = new Map<string, { count: number; next: Set<string> }>(); // prefix → what follows
  for (const tokens of tokensOf)
    for (let i = 0; i <= Math.min(tokens.length, MAX_TOKENS - 1); i++) {
      const prefix = tokens.slice(0, i).join(' ');
      let node = nodes.get(prefix);
      if (!node) nodes.set(prefix, (node = { count: 0, next: new Set() }));
      node.count++;
      if (node.next.size < DISTINCT_CAP) node.next.add(tokens[i] ?? '');
    }
  const freeTextAfter = (prefix: string): boolean => {
    const { count, next } = nodes.get(prefix)!;
    return next.size > MAX_BRANCHES && next.size * FREE_TEXT_RATIO > count;
  };
  const groups = new Map<string, { count: number; example: string }>();
  tokensOf.forEach((tokens, k) => {
    let depth = Math.min(MIN_TOKENS, tokens.length);
    while (depth < tokens.length && depth < MAX_TOKENS && !freeTextAfter(tokens.slice(0, depth).join(' ')))
      depth++;
    const head = tokens.slice(0, depth).join(' ');
    const group = groups.get(head);
    if (group) group.count++;
    else groups.set(head, { count: 1, example: messages[k]! });
  });
  let unnamed = 0;
  return [...groups]
    .map(([head, { count, example }]) => ({ head, count, regex: headRegex(head, example) }))
    .filter(({ regex }) => !MATCHES_ANYTHING.test(regex)) // an empty message, or masks only
    .sort((a, b) => b.count - a.count || (a.head < b.head ? -1 : a.head > b.head ? 1 : 0))
    .slice(0, SHOWN)
    .map((proposal) => {
      const words = proposal.head.replace(MASK, ' ').toLowerCase();
      const event = EVENT_WORDS.find(([pattern]) => pattern.test(words))?.[1] ?? `event_${++unnamed}`;
      return { ...proposal, event };
    });
}

/**
 * `^SMS came in from .*?:` from `SMS came in from <phone>:`; the example's first words when that
 * does not match it (the template is not the message with masks, after all).
 */
export function headRegex(head: string, example: string): string {
  const literals = head.split(MASK);
  while (literals.length > 1 && literals.at(-1)!.trim() === '') literals.pop();
  const regex = '^' + literals.map(escapeRegex).join('.*?').trimEnd();
  if (MATCHES_ANYTHING.test(regex) || new RegExp(regex, SMS_EVENT_FLAGS).test(example)) return regex;
  return '^' + escapeRegex(example.split(/\s+/).slice(0, 3).join(' '));
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `{"sms": {"events": …}}` to paste into smsmon.config.json: each proposed regex added to its
 * event's current list (a list in the config replaces the default, so the current one is kept).
 */
export function smsEventsSnippet(
  proposals: readonly Proposal[],
  current: Readonly<Record<string, readonly string[]>>,
): { sms: { events: Record<string, string[]> } } {
  const events: Record<string, string[]> = {};
  for (const { event, regex } of proposals) {
    const list = (events[event] ??= [...(current[event] ?? [])]);
    if (!list.includes(regex)) list.push(regex);
  }
  return { sms: { events } };
}

/** JSON with every character outside printable ASCII as \uXXXX: safe on a terminal, same value. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[^\x20-\x7e\n]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
