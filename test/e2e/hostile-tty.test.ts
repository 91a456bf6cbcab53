import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scratchRedis, type ScratchRedis } from '../kit/redisScratch.js';
import { BIN, REPO, terminalEnv } from '../kit/runSmsmon.js';

/**
 * Every output path that can show outside text on a terminal, fed the same hostile set, run in a
 * real pseudo-terminal (`script`) with colours on. The captured bytes may hold smsmon's own SGR
 * colours, its spinners' control (and top's own screen control) and nothing else of C0, ESC, C1 or bidi.
 * The hostile text has no space and no slash, so it also fits a file name (a forged header's module
 * takes it without its whitespace). Needs `script`, Redis and PostgreSQL at 127.0.0.1 (a database
 * name that does not exist: the server's error quotes it).
 */
const HOSTILE =
  '\x1b[2J\x1b]52;c;aGk=\x07\x1b]0;owned\x07\x1b]0;st\x1b\\\x1bP+q\x1b\\\r\b\x01\x0b\x0c\x7f' +
  '\u0085\u009b31m\u009d0;c1\u009c\u202ebidi\u202a\u202b\u202c\u202d\u2066\u2067\u2068x\u2069end';

/** C1 as raw bytes (invalid UTF-8), appended as another writer would: they must not pass either. */
const RAW_C1 = Buffer.from([0x9b, 0x33, 0x31, 0x6d, 0x9d, 0x30, 0x3b, 0x72, 0x61, 0x77, 0x9c, 0x85]);

const FORBIDDEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const SGR = /\x1b\[[0-9;]*m/g;
const SCREEN_CONTROL = /\x1b\[(?:\?(?:1049|25)[hl]|H|K|J)/g;
/**
 * A spinner's own control (ora, once a network wait or scan lasts long enough): cursor hidden and
 * shown, synchronized output, column 1, erase line, line up. The hostile text carries none of these.
 */
const SPINNER_CONTROL = /\x1b\[(?:\?(?:25|2026)[hl]|\d*[GKA])/g;

interface Row {
  name: string;
  command: string;
  /** Seconds after which the command is stopped (follow, watch, top, exporter). */
  stopAfter?: number;
  /** top: its own cursor and screen control is allowed too. */
  screen?: boolean;
}

let dir = '';
let scratch: ScratchRedis;
const servers: Array<Server | ReturnType<typeof createTcpServer>> = [];
const env: Record<string, string> = {};

function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

/** /health with hostile service names, statuses, fields and version; /fail a 500 with a hostile body. */
async function startHostileHttp(): Promise<number> {
  const body = JSON.stringify({
    status: 'degraded',
    timestamp: new Date().toISOString(),
    version: HOSTILE,
    services: {
      [`db${HOSTILE}`]: { status: `unhealthy${HOSTILE}`, error: HOSTILE, [`k${HOSTILE}`]: HOSTILE },
      redis: { status: HOSTILE, response_time: 0.001 },
    },
  });
  return listen(
    createHttpServer((req, res) => {
      const ok = req.url === '/health';
      res.writeHead(ok ? 200 : 500, { 'content-type': ok ? 'application/json' : 'text/plain' });
      res.end(ok ? body : HOSTILE);
    }),
  );
}

/** An SMTP server whose every reply carries the hostile text. */
function startHostileSmtp(): Promise<number> {
  return listen(
    createTcpServer((socket) => {
      socket.on('error', () => undefined);
      socket.write(`220 mail ${HOSTILE}\r\n`);
      socket.on('data', () => socket.write(`554 5.7.1 ${HOSTILE}\r\n`));
    }),
  );
}

/** Metrics and hosts with hostile names, in both layouts, under a throwaway prefix. */
async function seedRedis(): Promise<{ host: string; guide: string }> {
  const host = scratch.layout('host');
  const guide = scratch.layout('guide');
  const now = Date.now();
  const hosts = [`web${HOSTILE}`, 'web-1'];
  for (const name of hosts) {
    await scratch.redis.zadd(host.hostsKey(), now, name);
    for (const metric of ['cpu_percent', `m${HOSTILE}`])
      await scratch.redis.zadd(`${host.prefix}:{${name}}:metric:${metric}`, now, `${now}:42`);
    await scratch.redis.hset(`${host.prefix}:{${name}}:latest`, {
      timestamp: String(now),
      host: name,
      cpu_percent: '99',
      [`m${HOSTILE}`]: '1',
      details: JSON.stringify({ error_types: { [HOSTILE]: 3 } }),
      failures: JSON.stringify([{ source: 'database', message: HOSTILE }]),
    });
  }
  await scratch.redis.zadd(`${guide.prefix}:cpu_percent`, now / 1000, '42');
  await scratch.redis.zadd(`${guide.prefix}:m${HOSTILE}`, now / 1000, HOSTILE);
  return { host: host.prefix, guide: guide.prefix };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'smsmon-hostile-tty-'));
  const logs = join(dir, 'logs');
  execFileSync('python3', [join(REPO, 'test/python/write_hostile_logs.py'), '--dir', logs], {
    input: JSON.stringify(HOSTILE),
  });
  const stamp = new Date().toISOString().replace('T', ' ').replace('Z', '').replace('.', ',');
  for (const family of ['app', 'errors'])
    appendFileSync(
      join(logs, `${family}.log`),
      Buffer.concat([
        Buffer.from(`ERROR ${stamp} raw`),
        RAW_C1,
        Buffer.from(' 1 2 raw '),
        RAW_C1,
        Buffer.from('\n'),
      ]),
    );
  try {
    scratch = await scratchRedis();
  } catch (error) {
    throw new Error(`Redis at 127.0.0.1:6379 not reachable: ${(error as Error).message}`);
  }
  const prefixes = await seedRedis();
  const http = await startHostileHttp();
  const smtp = await startHostileSmtp();
  const config = join(dir, `cfg${HOSTILE}.json`);
  writeFileSync(
    config,
    JSON.stringify({
      logDir: logs,
      redis: { url: 'redis://127.0.0.1:6379', prefix: prefixes.host },
      health: { url: `http://127.0.0.1:${http}/health` },
      alerts: {
        slack: { webhookUrl: `http://127.0.0.1:${http}/fail` },
        email: { host: '127.0.0.1', port: smtp, from: 'a@b.c', to: ['d@e.f'] },
      },
    }),
  );
  Object.assign(env, {
    SMSMON_CONFIG: config,
    LOGS: logs,
    GUIDE: prefixes.guide,
    HOSTILE,
    HEALTH: `http://127.0.0.1:${http}/health`,
    BADDB: `postgres://postgres@127.0.0.1:5432/db${HOSTILE.replace(/[\\%#?]/g, '')}`,
  });
});

