// The table of recorded cases: every log command, mode and output format, per corpus, plus the
// corpus-independent ones (help texts, usage errors, config). A case is plain data:
// { args, env?, stdin?, cwd?, textfile? }; paths under the corpora root are normalised on record.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The corpora and the pinned clock each is read with. `window` is an ISO range inside the corpus;
 * `recent` a relative --since that selects part of it at `now`. The large corpus is only dumped
 * whole twice; its other record listings are windowed, to keep the run short.
 */
export const CORPORA = {
  fixtures: {
    now: '2024-01-20T00:05:00Z',
    window: ['2024-01-20T00:02:00', '2024-01-20T00:03:00'],
    recent: '2m',
  },
  e2e: { now: '2024-01-20T12:30:00Z', window: ['2024-01-20T09:00:00', '2024-01-20T12:00:00'], recent: '1h' },
  generated: {
    now: '2024-01-19T01:30:00Z',
    window: ['2024-01-19T00:00:00', '2024-01-19T00:10:00'],
    recent: '90m',
    large: true,
  },
  django: { now: djangoNow, window: oldestWindow, recent: '10m', tz: 'America/New_York' },
};

/** Five minutes after the Django traffic was recorded (its corpus.json), so "the last hour" holds it. */
function djangoNow(dir) {
  const { recordedAt } = JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8'));
  return new Date(Date.parse(recordedAt) + 5 * 60_000).toISOString().replace('.000Z', 'Z');
}

/** The first 300 ms of the oldest uncompressed app file: the Django traffic lasts about a second. */
function oldestWindow(dir) {
  const rotated = readdirSync(dir).filter((f) => /^app\.log\.\d+$/.test(f));
  const oldest = rotated.sort((a, b) => Number(b.split('.')[2]) - Number(a.split('.')[2]))[0] ?? 'app.log';
  const first = /^[A-Z]+ (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d),(\d{3}) /m.exec(
    readFileSync(join(dir, oldest), 'latin1'),
  );
  const start = Date.parse(`${first[1]}T${first[2]}.${first[3]}Z`);
  return [start, start + 300].map((ms) => new Date(ms).toISOString().slice(0, 23));
}

/** The pid of the first record of app.log: a --pid filter that matches. */
function firstPid(dir) {
  const match = /^[A-Z]+ \S+ \S+ \S+ (\d+) /m.exec(readFileSync(join(dir, 'app.log'), 'latin1'));
  return match ? match[1] : '1';
}

const cross = (selections, formats) => selections.flatMap((s) => formats.map((f) => [...s, ...f]));

const SEARCH_FORMATS = [
  [],
  ['--json'],
  ['--ndjson'],
  ['--raw'],
  ['--fields', 'time,level,module,message'],
  ['--fields', 'time,pid,message', '--ndjson'],
  ['--fields', 'level,module,exc_text', '--json'],
  ['-q'],
];
const TABLE_FORMATS = [[], ['--json'], ['--ndjson'], ['--csv'], ['-q']];
const ERROR_KEYS = ['type', 'template', 'module', 'level', 'hour', 'day', 'pid', 'type,hour', 'module,level'];
const LATENCY_MODES = [
  [],
  ['--by', 'module'],
  ['--by', 'hour'],
  ['--by', 'path'],
  ['--histogram'],
  ['--slowest', '5'],
  ['--histogram', '--slowest', '3', '--by', 'module'],
  ['--exact'],
  ['--percentiles', '50,75,99.99'],
  ['--exact', '--percentiles', '1,50,100', '--by', 'module'],
];

