import { Option, type Command } from 'commander';
import { TZ_HELP } from '../../core/logZone.js';
import { LOG_DIR_HELP } from '../../sources/logDir.js';
import { colorOption, noColorOption } from '../shared/colour.js';
import { reflowed } from '../shared/helpText.js';

const HELP = `
Examples:
  $ smsmon exporter                                  # http://127.0.0.1:9464/metrics, logs from ./logs
  $ smsmon exporter --listen :9464 --dir /srv/sms-agent/logs
  $ smsmon exporter --listen 127.0.0.1:0             # any free port; the bound address is on stderr
  $ smsmon exporter --textfile /var/lib/node_exporter/textfile/smsmon.prom   # from cron

Follows app.log, errors.log and sms.log across rotation (a rotation never counts a line twice)
from their current end, or from their first byte with --from-start, and serves /metrics in the
Prometheus text format: sms_requests_total and sms_requests_successful (the guide's Grafana
queries), sms events by kind (sms.events of the config: event → regexes on the message; when most
records match none, one line on stderr and smsmon_sms_unclassified_ratio say so), records by
family and level, error types, a processing_time histogram by module, parse failures, the lag
behind the newest record, and the system figures of "metrics collect" refreshed every --interval. Counters only go up; a series, once there, stays.
Error types: the first --error-types distinct types get their own series, later ones count as
"other". On start one line on stderr: "smsmon: exporter listening on http://HOST:PORT/metrics"
(before it, a line naming the offset when a live file's newest record is a zone's offset off its mtime).
--textfile reads every file of the families (rotated ones too) once, writes the same text
atomically (temp file + rename) for node_exporter's textfile collector, and exits.
Exit: 0 stopped by SIGINT/SIGTERM (or textfile written), 2 usage or the address is taken,
3 the logs directory cannot be read or the textfile cannot be written.`;

export function defineExporter(exporter: Command): Command {
  return exporter
    .description('serve Prometheus metrics from the followed logs (or write them once for node_exporter)')
    .addOption(
      new Option('--listen <host:port>', 'address to serve /metrics on; port 0 picks a free one')
        .default('127.0.0.1:9464')
        .conflicts('textfile'),
    )
    .option('-d, --dir <dir>', LOG_DIR_HELP)
    .option('--tz <zone>', TZ_HELP)
    .addOption(
      new Option('--from-start', 'count the live files from their first byte, not from their end').conflicts(
        'textfile',
      ),
    )
    .option('--textfile <path>', 'write the metrics once to PATH (atomically) and exit, for cron')
    .option('--error-types <n>', 'error types with their own series; later ones count as "other"', '20')
    .option(
      '--category-pattern <regex>',
      'where sms.log messages name the task category: a regex with a (?<category>…) group',
    )
    .option('--categories <n>', 'task categories with their own series; later ones count as "other"', '10')
    .option('--interval <duration>', 'how often the system figures (and health) are refreshed', '30s')
    .option('--sample <duration>', 'window over which CPU and network are measured', '500ms')
    .option('--no-system', 'leave out the system figures')
    .addOption(colorOption('none'))
    .addOption(noColorOption())
    .addHelpText('after', reflowed(HELP));
}
