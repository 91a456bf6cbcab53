// Times each system figure both ways, systeminformation vs the built-in path smsmon uses, cold:
// every probe runs in a fresh Node process, as cron starts one every minute. Needs `npm run build`.
//   node bench/system-metrics.mjs [runs]     # Markdown table of medians (default 7 runs)
//   node bench/system-metrics.mjs --probe P  # one probe, prints its milliseconds
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, URL } from 'node:url';

const dist = (path) => new URL(`../dist/src/sources/${path}`, import.meta.url).href;
const si = () => import('systeminformation');
const WINDOW_MS = 500;

// Each probe returns the action to time; imports of the module under test happen before.
const PROBES = {
  'import systeminformation': async () => () => si(),
  'import smsmon systemMetrics': async () => () => import(dist('systemMetrics.js')),
  'cpu si.currentLoad()': async () => {
    const { currentLoad } = await si();
    return () => currentLoad();
  },
  'cpu /proc/stat': async () => {
    const { readCpuTimes } = await import(dist('system/cpuTimes.js'));
    return () => readCpuTimes();
  },
  'cpu os.cpus()': async () => () => os.cpus(),
  'memory si.mem()': async () => {
    const { mem } = await si();
    return () => mem();
  },
  'memory /proc/meminfo': async () => {
    const { readMemoryUsage } = await import(dist('system/memoryUsage.js'));
    return () => readMemoryUsage();
  },
  'memory os.totalmem/freemem': async () => () => os.totalmem() - os.freemem(),
  'disk si.fsSize()': async () => {
    const { fsSize } = await si();
    return () => fsSize();
  },
  'disk fs.statfs': async () => {
    const { readDiskUsages } = await import(dist('system/diskUsage.js'));
    return () => readDiskUsages(['/']);
  },
  'load os.loadavg()': async () => () => os.loadavg(),
  'network si.networkStats("*")': async () => {
    const { networkStats } = await si();
    return () => networkStats('*');
  },
  'network /proc/net/dev': async () => {
    const { readNetCounters } = await import(dist('system/netCounters.js'));
    return () => readNetCounters();
  },
  // Whole collections from process start, imports included, over a 500 ms window.
  'total systeminformation only': async () => async () => {
    const { currentLoad, mem, fsSize, networkStats } = await si();
    await Promise.all([networkStats('*'), currentLoad(), mem(), fsSize()]);
    await networkStats('*'); // the window's end; currentLoad's own window is 500 ms
  },
  'total smsmon collectSystemMetrics': async () => async () => {
    const { collectSystemMetrics } = await import(dist('systemMetrics.js'));
    await collectSystemMetrics({ mounts: ['/'], sampleMs: WINDOW_MS });
  },
};

const ROWS = [
  ['import', 'import systeminformation', 'import smsmon systemMetrics'],
  ['cpu_percent (one reading)', 'cpu si.currentLoad()', 'cpu /proc/stat', 'cpu os.cpus()'],
  ['memory_percent', 'memory si.mem()', 'memory /proc/meminfo', 'memory os.totalmem/freemem'],
  ['disk_percent "/"', 'disk si.fsSize()', 'disk fs.statfs'],
  ['load_average_1/5/15', null, 'load os.loadavg()'],
  ['network counters (one reading)', 'network si.networkStats("*")', 'network /proc/net/dev'],
  ['whole collection, 500 ms window', 'total systeminformation only', 'total smsmon collectSystemMetrics'],
];

async function probe(name) {
  const action = await PROBES[name]();
  const start = performance.now();
  await action();
  console.log((performance.now() - start).toFixed(2));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function coldMs(name, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--probe', name], {
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`probe ${name} failed: ${child.stderr}`);
    times.push(Number(child.stdout.trim()));
  }
  return median(times);
}

function table(runs) {
  const cell = (name) => (name ? `${name.replace(/^\S+ /, '')}: ${coldMs(name, runs).toFixed(1)} ms` : 'n/a');
  console.log(`| figure | systeminformation | built-ins (first one used) |`);
  console.log(`| --- | --- | --- |`);
  for (const [figure, siProbe, ...builtIns] of ROWS) {
    console.log(`| ${figure} | ${cell(siProbe)} | ${builtIns.map(cell).join('; ')} |`);
  }
  console.log(
    `\nmedian of ${runs} cold runs, Node ${process.version}, ${os.cpus().length} CPUs, ${os.platform()}`,
  );
}

if (process.argv[2] === '--probe') await probe(process.argv[3]);
else table(Number(process.argv[2] ?? 7));