after(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await scratch?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * One command in a 120×40 pseudo-terminal, colours on; stdout and stderr both reach the terminal.
 * script's stdin stays open while the command runs: at its end of input script stops.
 */
function inTerminal(row: Row): Promise<Buffer | 'still running'> {
  const smsmon = `${process.execPath} ${BIN} ${row.command}`;
  const run = row.stopAfter ? `timeout --foreground -s INT ${row.stopAfter} ${smsmon}` : smsmon;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', `stty cols 120 rows 40; ${run}`, '/dev/null'], {
      cwd: dir,
      stdio: ['pipe', 'pipe', 'inherit'],
      // script runs the command with $SHELL; without one, top never drew a frame.
      env: terminalEnv(env),
    });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    // A stopped command's pseudo-terminal can stay open; script ends at the end of its input.
    if (row.stopAfter) setTimeout(() => child.stdin.end(), (row.stopAfter + 1) * 1000).unref();
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error('script not found: apt-get install -y bsdutils') : error),
    );
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve(signal === 'SIGKILL' ? 'still running' : Buffer.concat(chunks));
    });
  });
}

/** What is left of the terminal bytes once smsmon's own colours, spinners (and screen control) are taken out. */
function unexpectedControls(bytes: Buffer, screen: boolean): string[] {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // raw C1 bytes throw here
  // The terminal turns \n into \r\n; CSV ends its lines with \r\n of its own.
  let rest = text.replace(/\r+\n/g, '\n').replace(SGR, '').replace(SPINNER_CONTROL, '');
  if (screen) rest = rest.replace(SCREEN_CONTROL, '');
  return [...rest.matchAll(new RegExp(FORBIDDEN.source, 'gu'))].map(
    (m) =>
      `U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')} in …${JSON.stringify(rest.slice(Math.max(0, m.index - 30), m.index + 10))}`,
  );
}