function logCases(c) {
  const win = ['--since', c.window[0], '--until', c.window[1]];
  // On the large corpus a listing of every record is too long to keep: window all but two.
  const timed = (sel) => sel.includes('--since') || sel.includes('--until');
  const listed = (sel) => (c.large && !timed(sel) ? [...sel, ...win] : sel);
  const selections = [
    [],
    ['errors'],
    ['sms'],
    ['app', 'sms'],
    ['--level', 'ERROR'],
    ['--level', 'WARNING+'],
    ['errors', '--level', 'ERROR,CRITICAL'],
    ['-m', 'views'],
    ['-m', 'views,tasks', '--level', 'INFO'],
    ['-g', 'RateLimit|[Tt]wilio'],
    ['-g', 'TWILIO', '-i'],
    ['--pid', c.pid],
    win,
    ['--since', c.recent],
    ['--until', c.recent],
    ['sms', '-g', 'from \\+1555'],
  ];
  const search = [
    ...cross(selections.slice(0, 5).map(listed), SEARCH_FORMATS),
    ...cross(selections.slice(5).map(listed), [[], ['--ndjson']]),
    ...(c.large ? [['--ndjson'], ['app', 'errors', 'sms', '--raw']] : []),
  ].map((a) => ['logs', 'search', ...a]);
  const tail = [
    ...SEARCH_FORMATS,
    ...cross(
      [
        ['-n', '1'],
        ['-n', '50'],
        ['-n', '2000'],
        ['errors', '-n', '5'],
        ['sms', '-n', '5'],
        ['app', 'sms', '-n', '20'],
        ['--level', 'ERROR', '-n', '20'],
        ['-g', 'Traceback|Error', '-n', '5'],
        ['--pid', c.pid, '-n', '5'],
        ['--since', c.recent, '-n', '5'],
        ['--until', c.recent, '-n', '5'],
        ['-m', 'views', '-n', '5'],
      ],
      [[], ['--ndjson']],
    ),
  ].map((a) => ['logs', 'tail', ...a]);
  const errors = [
    ...cross(
      ERROR_KEYS.map((k) => ['--by', k]),
      [[], ['--csv']],
    ),
    ...cross([[], ['--by', 'type,hour', '--top', '3'], ['--compare', c.recent]], TABLE_FORMATS),
    ['--qualified'],
    ['--qualified', '--by', 'type,module', '--json'],
    ['--top', '5'],
    ['--compare', '1d'],
    ['app', '--level', 'WARNING+'],
    ['app'],
    ['sms'],
    ['app', 'errors'],
    ['-g', 'RateLimit', '--by', 'template'],
    ['-m', 'tasks'],
    ['--pid', c.pid],
    [...win, '--by', 'type,hour'],
    ['--fail-over', '0'],
    ['--fail-over', '100000000', '-q'],
    ['--fail-on', 'RateLimitError', '-q'],
    ['--fail-on', 'NoSuchError'],
    ...cross(
      [
        ['--threads', '1'],
        ['--threads', '2'],
        ['--threads', '2', '--by', 'template,hour'],
      ],
      [[], ['--json']],
    ),
  ].map((a) => ['errors', 'count', ...a]);
  const latency = [
    ...cross(LATENCY_MODES, [[], ['--json']]),
    // --histogram and --slowest are refused with --ndjson and --csv (a usage case of its own).
    ...cross(
      LATENCY_MODES.filter((m) => !m.includes('--histogram') && !m.includes('--slowest')),
      [['--ndjson'], ['--csv']],
    ),
    ['-q'],
    ['-q', '--slowest', '2'],
    ['--pattern', 'in (?<value>[\\d.]+)s', '-m', 'ai_service'],
    ['--pattern', 'in (?<value>[\\d.]+)(?<unit>ms|s)\\b', '--by', 'module'],
    ['--pattern', 'after (?<value>[\\d.]+)s', '--unit', 'ms', '--exact', '--json'],
    ['--field', 'processing_time', 'sms'],
    ['--fail-over', 'p95=1ms'],
    ['--fail-over', 'p99=60s', '--fail-over', 'max=120s'],
    ['-q', '--fail-over', 'p50=1us'],
    ['--threads', '2'],
    ['--threads', '2', '--json', '--exact'],
    ['--threads', '2', '--by', 'module', '--csv'],
    [...win, '--by', 'path'],
    ['--since', c.recent, '--json'],
    ['--level', 'WARNING+'],
    ['-g', 'webhook'],
    ['sms'],
    ['app', 'sms', '--by', 'module'],
  ].map((a) => ['latency', ...a]);
  const textfile = [
    [],
    ['--error-types', '3', '--categories', '2'],
    ['--category-pattern', 'category[=:] ?(?<category>\\w+)'],
  ];
  const exporter = textfile.map((a) => ({ args: ['exporter', '--no-system', ...a], textfile: true }));
  exporter.push({ args: ['exporter', '--no-system', '--textfile', '/proc/smsmon-outputs/x.prom'] });
  const snapshot = ['--no-system', '--no-database', '--host', 'smsmon-outputs'];
  const metrics = [[], ['--json'], ['--ndjson'], ['-q']].map((a) => [
    'metrics',
    'collect',
    ...snapshot,
    ...a,
  ]);
  const alerts = [[], ['--json'], ['-q']].map((a) => ['alerts', 'check', ...snapshot, '--no-health', ...a]);
  const tz = c.tz ? ['--tz', c.tz] : [];
  const withDir = [...search, ...tail, ...errors, ...latency, ...metrics, ...alerts].map((args) => ({
    args: [...args, '--dir', c.dir, ...tz],
  }));
  for (const e of exporter) e.args.push('--dir', c.dir, ...tz);
  return [...withDir, ...exporter, ...resolutionCases(c, tz), ...terminalCases(c, tz, listed)];
}

/** On a terminal (a pty through script(1)): colours on, stdout and stderr in one stream. */
function terminalCases(c, tz, listed) {
  const snapshot = ['--no-system', '--no-database', '--host', 'smsmon-outputs'];
  return [
    ['logs', 'search', ...listed(['--level', 'WARNING+'])],
    ['logs', 'search', ...listed(['--level', 'ERROR', '--no-color'])],
    ['logs', 'tail', '-n', '5'],
    ['errors', 'count'],
    ['errors', 'count', '--no-color'],
    ['errors', 'count', '--by', 'type,hour', '--top', '3'],
    ['latency', '--histogram', '--slowest', '3'],
    ['latency', '--by', 'module', '--no-color'],
    ['metrics', 'collect', ...snapshot],
    ['metrics', 'collect', ...snapshot, '--no-color'],
    ['alerts', 'check', ...snapshot, '--no-health'],
    ['alerts', 'check', ...snapshot, '--no-health', '--no-color'],
  ]
    .map((args) => ({ args: [...args, '--dir', c.dir, ...tz], tty: true }))
    .concat({ args: ['errors', 'count', '--dir', c.dir, ...tz], tty: true, env: { NO_COLOR: '1' } });
}

