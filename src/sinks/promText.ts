import type { FamilySnapshot } from '../operators/promRegistry.js';

/**
 * The Prometheus text exposition format, version 0.0.4, written by hand: HELP and TYPE, label
 * values escaped, histograms as cumulative `_bucket{le}` lines ending in +Inf, `_sum`, `_count`.
 * Families come sorted by name and series by labels (promRegistry), so two scrapes of the same
 * state are byte for byte the same.
 */
export const PROM_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export function promText(families: readonly FamilySnapshot[]): string {
  const out: string[] = [];
  for (const family of families) {
    out.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`);
    if (family.type === 'histogram') {
      for (const series of family.series) {
        const base = pairs(family.labelNames, series.labels);
        family.bounds.forEach((bound, i) => {
          out.push(
            `${family.name}_bucket${braces([...base, `le="${formatValue(bound)}"`])} ${series.buckets[i]}`,
          );
        });
        out.push(`${family.name}_bucket${braces([...base, 'le="+Inf"'])} ${series.count}`);
        out.push(`${family.name}_sum${braces(base)} ${formatValue(series.sum)}`);
        out.push(`${family.name}_count${braces(base)} ${series.count}`);
      }
    } else {
      for (const series of family.series)
        out.push(
          `${family.name}${braces(pairs(family.labelNames, series.labels))} ${formatValue(series.value)}`,
        );
    }
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/** Go's ParseFloat reads JS's shortest round-trip form (1e-7, 1.5e+21) and these three words. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/** Inside a label value: backslash, double quote and line feed are escaped. */
export function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** In HELP text only backslash and line feed are escaped. */
function escapeHelp(text: string): string {
  return text.replace(/[\\\n]/g, (c) => (c === '\n' ? '\\n' : '\\\\'));
}

function pairs(names: readonly string[], values: readonly string[]): string[] {
  return names.map((name, i) => `${name}="${escapeLabelValue(values[i]!)}"`);
}

function braces(pairs: readonly string[]): string {
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}
