// Reads the outputs bench/analytics.sh saved (one run per tool) and prints Markdown: results side by
// side with smsmon's, every mismatch marked ✗ rather than hidden.
//   node bench/analytics-check.mjs latency DIR   # DIR/lat-{sketch,exact,shell,lnav}.out
//   node bench/analytics-check.mjs errors DIR    # DIR/err-{smsmon,awk,elnav}.out
//   node bench/analytics-check.mjs key latency|errors FILE   # p95, or "top type (count)"
//   node bench/analytics-check.mjs goals CORPUS SUMMARY       # the issue's goals, met or not
import { readFileSync } from 'node:fs';

const STATS = ['count', 'p50', 'p90', 'p95', 'p99', 'p99.9', 'max'];
const read = (file) => readFileSync(file, 'utf8');

// smsmon --json, percentiles.awk's object or lnav's one-row array → { count, p50, …, max }.
function latency(file) {
  const doc = JSON.parse(read(file));
  const row = Array.isArray(doc) ? doc[0] : doc;
  return { ...(row.percentiles ?? {}), ...row };
}

// smsmon --json, `uniq -c | sort -rn` lines or lnav's array → [{ type, count }].
function errorGroups(file) {
  const text = read(file).trimStart();
  if (text.startsWith('{')) return JSON.parse(text).groups;
  if (text.startsWith('[')) return JSON.parse(text);
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => /^\s*(\d+) (.*)$/.exec(line))
    .map((m) => ({ type: m[2], count: Number(m[1]) }));
}

// Two groups with the same type (lnav's regexp_replace bug) stay visible as two rows.
function typeCounts(file) {
  const map = new Map();
  for (const { type, count } of errorGroups(file)) {
    let key = type;
    while (map.has(key)) key += ' (split group)';
    map.set(key, count);
  }
  return map;
}

const close = (a, b, rel) => a === b || Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
const fmt = (x) => (typeof x === 'number' ? String(Number(x.toPrecision(6))) : '–');

function latencyTable(dir) {
  const exact = latency(`${dir}/lat-exact.out`);
  const tools = [
    ['smsmon --exact', 'exact', 0],
    ['smsmon (sketch)', 'sketch', 0.01], // DDSketch: each percentile within 1 % of the exact one
    ['shell pipeline', 'shell', 1e-9],
    ['lnav SQL', 'lnav', 1e-9],
  ];
  const out = [
    `| tool | ${STATS.join(' | ')} | agrees with --exact |`,
    `|---${'|---'.repeat(STATS.length + 1)}|`,
  ];
  for (const [label, name, rel] of tools) {
    const r = latency(`${dir}/lat-${name}.out`);
    const bad = STATS.filter(
      (k) => !(typeof r[k] === 'number' && close(r[k], exact[k], k === 'count' || k === 'max' ? 0 : rel)),
    );
    const cells = STATS.map((k) => (bad.includes(k) ? `**${fmt(r[k])}** ✗` : fmt(r[k])));
    const verdict = bad.length === 0 ? (rel >= 0.01 ? '✓ (within 1 %)' : '✓ exactly') : `✗ ${bad.join(', ')}`;
    out.push(`| ${label} | ${cells.join(' | ')} | ${verdict} |`);
  }
  return out.join('\n');
}

function errorsTable(dir) {
  const tools = ['smsmon', 'awk', 'elnav'].map((name) => typeCounts(`${dir}/err-${name}.out`));
  const types = [...new Set(tools.flatMap((m) => [...m.keys()]))].sort(
    (a, b) => (tools[0].get(b) ?? 0) - (tools[0].get(a) ?? 0) || a.localeCompare(b),
  );
  const out = ['| type | smsmon | awk script | lnav SQL | |', '|---|---|---|---|---|'];
  const row = (label, counts) => {
    const same = counts.every((c) => c === counts[0]);
    out.push(`| ${label} | ${counts.map((c) => c ?? '–').join(' | ')} | ${same ? '✓' : '✗'} |`);
  };
  for (const type of types)
    row(
      `\`${type.replaceAll('|', '\\|')}\``,
      tools.map((m) => m.get(type)),
    );
  row(
    '**total**',
    tools.map((m) => [...m.values()].reduce((a, b) => a + b, 0)),
  );
  return out.join('\n');
}

function key(kind, file) {
  if (kind === 'latency') return `${fmt(latency(file).p95)} s`;
  const [top] = errorGroups(file).sort((a, b) => b.count - a.count);
  return top ? `${top.type} ${top.count}` : 'none';
}

// summary.txt lines "kind tool mean-seconds peak-KiB" → the issue's goals: ratios of means rounded
// down, memory rounded up, never in smsmon's favour.
function goals(corpus, file) {
  const t = {};
  const rss = {};
  for (const [kind, tool, mean, kib] of read(file)
    .trim()
    .split('\n')
    .map((l) => l.split(' '))) {
    t[`${kind} ${tool}`] = Number(mean);
    rss[tool] = Number(kib);
  }
  const ratio = (a, b, goal) => {
    const r = t[a] / t[b];
    return `${(Math.floor(r * 100) / 100).toFixed(2)}×${goal ? ` (goal ≥ ${goal}×: **${r >= goal ? 'met' : 'not met'}**)` : ''}`;
  };
  const mem = (kib) => {
    const mb = (kib * 1024) / 1e6;
    return `${(Math.ceil(mb * 10) / 10).toFixed(1)} MB = ${(Math.ceil(kib / 102.4) / 10).toFixed(1)} MiB (goal < 100 MB: **${mb < 100 ? 'met' : 'not met'}**)`;
  };
  return [
    `- ${corpus}, latency: shell pipeline ÷ smsmon ${ratio('lat shell', 'lat sketch', 3)}; lnav ÷ smsmon ${ratio('lat lnav', 'lat sketch', 10)}`,
    `- ${corpus}, errors count: lnav ÷ smsmon ${ratio('err elnav', 'err smsmon', 10)}; awk pipeline ÷ smsmon ${ratio('err awk', 'err smsmon')}`,
    `- ${corpus}, smsmon peak RSS: latency ${mem(rss.sketch)}; latency --exact ${mem(rss.exact)}; errors count ${mem(rss.smsmon)}`,
  ].join('\n');
}

const [mode, a, b] = process.argv.slice(2);
if (mode === 'latency') console.log(latencyTable(a));
else if (mode === 'errors') console.log(errorsTable(a));
else if (mode === 'key') console.log(key(a, b));
else if (mode === 'goals') console.log(goals(a, b));
else throw new Error(`unknown mode "${mode}"; expected latency, errors, key, goals`);
