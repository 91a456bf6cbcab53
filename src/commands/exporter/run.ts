import { join } from 'node:path';
import type { Command } from 'commander';
import { configFor } from '../../core/config.js';
import { describeFsError, ExitCode, SmsmonError, SourceError, UsageError } from '../../core/errors.js';
import { FAMILIES, FAMILY_NAMES } from '../../core/families.js';
import { LogMetrics } from '../../operators/logMetrics.js';
import { PromRegistry } from '../../operators/promRegistry.js';
import { followRecords } from '../../scan/readers/followRecords.js';
import { formatFor } from '../../parsers/formats.js';
import { recordsOfInput } from '../../scan/readers/inputRecords.js';
import { startMetricsServer, type MetricsServer } from '../../exporter/metricsServer.js';
import { promText } from '../../sinks/promText.js';
import { escapeToOneLine } from '../../sinks/safeText.js';
import { unreadableLines } from '../../sinks/scanSummary.js';
import type { SourceProblem } from '../../core/sourceProblem.js';
import { writeFileAtomic } from '../../exporter/textfile.js';
import { followStart } from '../../sources/followStart.js';
import { resolveInputs } from '../../sources/resolveInputs.js';
import type { ExporterCommandOptions } from './options.js';
import { every, figureRefresher } from '../../exporter/figureRefresher.js';
import { healthProbeFor } from '../../exporter/exporterHealth.js';
import { exporterSettings, type ExporterSettings } from './settings.js';
import { skewLine } from '../../scan/zoneWarning.js';
import { logPlaceFor } from '../shared/logPlace.js';
import { requireLogDir } from '../../sources/logDir.js';

export async function runExporter(options: ExporterCommandOptions, command: Command): Promise<number> {
  const { config } = await configFor(command);
  const settings = exporterSettings(options, config, await logPlaceFor(command, options));
  await requireLogDir(settings.dir);
  await warnOfSkew(settings);
  const registry = new PromRegistry();
  // Notices name error types and other text from the logs: escaped, never raw on a terminal.
  const complain = (message: string): boolean =>
    process.stderr.write(`smsmon: ${escapeToOneLine(message)}\n`);
  const logs = new LogMetrics(registry, FAMILY_NAMES, { ...settings.logMetrics, onNotice: complain });
  const refresh = figureRefresher(registry, settings, healthProbeFor(config), complain);
  if (settings.textfile !== undefined) {
    const [unreadable] = await Promise.all([readOnce(settings, logs), refresh()]);
    await writeFileAtomic(settings.textfile, promText(registry.collect())).catch((error: unknown) => {
      throw new SourceError(`cannot write ${settings.textfile}: ${describeFsError(error)}`);
    });
    for (const line of unreadableLines(unreadable)) process.stderr.write(line + '\n');
    return unreadable.length > 0 ? ExitCode.SourceUnreadable : ExitCode.Ok;
  }
  await serve(settings, registry, logs, refresh);
  return ExitCode.Ok;
}

/** The lag and the error window are off by hours when the zone is: said once, at the start. */
async function warnOfSkew(settings: ExporterSettings): Promise<void> {
  const inputs = await resolveInputs(FAMILY_NAMES, { dir: settings.dir, allowMissing: true });
  const line = await skewLine({ inputs, wallClock: settings.wallClock });
  if (line) process.stderr.write(line + '\n');
}

/**
 * --textfile: every file of every family, rotated ones included, oldest first, once. Returns the
 * files that could not be read whole: the metrics of the others are still written.
 */
async function readOnce(settings: ExporterSettings, logs: LogMetrics): Promise<SourceProblem[]> {
  const inputs = await resolveInputs(FAMILY_NAMES, { dir: settings.dir, allowMissing: true });
  const unreadable: SourceProblem[] = [];
  const onProblem = (problem: SourceProblem): void => void unreadable.push(problem);
  for (const input of inputs)
    for await (const batch of recordsOfInput(input, { wallClock: settings.wallClock, onProblem }))
      for (const record of batch) logs.push(input.label, record);
  return unreadable;
}

/** Follows every family and serves /metrics until SIGINT or SIGTERM. */
async function serve(
  settings: ExporterSettings,
  registry: PromRegistry,
  logs: LogMetrics,
  refresh: () => Promise<void>,
): Promise<void> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let server: MetricsServer | null = null;
  let stopRefreshing: (() => Promise<void>) | null = null;
  const followers: Array<Promise<void>> = [];
  try {
    // Start positions are taken before the address is printed: whatever is written after that line counts.
    const paths = FAMILY_NAMES.map((family) => join(settings.dir.path, FAMILIES[family]!.fileName));
    const starts = await Promise.all(
      paths.map((path) =>
        followStart(path, settings.fromStart).catch((error: unknown) => {
          throw cannotFollow(path, error);
        }),
      ),
    );
    FAMILY_NAMES.forEach((family, i) => {
      const path = paths[i]!;
      const records = followRecords(path, formatFor(FAMILIES[family]!.format), settings.wallClock, {
        ...starts[i],
        signal: controller.signal,
      });
      const follow = async (): Promise<void> => {
        for await (const batch of records) for (const record of batch) logs.push(family, record);
      };
      const following = follow().catch((error: unknown) => {
        controller.abort();
        throw cannotFollow(path, error);
      });
      following.catch(() => {}); // seen by Promise.all below; not unhandled while the server starts
      followers.push(following);
    });
    if (controller.signal.aborted) {
      await Promise.all(followers); // SIGINT/SIGTERM while the files were opened
      return;
    }
    server = await startMetricsServer({
      ...settings.listen,
      render: () => promText(registry.collect()),
    }).catch((error: unknown) => {
      const where = `${settings.listen.host ?? '*'}:${settings.listen.port}`;
      throw new UsageError(`cannot listen on ${where}: ${listenError(error)}`, 'choose another --listen');
    });
    process.stderr.write(`smsmon: exporter listening on ${server.url}\n`);
    stopRefreshing = every(settings.intervalMs, refresh);
    await Promise.all(followers);
  } catch (error) {
    controller.abort();
    await Promise.allSettled(followers);
    throw error instanceof SmsmonError ? error : new SourceError(describeFsError(error));
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await stopRefreshing?.();
    await server?.close();
  }
}

function listenError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return 'address already in use';
  if (code === 'EADDRNOTAVAIL') return 'address not available on this machine';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** A follower's error as one line: a FIFO or device says so itself. */
const cannotFollow = (path: string, error: unknown): SmsmonError =>
  error instanceof SmsmonError ? error : new SourceError(`cannot follow ${path}: ${describeFsError(error)}`);
