import { Option, type Command } from 'commander';
import { HEALTH_EXIT_CODES } from '../../core/health.js';
import { setErrorExitCode } from '../shared/errorExitCode.js';
import { colorOption, noColorOption } from '../shared/colour.js';
import { quietOption } from '../shared/quiet.js';
import { wideOption, widthOption } from '../shared/tableWidth.js';
import { reflowed } from '../shared/helpText.js';

const HEALTH_HELP = `
Examples:
  $ smsmon health                                   # http://localhost:5001/health (or health.url)
  $ smsmon health https://app.example.com/health -t 3s --retries 2
  $ smsmon health -w 1 -c 5                         # Nagios: over 1 s WARNING, 5 s CRITICAL
  $ smsmon health --json | jq '.services[] | select(.slow)'
  $ smsmon health --watch 30s --record              # a line per change; every check into Redis

The first line is the Nagios plugin line, HEALTH <STATE> - <reason> | <perfdata>, with
time=<answer>s;<warn>;<crit>;0 and <service>=<response_time>s;… for each service reporting one.
Healthy means a status "healthy", "ok" or "up" (any case), for the body and every service.
  OK        status healthy, every service healthy, nothing slower than -w
  WARNING   status "degraded"; or a service not healthy, or a service or the answer slower
            than -w, while the status still says healthy
  CRITICAL  status "unhealthy"; a service or the answer slower than -c; HTTP 5xx (whatever the
            body); HTTP 4xx; connection refused, reset or host not found; timeout
  UNKNOWN   not JSON, wrong content type or schema, unknown status, body over 1 MiB, more
            than 3 redirects or a 3xx without Location; a bad option or config
--timeout bounds each attempt: connect, redirects, the whole body, and reading and printing the
answer (UNKNOWN "check exceeded --timeout" past it). --retries retries timeouts, connection
failures and 5xx after 0.5 s, 1 s, 2 s, 4 s, then 5 s, so a run lasts at most
timeout × (retries + 1) plus those pauses. The table shows at most 100 services, problems first,
and counts the rest by status (--json lists them all). user:password@ in the URL is sent as
Basic auth and shown as ***.
Exit: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (--watch: the last check's state).`;

export function defineHealth(health: Command): Command {
  health
    .description("check the app's /health endpoint: status, services, response times (Nagios exit codes)")
    .argument('[url]', 'endpoint (default: health.url, SMSMON_HEALTH_URL, http://localhost:5001/health)')
    .option('-t, --timeout <duration>', 'per attempt, connect to last byte (default: health.timeout, 5s)')
    .option('--retries <n>', 'attempts after a timeout, connection failure or HTTP 5xx', '0')
    .option(
      '-w, --warning <seconds>',
      'a service or answer slower than this is a WARNING (default: health.warnMs / 1000, 1)',
    )
    .option('-c, --critical <seconds>', 'a service or answer slower than this is CRITICAL (default: none)')
    // Deprecated (milliseconds, before -w): still works, no longer shown.
    .addOption(new Option('--warn-ms <ms>').hideHelp().conflicts('warning'))
    .option('--json', 'the result as one JSON document (with --watch: one line per change)')
    .option('--watch <duration>', 'check again every DURATION, print only changes, until Ctrl-C')
    .option('--record', 'store each result in Redis beside the metrics (health_up, health_state, …)')
    .option(
      '--redis <url>',
      'redis://, rediss://, redis-sentinel:// or redis-cluster:// URL for --record (default: REDIS_URL, redis.url)',
    )
    .option('--prefix <prefix>', 'key prefix for --record (default: redis.prefix, "smsmon")')
    .addOption(widthOption())
    .addOption(wideOption())
    .addOption(colorOption())
    .addOption(quietOption())
    .addOption(noColorOption())
    .addHelpText('after', reflowed(HEALTH_HELP));
  // A Nagios plugin: a bad option or config is UNKNOWN (3), never CRITICAL (2).
  return setErrorExitCode(health, HEALTH_EXIT_CODES.unknown);
}