const ROWS: Row[] = [
  { name: 'logs search (text)', command: 'logs search app errors sms' },
  { name: 'logs search --raw', command: 'logs search app --raw' },
  { name: 'logs search --fields', command: 'logs search app --fields time,level,module,message' },
  {
    name: 'logs search <file named hostile>',
    command: 'logs search "$LOGS/../cfg$HOSTILE.json" "$LOGS/app.log"',
  },
  { name: 'logs tail (text)', command: 'logs tail app errors -n 20' },
  { name: 'logs tail -f', command: 'logs tail app errors sms -f -n 20', stopAfter: 2 },
  { name: 'errors count (text)', command: 'errors count' },
  { name: 'errors count --by module,template', command: 'errors count --by module,template' },
  { name: 'errors count --compare', command: 'errors count --compare 1d' },
  { name: 'errors count --csv', command: 'errors count --by type,module,template --csv' },
  { name: 'latency (text)', command: 'latency' },
  { name: 'latency --by module', command: 'latency --by module' },
  { name: 'latency --by path', command: 'latency --by path' },
  { name: 'latency --by module --csv', command: 'latency --by module --csv' },
  { name: 'latency --histogram --slowest', command: 'latency --histogram --slowest 5' },
  { name: 'metrics show --fleet', command: 'metrics show --fleet' },
  { name: 'metrics show --host', command: 'metrics show --host "web$HOSTILE"' },
  { name: 'metrics show --guide-layout', command: 'metrics show --guide-layout --prefix "$GUIDE"' },
  { name: 'metrics migrate', command: 'metrics migrate --prefix "$GUIDE"' },
  { name: 'metrics collect', command: 'metrics collect --no-system --db "$BADDB"' },
  { name: 'metrics snapshot', command: 'metrics snapshot --no-system --db "$BADDB" --host "web$HOSTILE"' },
  { name: 'health (text)', command: 'health' },
  { name: 'health --watch', command: 'health --watch 1s', stopAfter: 2.5 },
  { name: 'alerts check --from-redis', command: 'alerts check --from-redis --host "web$HOSTILE"' },
  { name: 'alerts check', command: 'alerts check --no-system --db "$BADDB" --host "web$HOSTILE"' },
  { name: 'alerts test', command: 'alerts test --timeout 2s' },
  {
    name: 'exporter notices',
    command: 'exporter --listen 127.0.0.1:0 --from-start --error-types 1 --no-system',
    stopAfter: 2,
  },
  { name: 'top', command: 'top --no-database --interval 1s', stopAfter: 3, screen: true },
  {
    name: 'top --from-redis',
    command: 'top --from-redis --host "web$HOSTILE" --interval 1s',
    stopAfter: 3,
    screen: true,
  },
  { name: 'doctor', command: 'doctor --db "$BADDB" --timeout 2s' },
  { name: 'config show', command: 'config show' },
  { name: 'usage error (smsmon)', command: 'logs search --level "$HOSTILE"' },
  { name: 'usage error (commander)', command: 'logs "nosuch$HOSTILE"' },
  // JSON on a terminal: JSON.stringify leaves C1 and bidi characters as they are.
  { name: 'logs search --ndjson', command: 'logs search app errors sms --ndjson' },
  { name: 'errors count --json', command: 'errors count --by type,module --json' },
  { name: 'latency --slowest --json', command: 'latency --by module --slowest 5 --json' },
  { name: 'health --json', command: 'health --json' },
  {
    name: 'metrics snapshot --json',
    command: 'metrics snapshot --no-system --db "$BADDB" --host "web$HOSTILE" --json',
  },
  { name: 'config show --json', command: 'config show --json' },
  { name: 'metrics show --json', command: 'metrics show --host "web$HOSTILE" --json' },
  { name: 'alerts check --json', command: 'alerts check --from-redis --host "web$HOSTILE" --json' },
  { name: 'alerts test --json', command: 'alerts test --timeout 2s --json' },
  { name: 'doctor --json', command: 'doctor --db "$BADDB" --timeout 2s --json' },
];

/** Runs the rows a few at a time: most of the wait is the stopped commands' own time. */
async function runAll(rows: readonly Row[], width: number): Promise<Map<string, Buffer | 'still running'>> {
  const results = new Map<string, Buffer | 'still running'>();
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++]!;
      results.set(row.name, await inTerminal(row));
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

/** Each path must show the outside text (escaped): a row that printed none of it tested nothing. */
const SHOWN = /\\x1b|\\u202e|\ufffd/;

test('no output path lets a raw C0, C1, ESC or bidi character of outside text reach the terminal', async () => {
  const results = await runAll(ROWS, 4);
  const leaks: string[] = [];
  for (const row of ROWS) {
    const bytes = results.get(row.name)!;
    if (bytes === 'still running') {
      leaks.push(`${row.name}: still running 15 s after it was started (and stopped)`);
      continue;
    }
    let found: string[];
    try {
      found = unexpectedControls(bytes, row.screen === true);
    } catch {
      found = ['raw bytes that are not UTF-8 (C1 bytes passed through)'];
    }
    if (found.length > 0) leaks.push(`${row.name}: ${found.slice(0, 3).join('; ')}`);
    else if (!SHOWN.test(bytes.toString('utf8')))
      leaks.push(
        `${row.name}: showed none of the hostile text: ${JSON.stringify(bytes.toString('utf8').slice(0, 300))}`,
      );
  }
  assert.deepEqual(leaks, []);
});
