import { Option, type Command } from 'commander';
import { addRedisOptions } from '../../shared/redisOptions.js';
import { addSourceOptions } from '../../shared/sourceOptions.js';
import { colorOption, noColorOption } from '../../shared/colour.js';
import { quietOption } from '../../shared/quiet.js';
import { wideOption, widthOption } from '../../shared/tableWidth.js';
import { reflowed } from '../../shared/helpText.js';

const CHECK_HELP = `
Examples:
  $ smsmon alerts check                            # collect now, print what fires
  $ smsmon alerts check --from-redis --notify -q   # from cron, after metrics snapshot
  $ smsmon alerts check --no-system --no-database --dir /srv/app/logs --json

Thresholds: alerts.thresholds of the config, metric → {"warning": n, "critical": n}, over the
guide's defaults (cpu_percent 80, memory_percent 85, error_rate 5 %, avg_processing_time 5 s,
failed_tasks_last_hour 10, all warnings). A value at or above critical is critical, else at or
above warning a warning. A metric with a threshold but no value is listed as not measured.
Health (unless --no-health): critical → critical, warning and unknown → warning, each service not
healthy → a warning "health:<service>".

--notify sends what is new to the channels of alerts.slack / alerts.email, and keeps per host
in Redis (<prefix>:{<host>}:alerts) what was sent: an alert that stays firing is sent again once
per --repeat, a rise to critical at once, a cleared one once as "resolved"; one that flaps is
resolved only after it stayed clear for --repeat. State is stored only once every channel took
the messages, so a failed send is retried by the next run. Overlapping runs take a lock.

Exit: 0 nothing firing, 1 alerts firing, 2 usage or bad config, 3 the check was incomplete (a
source failed, no or a stale snapshot in Redis, Redis unreachable, a channel failed); 3 wins over
1, the firing alerts are printed all the same.`;

export function defineAlertsCheck(check: Command): Command {
  check.description('evaluate the alert thresholds and health; print what fires, optionally notify');
  return addRedisOptions(addSourceOptions(check))
    .option('--host <name>', 'the host checked and notified for (default: this machine)')
    .option('--from-redis', 'the latest snapshot of --host stored in Redis instead of collecting one')
    .option('--max-age <duration>', 'with --from-redis: an older snapshot makes the check incomplete', '15m')
    .option('--notify', 'send new, risen, repeated and resolved alerts to the configured channels')
    .option(
      '--repeat <duration>',
      'an alert still firing is sent again after this long (default: alerts.repeat, 1h)',
    )
    .option('--no-health', 'leave out the health check')
    .addOption(
      new Option('--json', 'one JSON document: alerts, notMeasured, health, notified').conflicts('quiet'),
    )
    .addOption(quietOption())
    .addOption(widthOption())
    .addOption(wideOption())
    .addOption(colorOption())
    .addOption(noColorOption())
    .addHelpText('after', reflowed(CHECK_HELP));
}
