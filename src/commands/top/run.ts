import type { Command } from 'commander';
import { configFor } from '../../core/config.js';
import { UsageError } from '../../core/errors.js';
import { parseDuration } from '../../core/duration.js';
import { compileSmsEvents } from '../../operators/smsEventKind.js';
import { TopState } from '../../operators/topState.js';
import { renderTop, type ScreenSize } from '../../sinks/topScreen.js';
import type { TopCommandOptions } from './options.js';
import { selectedConfig, skippedSources } from '../../metrics/collectOptions.js';
import { collectTopSample, type TopCollectOptions } from '../../metrics/topSample.js';
import { openTopFromRedis, type TopSource } from '../../metrics/topFromRedis.js';
import { healthProbe } from '../../health/healthProbe.js';
import { logPlaceFor } from '../shared/logPlace.js';
import type { LogPlace } from '../../sources/logPlace.js';
import { colourWanted } from '../shared/colour.js';

const ENTER = '\x1b[?1049h\x1b[?25l'; // alternate screen, cursor hidden
const LEAVE = '\x1b[?25h\x1b[?1049l';
const CTRL_C = '\x03';

export async function runTop(options: TopCommandOptions, command: Command): Promise<number> {
  const { stdin, stdout } = process;
  if (!stdout.isTTY || !stdin.isTTY)
    throw new UsageError(
      'smsmon top needs a terminal; in scripts use `smsmon metrics show` or `smsmon metrics collect --json`',
    );
  const intervalMs = parseDuration('--interval', options.interval, { timer: true });
  const { config } = await configFor(command);
  const color = colourWanted(options, stdout);
  const state = new TopState();
  const source: TopSource = options.fromRedis
    ? await openTopFromRedis(config, options, state)
    : localSource(await localOptions(options, config, await logPlaceFor(command, options)), state);
  const subtitle = options.fromRedis
    ? options.fleet
      ? 'fleet, from Redis'
      : 'from Redis'
    : `every ${options.interval}`;
  try {
    return await showUntilQuit(source.refresh, state, intervalMs, color, subtitle);
  } finally {
    await source.close();
  }
}

/** The screen: drawn now and after each refresh, until q, Ctrl-C, SIGINT or SIGTERM. */
function showUntilQuit(
  refresh: () => Promise<void>,
  state: TopState,
  intervalMs: number,
  color: boolean,
  subtitle: string,
): Promise<number> {
  const { stdin, stdout } = process;
  return new Promise<number>((resolve) => {
    let timer: NodeJS.Timeout | null = null;
    let stopped = false;
    const draw = (): void => {
      if (stopped) return;
      const size = screenSize();
      state.keepFor(size.columns);
      const lines = renderTop(state, size, color, subtitle);
      stdout.write('\x1b[H' + lines.join('\x1b[K\n') + '\x1b[K\x1b[J');
    };
    const tick = async (): Promise<void> => {
      try {
        await refresh();
      } catch (error) {
        state.problem = error instanceof Error ? error.message : String(error);
      }
      draw();
      if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
    };
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      restore();
      resolve(0);
    };
    const restore = (): void => {
      stdout.write(LEAVE);
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      stdout.off('resize', draw);
      process.off('SIGINT', stop).off('SIGTERM', stop).off('exit', restore);
    };
    stdout.write(ENTER);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', (data: Buffer) => {
      const key = data.toString('utf8');
      if (key === 'q' || key === 'Q' || key === CTRL_C) stop();
    });
    stdout.on('resize', draw);
    process.on('SIGINT', stop).on('SIGTERM', stop).on('exit', restore);
    draw();
    void tick();
  });
}

/** Some terminals report 0 columns (see ora's endless loop): fall back to 80×24 then. */
function screenSize(): ScreenSize {
  const { columns, rows } = process.stdout;
  return { columns: columns > 0 ? columns : 80, rows: rows > 0 ? rows : 24 };
}

async function localOptions(
  options: TopCommandOptions,
  config: Awaited<ReturnType<typeof configFor>>['config'],
  place: LogPlace,
): Promise<TopCollectOptions> {
  const selected = selectedConfig(config, options);
  const merged = { ...selected, health: { ...selected.health, url: options.healthUrl ?? config.health.url } };
  return {
    config: merged,
    skip: skippedSources(options),
    place,
    sampleMs: 250,
    smsEvents: compileSmsEvents(config.sms.events),
    probeHealth: options.health ? await healthProbe(merged) : undefined,
  };
}

function localSource(options: TopCollectOptions, state: TopState): TopSource {
  let previous: number | null = null;
  const refresh = async (): Promise<void> => {
    const sample = await collectTopSample(options, previous);
    previous = sample.snapshot.timestamp;
    state.problem = null;
    state.push(sample);
  };
  return { refresh, close: async () => undefined };
}
