import type { Command } from 'commander';
import { configFor } from '../../core/config.js';
import { HEALTH_EXIT_CODES, type HealthCheckResult } from '../../core/health.js';
import { healthJson, healthNdjson, healthText, watchLine } from '../../health/healthReport.js';
import { Output } from '../../sinks/output.js';
import { overran, timedHealthCheck, type HealthCheckOptions } from '../../health/healthCheck.js';
import type { HealthCommandOptions } from './options.js';
import { healthSettingsFrom, type HealthSettings } from './settings.js';
import { healthRecorder, type HealthRecorder } from '../../health/healthRecorder.js';
import { watchHealth } from '../../health/healthWatch.js';
import { writeNotice } from '../../sinks/notice.js';
import { colourWanted } from '../shared/colour.js';
import { resultStream } from '../shared/quiet.js';
import { tableWidthOf } from '../shared/tableWidth.js';
import { whileWaiting } from '../../sinks/spinner.js';
import { waitSpinnerWanted } from '../../sinks/liveStatus.js';
import { redactHealthUrl } from '../../health/healthCheck.js';

export async function runHealth(
  url: string | undefined,
  options: HealthCommandOptions,
  command: Command,
): Promise<number> {
  const { config } = await configFor(command);
  const settings = healthSettingsFrom(config, url, options);
  const recorder = options.record ? healthRecorder(config, options) : undefined;
  try {
    return settings.watchMs === undefined
      ? await checkOnce(settings, options, recorder)
      : await watch(settings, settings.watchMs, options, recorder);
  } finally {
    await recorder?.close();
  }
}

async function checkOnce(
  settings: HealthSettings,
  options: HealthCommandOptions,
  recorder: HealthRecorder | undefined,
): Promise<number> {
  const color = colourWanted(options);
  const { result, text } = await whileWaiting(
    `checking ${redactHealthUrl(settings.check.url)}`,
    waitSpinnerWanted(options),
    renderedCheck(settings.check, (r) =>
      options.json ? healthJson(r) : healthText(r, color, settings.check, tableWidthOf(options)),
    ),
  );
  const output = new Output(resultStream(options));
  output.write(text);
  await output.flush();
  if (recorder) await report(recorder, result, true);
  return HEALTH_EXIT_CODES[result.state];
}

/** Until SIGINT/SIGTERM; the exit code is the last completed check's state (UNKNOWN if none). */
async function watch(
  settings: HealthSettings,
  intervalMs: number,
  options: HealthCommandOptions,
  recorder: HealthRecorder | undefined,
): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const output = new Output(resultStream(options));
  let rendered = '';
  try {
    const last = await watchHealth({
      intervalMs,
      signal: stop.signal,
      check: async (signal) => {
        const { result, text } = await renderedCheck({ ...settings.check, signal }, (r) =>
          options.json ? healthNdjson(r) : watchLine(r),
        );
        rendered = text;
        return result;
      },
      onCheck: recorder ? (result) => report(recorder, result, false) : undefined,
      onChange: async () => {
        output.write(rendered);
        await output.flush();
        if (output.closed) stop.abort(); // | head: nobody reads any more
      },
    });
    return last ? HEALTH_EXIT_CODES[last.state] : HEALTH_EXIT_CODES.unknown;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}

/**
 * One check and its output, both within the answering attempt's --timeout: output that took longer
 * is replaced by UNKNOWN "check exceeded --timeout" (small, so it prints at once).
 */
async function renderedCheck(
  check: HealthCheckOptions,
  render: (result: HealthCheckResult) => string,
): Promise<{ result: HealthCheckResult; text: string }> {
  const { result, deadline } = await timedHealthCheck(check);
  const text = render(result);
  if (performance.now() <= deadline) return { result, text };
  const late = overran(result, check.timeoutMs);
  return { result: late, text: render(late) };
}

/** What --record did, on stderr: each store once, failures always (the exit code stays the check's). */
async function report(recorder: HealthRecorder, result: HealthCheckResult, always: boolean): Promise<void> {
  const { stored, line } = await recorder.record(result);
  if (always || !stored) writeNotice(line);
}
