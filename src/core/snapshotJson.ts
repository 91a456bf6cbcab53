import { jsonObjectOf } from './jsonObject.js';
import type { MetricsSnapshot, SourceFailure } from './snapshot.js';

const SOURCES = new Set(['system', 'database', 'logs']);

/** The snapshot a JSON text holds, or null if it is not one (wrong shape, non-numeric metric). */
export function snapshotFromJson(text: string): MetricsSnapshot | null {
  const value = jsonObjectOf(text);
  if (!value) return null;
  const { host, timestamp, metrics, details, failures, seriesOnly, sketches } = value;
  if (typeof host !== 'string' || host === '') return null;
  if (typeof timestamp !== 'number' || !Number.isFinite(timestamp) || timestamp < 0) return null;
  if (!isRecord(metrics) || !Object.values(metrics).every((v) => typeof v === 'number')) return null;
  if (!isRecord(details)) return null;
  if (!Array.isArray(failures) || !failures.every(isFailure)) return null;
  if (sketches !== undefined && !(isRecord(sketches) && Object.values(sketches).every(isString))) return null;
  return {
    host,
    timestamp,
    metrics: metrics as Record<string, number>,
    details,
    failures: failures as SourceFailure[],
    ...(seriesOnly === true ? { seriesOnly } : {}),
    ...(sketches ? { sketches: sketches as Record<string, string> } : {}),
  };
}

function isFailure(value: unknown): boolean {
  return isRecord(value) && SOURCES.has(value.source as string) && typeof value.message === 'string';
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
