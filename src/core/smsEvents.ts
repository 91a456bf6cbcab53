/**
 * What an sms.log message says happened to an SMS: event name → regex sources, matched on the
 * message case-insensitively; a record gets the first event that matches, tried in this order,
 * then the config's own events in the order written. The defaults cover the wordings apps
 * commonly log; `sms.events` in smsmon.config.json replaces an event's list (README).
 */
export const DEFAULT_SMS_EVENTS: Readonly<Record<string, readonly string[]>> = {
  received: [
    '^(?:incoming|inbound|received|new) (?:sms|text|message)(?: message)? from\\b',
    '^(?:sms|text|message) received from\\b',
  ],
  rejected: [
    '^(?:rejected|blocked|ignored|dropped) (?:incoming |inbound )?(?:sms|text|message) from\\b',
    // Only before a colon: the body after "from +1555…:" may say "blocked" itself.
    '^(?:sms|text|message) from [^:]*?\\b(?:rejected|blocked)\\b',
  ],
  // "Sending reply to …" is an attempt, not a success: it is left out (README).
  sent: [
    '^(?:outgoing|outbound|sent) (?:sms|text|message|reply|response)(?: message)? to\\b',
    '^(?:sms|text|message|reply|response) sent to\\b',
    '^replied to\\b',
  ],
  failed: [
    "^(?:failed to|unable to|could not|couldn't) send\\b",
    '^error (?:while |when )?sending\\b',
    '^(?:sms|text|message|reply)(?: send| sending)? failed\\b',
  ],
  // Twilio's status callbacks; its "failed" status is a delivery failure, counted as undelivered.
  delivered: [
    '^delivery (?:status|report|receipt)\\b.*?\\bdelivered\\b',
    '\\b(?:message|sms)_?status["\']?\\s*[=:]\\s*["\']?delivered\\b',
    '^(?:sms|message) \\S+ (?:status:? )?(?:is |was )?delivered\\b',
  ],
  undelivered: [
    '^delivery (?:status|report|receipt)\\b.*?\\b(?:undelivered|failed)\\b',
    '\\b(?:message|sms)_?status["\']?\\s*[=:]\\s*["\']?(?:undelivered|failed)\\b',
    '^(?:sms|message) \\S+ (?:status:? )?(?:is |was )?(?:undelivered|failed)\\b',
  ],
  truncated: ['^(?:sms|text|message) from [^:]*?\\btruncated\\b'],
  backlog: ['\\bqueue backlog\\b'],
};

/** Events that count in sms_requests_total (an SMS came in); only these built-in names. */
export const REQUEST_EVENTS: ReadonlySet<string> = new Set(['received', 'rejected']);
/** Events that count in sms_requests_successful (the reply went out). */
export const SUCCESS_EVENTS: ReadonlySet<string> = new Set(['sent']);

/** What a record matching no event counts as; not a name the config may use. */
export const OTHER_EVENT = 'other';

/** Regex flags of every sms.events pattern. */
export const SMS_EVENT_FLAGS = 'i';
