import { z } from 'zod';
import { section } from './configFields.js';
import { DEFAULT_SMS_EVENTS, OTHER_EVENT, SMS_EVENT_FLAGS } from './smsEvents.js';

const eventName = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, { error: 'event names are snake_case, such as opt_out' })
  .refine((name) => name !== OTHER_EVENT, {
    error: `"${OTHER_EVENT}" is what matches no event; choose another name`,
  });

/** A JavaScript regex source, compiled here so that a bad one is a config error naming its key. */
const regexSource = z
  .string()
  .min(1)
  .superRefine((source, context) => {
    try {
      new RegExp(source, SMS_EVENT_FLAGS);
    } catch (error) {
      const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /s, '');
      context.addIssue({ code: 'custom', message: `invalid regex ${JSON.stringify(source)}: ${reason}` });
    }
  });

/** `sms`: how sms.log messages are read. */
export const smsSection = section({
  events: z
    .record(eventName, z.array(regexSource))
    .transform((given) => ({ ...DEFAULT_SMS_EVENTS, ...given }))
    .prefault({})
    .describe(
      'event → regexes matched on sms.log messages (case-insensitive); an event listed replaces its default list, [] turns it off, a new name adds an event',
    ),
});