/** The log directory and zone from cwd and the environment, stdin, and other input formats. */
function resolutionCases(c, tz) {
  const family = (name) => join(c.dir, name);
  return [
    { args: ['logs', 'tail', '-n', '3', ...tz], cwd: c.dir },
    { args: ['errors', 'count', ...tz], env: { SMSMON_LOG_DIR: c.dir } },
    { args: ['latency', '--by', 'hour', '--dir', c.dir], env: { SMSMON_TZ: c.tz ?? 'America/New_York' } },
    { args: ['logs', 'search', '--tz', '-05:00', '--ndjson', '--since', c.recent, '--dir', c.dir] },
    { args: ['logs', 'search', '-', '--level', 'WARNING+', ...tz], stdin: family('app.log') },
    { args: ['logs', 'tail', '-', '-n', '4', '--raw', ...tz], stdin: family('errors.log') },
    { args: ['errors', 'count', '-', '--by', 'template', ...tz], stdin: family('errors.log') },
    { args: ['latency', '-', '--json', ...tz], stdin: family('app.log') },
    { args: ['logs', 'search', family('sms.log'), family('errors.log'), '--ndjson', ...tz] },
    { args: ['logs', 'tail', '-n', '3', '--format', '%(levelname)s %(message)s', '--dir', c.dir, ...tz] },
    { args: ['errors', 'count', '--format', '%(asctime)s %(message)s', '--dir', c.dir, ...tz] },
  ];
}

/** Every case of one corpus directory. */
export function corpusCases(name, dir) {
  const spec = CORPORA[name];
  const now = typeof spec.now === 'function' ? spec.now(dir) : spec.now;
  const window = typeof spec.window === 'function' ? spec.window(dir) : spec.window;
  return { now, cases: logCases({ ...spec, window, dir, pid: firstPid(dir) }) };
}

const HELP = [
  [],
  ['logs'],
  ['logs', 'search'],
  ['logs', 'tail'],
  ['errors'],
  ['errors', 'count'],
  ['latency'],
  ['metrics'],
  ['metrics', 'collect'],
  ['metrics', 'snapshot'],
  ['metrics', 'show'],
  ['metrics', 'migrate'],
  ['health'],
  ['alerts'],
  ['alerts', 'check'],
  ['alerts', 'test'],
  ['exporter'],
  ['top'],
  ['doctor'],
  ['config'],
  ['config', 'show'],
  ['config', 'schema'],
];

/** Help texts, usage errors and config, run in an empty directory. */
export function globalCases(emptyDir) {
  const missing = join(emptyDir, 'no-such-dir');
  return [
    ...HELP.map((a) => [...a, '--help']),
    ['--version'],
    ['help', 'errors'],
    [],
    ['nosuchcommand'],
    ['logs', 'serach'],
    ['logs', 'search', '--nosuchoption'],
    ['logs', 'search', '--level', 'LOUD'],
    ['logs', 'search', '--since', 'yesterday-ish'],
    ['logs', 'search', '--tz', 'Mars/Olympus'],
    ['logs', 'search', '-g', '(unclosed'],
    ['logs', 'search', '--json', '--ndjson'],
    ['logs', 'search', '--fields', 'time,nosuchfield'],
    ['logs', 'search', 'nosuchfamily'],
    ['logs', 'search', '--dir', missing],
    ['logs', 'search'],
    ['logs', 'tail', '-n', 'ten'],
    ['logs', 'tail', '-n', '-3'],
    ['errors', 'count', '--by', 'colour'],
    ['errors', 'count', '--top', '0'],
    ['errors', 'count', '--compare', 'soon'],
    ['errors', 'count', '--threads', '0'],
    ['errors', 'count', '--dir', missing],
    ['latency', '--percentiles', '50,101'],
    ['latency', '--unit', 'hours'],
    ['latency', '--fail-over', 'p95'],
    ['latency', '--pattern', 'no group'],
    ['latency', '--slowest', 'x'],
    ['latency', '--histogram', '--csv'],
    ['latency', '--slowest', '2', '--ndjson'],
    ['latency', '--fail-over', 'p99=1h'],
    ['latency', '--dir', missing],
    ['exporter', '--textfile', join(emptyDir, 'x.prom'), '--dir', missing, '--no-system'],
    ['metrics', 'collect', '--no-system', '--no-database', '--no-logs'],
    ['config', 'show'],
    ['config', 'schema'],
    ['--config', join(emptyDir, 'missing.json'), 'config', 'show'],
  ].map((args) => ({ args, cwd: emptyDir }));
}
