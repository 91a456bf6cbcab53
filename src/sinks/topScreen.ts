import { Chalk } from 'chalk';

/** Colour is decided by the caller (a terminal without NO_COLOR), not by chalk's own detection. */
const chalk = new Chalk({ level: 1 });
import { mostlyUnclassified, unclassifiedText } from '../operators/smsEventKind.js';
import { smsCountsText, type SmsEventCounts } from '../operators/smsEventTally.js';
import type { MetricsSnapshot } from '../core/snapshot.js';
import type { ErrorTypeCount, TopState } from '../operators/topState.js';
import { humanDuration } from './humanDuration.js';
import { metricValueText } from './metricValue.js';
import { escapeToOneLine } from './safeText.js';
import { cardPanel, chartPanel, fit } from './topPanels.js';
import { planTop } from './topLayout.js';

export interface ScreenSize {
  columns: number;
  rows: number;
}

/**
 * The whole `smsmon top` screen as exactly `rows` lines of at most `columns` characters (ANSI
 * colour aside): header, CPU, memory and requests charts as wide as the screen, the cards, SMS
 * events, error types and service health; planTop shares the rows out, the charts grow into what
 * is left. Pure, so it is tested at any size without a terminal.
 */
export function renderTop(state: TopState, size: ScreenSize, color: boolean, subtitle: string): string[] {
  const width = Math.max(1, Math.floor(size.columns));
  const paint = (fn: (t: string) => string, text: string) => (color ? fn(text) : text);
  const lines: string[] = [];
  const sample = state.latest;
  const when = sample ? new Date(sample.snapshot.timestamp).toISOString().slice(11, 19) + 'Z' : '--:--:--';
  const host = escapeToOneLine(sample?.snapshot.host ?? '…');
  lines.push(paint(chalk.bold, fit(`smsmon top · ${host} · ${when} · ${subtitle}`, width)));
  lines.push(
    state.problem
      ? paint(chalk.red, fit(`refresh failed: ${escapeToOneLine(state.problem)}`, width))
      : paint(chalk.dim, fit(state.note ? `q quit · ${escapeToOneLine(state.note)}` : 'q quit', width)),
  );
  if (!sample) {
    lines.push('', 'collecting…');
    return pad(lines, size.rows);
  }
  const m = sample.snapshot.metrics;
  const cards = cardsOf(m);
  const sms = smsLines(sample.sms, width);
  const services = sample.health?.services ?? [];
  const failures = sample.snapshot.failures;
  const layout = planTop({
    rows: size.rows,
    cardLines: cardPanel(cards, width, false).length,
    compactCardLines: cardPanel(cards, width, true).length,
    smsLines: sms.length,
    errorTypes: sample.errorTypes.length,
    services: services.length,
    failures: failures.length,
  });
  let gaps = layout.gaps;
  const gap = (): void => {
    if (gaps-- > 0) lines.push('');
  };
  const [cpuRows, memoryRows, requestRows] = layout.chartHeights;
  gap();
  lines.push(...chartPanel('CPU', cell(m.cpu_percent, 'cpu_percent'), state.cpu, width, cpuRows));
  lines.push(
    ...chartPanel('Memory', cell(m.memory_percent, 'memory_percent'), state.memory, width, memoryRows),
  );
  // Requests are counts: bars from zero, so a quiet refresh reads as low, not as average.
  const most = Math.max(1, ...state.requests.filter(Number.isFinite));
  const requests = String(sample.requests ?? '-');
  lines.push(...chartPanel('Reqs', requests, state.requests, width, requestRows, { low: 0, high: most }));
  gap();
  lines.push(...cardPanel(cards, width, layout.compactCards));
  gap();
  lines.push(paint(chalk.bold, fit('SMS (last hour)', width)));
  lines.push(...sms.slice(0, layout.smsRows).map((line, i) => (i > 0 ? paint(chalk.yellow, line) : line)));
  gap();
  lines.push(paint(chalk.bold, fit('Errors (last hour)', width)));
  lines.push(...errorLines(sample.errorTypes, layout.errorRows, width));
  gap();
  lines.push(paint(chalk.bold, fit('Health', width)));
  const health = sample.health;
  if (!health) lines.push(fit('  not checked', width));
  else {
    const label = fit(`  ${health.state.toUpperCase()}`, width);
    const reason = fit(`  ${escapeToOneLine(health.reason)}`, width - [...label].length);
    lines.push(paint(health.state === 'ok' ? chalk.green : chalk.red, label) + reason);
  }
  for (const s of services.slice(0, layout.serviceRows))
    lines.push(
      fit(
        `  ${escapeToOneLine(s.name).padEnd(10)} ${escapeToOneLine(s.status).padEnd(10)} ${s.responseTime === null ? '' : humanDuration(s.responseTime)}`,
        width,
      ),
    );
  for (const failure of failures.slice(0, layout.failureRows))
    lines.push(
      paint(chalk.yellow, fit(`${failure.source} failed: ${escapeToOneLine(failure.message)}`, width)),
    );
  return pad(lines, size.rows);
}

function cardsOf(m: MetricsSnapshot['metrics']): Array<[string, string]> {
  const tasks = m.tasks_last_hour;
  const success = tasks ? ((m.successful_tasks_last_hour ?? 0) / tasks) * 100 : undefined;
  return [
    ['active users', cell(m.active_users_last_hour, 'active_users_last_hour')],
    ['tasks (1 h)', cell(tasks, 'tasks_last_hour')],
    ['success', success === undefined ? '-' : `${success.toFixed(1)} %`],
    ['avg response', m.avg_processing_time === undefined ? '-' : humanDuration(m.avg_processing_time)],
    ['p95 response', m.processing_time_p95 === undefined ? '-' : humanDuration(m.processing_time_p95)],
    ['error rate', cell(m.error_rate, 'error_rate')],
  ];
}

/** The most frequent types in `rows` lines; when they do not all fit, the last line counts the rest. */
function errorLines(types: readonly ErrorTypeCount[], rows: number, width: number): string[] {
  if (types.length === 0) return [fit('  none', width)];
  const shown = types.length <= rows || rows < 2 ? types.slice(0, rows) : types.slice(0, rows - 1);
  const lines = shown.map(({ type, count }) =>
    fit(`  ${String(count).padStart(6)}  ${escapeToOneLine(type)}`, width),
  );
  const more = types.length - shown.length;
  if (rows >= 2 && more > 0) lines.push(fit(`  … ${more} more error types`, width));
  return lines;
}

/** Events by count, and a warning line when most records match no sms.events pattern. */
function smsLines(sms: SmsEventCounts | null, width: number): string[] {
  if (!sms) return [fit('  not read', width)];
  const lines = [fit(`  ${smsCountsText(sms.counts)}`, width)];
  if (mostlyUnclassified(sms.records, sms.other))
    lines.push(fit(`  ${unclassifiedText(sms.records, sms.other)}: see smsmon doctor`, width));
  return lines;
}

function cell(value: number | undefined, name: string): string {
  return value === undefined ? '-' : metricValueText(name, value);
}

function pad(lines: string[], rows: number): string[] {
  const out = lines.slice(0, Math.max(1, rows));
  while (out.length < rows) out.push('');
  return out;
}
