import type { Command } from 'commander';
import { TZ_HELP } from '../../core/logZone.js';
import { LOG_DIR_HELP } from '../../sources/logDir.js';
import { colorOption, noColorOption } from '../shared/colour.js';
import { quietOption } from '../shared/quiet.js';
import { wideOption, widthOption } from '../shared/tableWidth.js';
import { reflowed } from '../shared/helpText.js';

const HELP = `
Examples:
  $ smsmon doctor                                  # the guide's production checklist, on this machine
  $ smsmon doctor --send-test                      # also send a test alert through every channel
  $ smsmon doctor --exporter http://127.0.0.1:9464/metrics --json

Checks: the logs directory; each family written lately (errors.log may be quiet); rotation in
effect (live file under the guide's maxBytes, rotated files near it, no more than backupCount);
each live file's newest record, read in the zone of tz, within minutes of its mtime (log-clock);
disk space for the logs; sms.log's newest records match sms.events (else the most frequent
unmatched messages and a snippet to paste); the health endpoint answers and validates; Redis and
PostgreSQL answer; alert thresholds configured; notification channels configured (and, with --send-test, working);
the exporter, when --exporter is given. Each is PASS, WARN or FAIL with a one-line hint.
Exit: 0 all passed, 1 warnings, 2 a check failed (or usage / bad config).`;

export function defineDoctor(doctor: Command): Command {
  return doctor
    .description("the guide's pre-deployment checklist as checks: PASS, WARN or FAIL with a hint")
    .option('-d, --dir <dir>', LOG_DIR_HELP)
    .option('--tz <zone>', TZ_HELP)
    .option('--db <url>', 'PostgreSQL URL (default: DATABASE_URL, database.url)')
    .option('--redis <url>', 'Redis URL (default: REDIS_URL, redis.url, redis://127.0.0.1:6379)')
    .option('--health-url <url>', 'health endpoint (default: SMSMON_HEALTH_URL, health.url)')
    .option('--exporter <url>', "also check smsmon exporter's /metrics at this URL")
    .option('--send-test', 'send a test alert through each configured channel')
    .option('--timeout <duration>', 'per check', '5s')
    .option('--json', '{"summary": {pass, warn, fail}, "checks": [{name, status, detail, hint}]}')
    .addOption(widthOption())
    .addOption(wideOption())
    .addOption(colorOption())
    .addOption(quietOption())
    .addOption(noColorOption())
    .addHelpText('after', reflowed(HELP));
}
