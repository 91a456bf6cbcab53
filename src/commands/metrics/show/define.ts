import { Option, type Command } from 'commander';
import { colorOption, noColorOption } from '../../shared/colour.js';
import { addRedisOptions } from '../../shared/redisOptions.js';
import { quietOption } from '../../shared/quiet.js';
import { wideOption, widthOption } from '../../shared/tableWidth.js';
import { reflowed } from '../../shared/helpText.js';

const SHOW_HELP = `
Examples:
  $ smsmon metrics show                            # every metric of this host, last 6 hours
  $ smsmon metrics show cpu_percent error_rate --since 1h
  $ smsmon metrics show --fleet --json             # all hosts merged, the dashboard API shape
  $ smsmon metrics show --host web-2 --ndjson | jq -r '[.time, .value] | @tsv'
  $ smsmon metrics show --guide-layout             # also what the guide's own store_metrics wrote

With --guide-layout each metrics:<name> key is read whole: samples in smsmon's form and in the
guide's original one (member = time in seconds, score = value) are both read, the latter named once
on stderr (smsmon metrics migrate rewrites them). Keys holding nothing readable are named with why.

With --fleet a percentile (processing_time_p95, …) is merged from the hosts' stored sketches, never
averaged; a host whose latest snapshot has none (an older smsmon) is left out and named in a note.

Exit: 0 shown, 1 no samples in the window, 2 usage or bad config, 3 Redis unreachable.`;

export function defineMetricsShow(show: Command): Command {
  return addRedisOptions(show.description('read the stored series back: table with sparklines, or JSON'))
    .argument('[metrics...]', 'metric names (default: all)')
    .option('--since <time>', 'samples at or after: 15m, 1h30m, 1d ago, yesterday, or an ISO time', '6h')
    .option('--host <name>', 'this host only (default: this machine)')
    .addOption(new Option('--fleet', 'every host, merged').conflicts('host'))
    .addOption(
      new Option('--json', "the guide's dashboard API shape, each metric with its history").conflicts(
        'ndjson',
      ),
    )
    .option('--ndjson', 'one JSON object per sample')
    .addOption(widthOption())
    .addOption(wideOption())
    .addOption(colorOption())
    .addOption(quietOption())
    .addOption(noColorOption())
    .addHelpText('after', reflowed(SHOW_HELP));
}
