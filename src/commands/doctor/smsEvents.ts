import type { SmsmonConfig } from '../../core/configSchema.js';
import { pass, warn, type CheckResult } from '../../core/doctorCheck.js';
import { errorLine } from '../../core/errors.js';
import { OTHER_EVENT } from '../../core/smsEvents.js';
import { compileSmsEvents, mostlyUnclassified, unclassifiedText } from '../../operators/smsEventKind.js';
import { asciiJson, proposeSmsEvents, smsEventsSnippet } from '../../operators/smsEventProposal.js';
import { smsCountsText, SmsEventTally } from '../../operators/smsEventTally.js';
import { tailOfInput } from '../../scan/readers/inputTail.js';
import { resolveInputs } from '../../sources/resolveInputs.js';
import type { LogPlace } from '../../sources/logPlace.js';

/** The newest records read: enough to see every statement of a busy hour, bounded on any log size. */
export const SMS_EVENTS_SAMPLE = 5000;

const NAME = 'sms-events';

/**
 * sms.events against the newest sms.log records (live file, then rotated siblings): PASS with the
 * counts per event when most classify; else WARN listing the most frequent unclassified messages
 * with a snippet for smsmon.config.json that classifies them.
 */
export async function checkSmsEvents(config: SmsmonConfig, place: LogPlace): Promise<CheckResult> {
  const tally = new SmsEventTally(compileSmsEvents(config.sms.events));
  const unclassified: string[] = [];
  let unparsed = 0;
  try {
    const [input] = await resolveInputs(['sms'], { dir: place.dir, allowMissing: true });
    await tailOfInput(input!, {
      count: SMS_EVENTS_SAMPLE,
      accept: (record) => {
        // Unparsed lines count in the bound too: a file in another format is not read whole.
        if (record.unparsed) unparsed++;
        else if (tally.push(record.message) === OTHER_EVENT) unclassified.push(record.message);
        return true;
      },
      lineNumbers: false,
      follow: false,
      wallClock: place.zone.wallClock,
    });
  } catch (error) {
    return warn(NAME, `cannot read sms.log: ${errorLine(error)}`, 'see the logs-dir and written:sms checks');
  }
  const { counts, records, other } = tally.result();
  if (records === 0 && unparsed > 0)
    return warn(
      NAME,
      `none of the newest ${unparsed} sms.log lines is a record of the guide's json format`,
      'see `smsmon logs tail sms`; --format sets another format for the log commands',
    );
  if (records === 0) return pass(NAME, 'no sms.log records to classify yet');
  const read = `${records} newest sms.log record${records === 1 ? '' : 's'}`;
  if (!mostlyUnclassified(records, other)) {
    const few = other * 2 > records ? ' (too few to judge the wording)' : '';
    return pass(NAME, `${read}: ${smsCountsText(counts)}${few}`);
  }
  const proposals = proposeSmsEvents(unclassified);
  const snippet = asciiJson(smsEventsSnippet(proposals, config.sms.events));
  return {
    ...warn(
      NAME,
      `${unclassifiedText(records, other)}; the most frequent:`,
      'add to smsmon.config.json (merge with its "sms" key; rename events as needed), then run doctor again:',
    ),
    more: [
      ...proposals.map(({ count, head, event }) => `${String(count).padStart(6)}  ${head}  → ${event}`),
      ...snippet.split('\n'),
    ],
  };
}
