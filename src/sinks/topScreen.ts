import { Chalk } from 'chalk';

/** Colour is decided by the caller (a terminal without NO_COLOR), not by chalk's own detection. */
const chalk = new Chalk({ level: 1 });
import { mostlyUnclassified, unclassifiedText } from '../operators/smsEventKind.js';
import { smsCountsText, type SmsEventCounts } from '../operators/smsEventTally.js';
import type { TopState } from '../operators/topState.js';
import { humanDuration } from './humanDuration.js';
import { metricValueText } from './metricValue.js';
import { escapeToOneLine } from './safeText.js';
import { sparkline } from './sparkline.js';

export interface ScreenSize {
  columns: number;
  rows: number;
}

const BARS = ' ▁▂▃▄▅▆▇█';

/**
 * The whole `smsmon top` screen as exactly `rows` lines of at most `columns` characters (ANSI
 * colour aside): header, CPU and memory sparklines, requests per refresh as bars, the cards,
 * SMS events, error types and service health. Pure, so it is tested at any size without a terminal.
 */
export function renderTop(state: TopState, size: ScreenSize, color: boolean, subtitle: string): string[] {
  const width = Math.max(20, size.columns);
  const paint = (fn: (t: string) => string, text: string) => (color ? fn(text) : text);
  const lines: string[] = [];
  const sample = state.latest;
  const when = sample ? new Date(sample.snapshot.timestamp).toISOString().slice(11, 19) + 'Z' : '--:--:--';
  lines.push(
    paint(
      chalk.bold,
      fit(`smsmon top · ${escapeToOneLine(sample?.snapshot.host ?? '…')} · ${when} · ${subtitle}`, width),
    ),
  );
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
  const sparkWidth = Math.max(10, width - 24);
  lines.push('');
  lines.push(
    fit(
      `CPU    ${cell(m.cpu_percent, 'cpu_percent').padStart(8)}  ${sparkline(state.cpu, sparkWidth)}`,
      width,
    ),
  );
  lines.push(
    fit(
      `Memory ${cell(m.memory_percent, 'memory_percent').padStart(8)}  ${sparkline(state.memory, sparkWidth)}`,
      width,
    ),
  );
  lines.push(
    fit(`Reqs   ${String(sample.requests ?? '-').padStart(8)}  ${bars(state.requests, sparkWidth)}`, width),
  );
  lines.push('');
  const tasks = m.tasks_last_hour;
  const success = tasks ? ((m.successful_tasks_last_hour ?? 0) / tasks) * 100 : undefined;
  const cards: Array<[string, string]> = [
    ['active users', cell(m.active_users_last_hour, 'active_users_last_hour')],
    ['tasks (1 h)', cell(tasks, 'tasks_last_hour')],
    ['success', success === undefined ? '-' : `${success.toFixed(1)} %`],
    ['avg response', m.avg_processing_time === undefined ? '-' : humanDuration(m.avg_processing_time)],
    ['p95 response', m.processing_time_p95 === undefined ? '-' : humanDuration(m.processing_time_p95)],
    ['error rate', cell(m.error_rate, 'error_rate')],
  ];
  lines.push(...cardLines(cards, width));
  lines.push('');
  lines.push(paint(chalk.bold, 'SMS (last hour)'));
  lines.push(...smsLines(sample.sms, width).map((line, i) => (i > 0 ? paint(chalk.yellow, line) : line)));
  lines.push('');
  lines.push(paint(chalk.bold, 'Errors (last hour)'));
  const errorRows = Math.max(
    1,
    Math.min(sample.errorTypes.length, size.rows - lines.length - 4 - serviceCount(state)),
  );
  if (sample.errorTypes.length === 0) lines.push('  none');
  for (const { type, count } of sample.errorTypes.slice(0, errorRows))
    lines.push(fit(`  ${String(count).padStart(6)}  ${escapeToOneLine(type)}`, width));
  lines.push('');
  lines.push(paint(chalk.bold, 'Health'));
  const health = sample.health;
  if (!health) lines.push('  not checked');
  else {
    const label = health.state.toUpperCase();
    const reason = fit(escapeToOneLine(health.reason), width - label.length - 4);
    lines.push(`  ${paint(health.state === 'ok' ? chalk.green : chalk.red, label)}  ${reason}`);
    for (const s of health.services)
      lines.push(
        fit(
          `  ${escapeToOneLine(s.name).padEnd(10)} ${escapeToOneLine(s.status).padEnd(10)} ${s.responseTime === null ? '' : humanDuration(s.responseTime)}`,
          width,
        ),
      );
  }
  for (const failure of sample.snapshot.failures)
    lines.push(
      paint(chalk.yellow, fit(`${failure.source} failed: ${escapeToOneLine(failure.message)}`, width)),
    );
  return pad(lines, size.rows);
}

/** Events by count, and a warning line when most records match no sms.events pattern. */
function smsLines(sms: SmsEventCounts | null, width: number): string[] {
  if (!sms) return ['  not read'];
  const lines = [fit(`  ${smsCountsText(sms.counts)}`, width)];
  if (mostlyUnclassified(sms.records, sms.other))
    lines.push(fit(`  ${unclassifiedText(sms.records, sms.other)}: see smsmon doctor`, width));
  return lines;
}

function serviceCount(state: TopState): number {
  return state.latest?.health?.services.length ?? 1;
}

function cell(value: number | undefined, name: string): string {
  return value === undefined ? '-' : metricValueText(name, value);
}

/** Cards side by side, as many per row as fit. */
function cardLines(cards: ReadonlyArray<[string, string]>, width: number): string[] {
  const cardWidth = 16;
  const perRow = Math.max(1, Math.floor(width / cardWidth));
  const out: string[] = [];
  for (let i = 0; i < cards.length; i += perRow) {
    const row = cards.slice(i, i + perRow);
    out.push(
      row
        .map(([label]) => label.padEnd(cardWidth))
        .join('')
        .trimEnd(),
    );
    out.push(
      row
        .map(([, value]) => value.padEnd(cardWidth))
        .join('')
        .trimEnd(),
    );
  }
  return out;
}

function bars(values: readonly number[], width: number): string {
  const shown = values.slice(-width);
  const most = Math.max(1, ...shown);
  return shown.map((v) => BARS[Math.round((v / most) * (BARS.length - 1))]).join('');
}

/** Cut to the width: applied to plain text, before any colour is painted around it. */
function fit(text: string, width: number): string {
  return [...text].slice(0, width).join('');
}

function pad(lines: string[], rows: number): string[] {
  const out = lines.slice(0, Math.max(1, rows));
  while (out.length < rows) out.push('');
  return out;
}
