import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
} from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectTestDatabase, TEST_DATABASE_URL } from './djangoSchema.js';
import { REPO } from './runSmsmon.js';

/**
 * The real Django app of test/django as a test fixture: a throwaway PostgreSQL database, migrate,
 * rows older than an hour, runserver on a free 127.0.0.1 port, and the traffic script whose truth
 * the tests compare smsmon with. Missing Django, psycopg2, PostgreSQL or Redis fails with a message
 * naming it; `stop()` always kills what it started and drops the database.
 */
export const APP_DIR = `${REPO}test/django`;
/** The app's settings.TIME_ZONE: every asctime in its logs is New York wall-clock time. */
export const APP_TZ = 'America/New_York';
const REDIS = { host: '127.0.0.1', port: 6379 };
const DEADLINE_MS = 20_000;

/** One record the app logged, as the traffic script knows it. */
export interface TruthRecord {
  statement: string;
  logger: string;
  level: string;
  message: string;
  exception: string | null;
  families: string[];
  sms?: string;
  processing_time?: number;
}

/** What test/django/traffic.py writes: every count comes from what the app did. */
export interface DjangoTruth {
  requests: number;
  records: TruthRecord[];
  statements: Record<string, { count: number; levels: Record<string, number>; messages: string[] }>;
  distinct_statements: number;
  files: Record<string, number>;
  levels: Record<string, Record<string, number>>;
  error_statements: number;
  error_groups: Record<
    string,
    { count: number; statements: string[]; traceback: boolean; messages: string[] }
  >;
  error_records: number;
  processing_time: number[];
  other_durations: number[];
  sms_events: Record<string, number>;
  tasks_written: number;
  tasks_successful: number;
}

/** The first interpreter that imports Django and psycopg2 (pyenv's python3 may not see Debian's packages). */
function findPython(): string {
  const tried: string[] = [];
  const candidates = [process.env.SMSMON_TEST_PYTHON, 'python3', '/usr/bin/python3'].filter(
    (c): c is string => Boolean(c),
  );
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import django, psycopg2; print(django.get_version())'], {
      encoding: 'utf8',
    });
    if (probe.status === 0) return python;
    const lines = (probe.stderr ?? '').trim().split('\n');
    const why = probe.error?.message ?? lines.findLast((line) => /Error/.test(line)) ?? lines.at(-1);
    tried.push(`${python}: ${why?.trim() || `exit ${probe.status}`}`);
  }
  assert.fail(
    'the Django tests need Django and psycopg2 for python3 ' +
      `(apt-get install python3-django python3-psycopg2; or set SMSMON_TEST_PYTHON); tried ${tried.join('; ')}`,
  );
}

/** PING over RESP: the app's /health needs Redis, and a missing one must be named, not read as unhealthy. */
async function assertRedis(): Promise<void> {
  const answer = await new Promise<string>((resolve) => {
    const socket = createConnection(REDIS);
    let text = '';
    socket.setTimeout(2000, () => socket.destroy(new Error('timed out')));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      text += data.toString();
      if (text.includes('\r\n')) socket.end();
    });
    socket.on('close', () => resolve(text));
    socket.on('error', (error) => resolve(error.message));
  });
  assert.equal(answer, '+PONG\r\n', `Redis at ${REDIS.host}:${REDIS.port} not reachable: ${answer.trim()}`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitFor(
  what: string,
  ready: () => boolean | Promise<boolean>,
  why: () => string,
): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (!(await ready())) {
    if (Date.now() > deadline) assert.fail(`${what} not ready within ${DEADLINE_MS} ms: ${why()}`);
    await sleep(50);
  }
}

/** Kills a child process and waits for it; SIGKILL when SIGTERM is not enough. */
export async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

/** True when process `pid` holds `path` open (Linux /proc): a follower is in place before writes start. */
export function holdsOpen(pid: number, path: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === path;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

export class DjangoApp {
  readonly python: string;
  readonly dir: string;
  readonly logDir: string;
  readonly database = `smsmon_django_${process.pid}_${randomBytes(4).toString('hex')}`;
  readonly databaseUrl: string;
  /** The PostgreSQL server of the test database (SMSMON_TEST_DATABASE_URL), where the app's database goes. */
  private readonly postgres: URL;
  baseUrl = '';
  private runserver: ChildProcess | undefined;
  private serverOutput = '';
  private created = false;

  constructor(
    /** Rotation threshold of every handler; small, so files rotate during the traffic. */
    readonly maxBytes: number,
  ) {
    this.python = findPython(); // before anything is created, so a missing Django leaves nothing behind
    this.dir = realpathSync(mkdtempSync(join(tmpdir(), 'smsmon-django-')));
    this.logDir = join(this.dir, 'logs');
    this.postgres = new URL(TEST_DATABASE_URL);
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${this.database}`;
    this.databaseUrl = url.toString();
  }

  /** A migrated throwaway database with rows older than an hour; `stop()` drops it even when this fails. */
  async setup(): Promise<void> {
    mkdirSync(this.logDir);
    await assertRedis();
    const admin = await connectTestDatabase();
    try {
      await admin.query(`CREATE DATABASE ${this.database}`);
      this.created = true;
    } finally {
      await admin.end();
    }
    this.manage(['migrate', '--verbosity', '0']);
    this.manage(['seed_history']);
  }

  /** The environment the app's settings read. */
  get env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      SMSMON_DJANGO_DB: this.database,
      SMSMON_DJANGO_DB_HOST: this.postgres.hostname,
      SMSMON_DJANGO_DB_PORT: this.postgres.port || '5432',
      SMSMON_DJANGO_DB_USER: decodeURIComponent(this.postgres.username) || 'postgres',
      SMSMON_DJANGO_LOG_DIR: this.logDir,
      SMSMON_DJANGO_MAX_BYTES: String(this.maxBytes),
      SMSMON_DJANGO_REDIS_PORT: String(REDIS.port),
      PYTHONUTF8: '1',
      PYTHONDONTWRITEBYTECODE: '1',
    };
  }

  /** `manage.py ARGS`, synchronously; its stdout. */
  manage(args: readonly string[]): string {
    const run = spawnSync(this.python, ['manage.py', ...args], {
      cwd: APP_DIR,
      env: this.env,
      encoding: 'utf8',
      timeout: DEADLINE_MS,
    });
    assert.equal(run.status, 0, `manage.py ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    return run.stdout;
  }

  /** `manage.py ARGS` as a child process, for running beside another command. */
  manageAsync(args: readonly string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.python, ['manage.py', ...args], { cwd: APP_DIR, env: this.env });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0
          ? resolve(stdout)
          : reject(new Error(`manage.py ${args.join(' ')} exited ${code}: ${stderr}`)),
      );
    });
  }

  /** runserver (threaded, no reloader) on a free port; resolves once it accepts connections. */
  async serve(): Promise<void> {
    const port = await freePort();
    this.baseUrl = `http://127.0.0.1:${port}`;
    const server = spawn(this.python, ['manage.py', 'runserver', `127.0.0.1:${port}`, '--noreload'], {
      cwd: APP_DIR,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.runserver = server;
    server.stdout!.setEncoding('utf8').on('data', (d: string) => (this.serverOutput += d));
    server.stderr!.setEncoding('utf8').on('data', (d: string) => (this.serverOutput += d));
    // A bare TCP connect: an HTTP probe would add an access-log record the truth does not hold.
    const accepts = (): Promise<boolean> =>
      new Promise((resolve) => {
        const socket = createConnection({ host: '127.0.0.1', port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
    await waitFor(
      'runserver',
      async () => {
        assert.equal(server.exitCode, null, `runserver exited ${server.exitCode}: ${this.serverOutput}`);
        return accepts();
      },
      () => this.serverOutput,
    );
  }

  /** test/django/traffic.py against the running server; its truth. */
  traffic(): DjangoTruth {
    const out = join(this.dir, 'truth.json');
    const run = spawnSync(this.python, ['traffic.py', '--base', this.baseUrl, '--out', out], {
      cwd: APP_DIR,
      env: this.env,
      encoding: 'utf8',
      timeout: DEADLINE_MS,
    });
    assert.equal(
      run.status,
      0,
      `traffic.py exited ${run.status}: ${run.stderr}\nserver: ${this.serverOutput}`,
    );
    return JSON.parse(readFileSync(out, 'utf8')) as DjangoTruth;
  }

  /** Kills runserver, drops the database, removes the directory; safe after a failed start. */
  async stop(): Promise<void> {
    await stopChild(this.runserver);
    try {
      if (this.created) {
        const admin = await connectTestDatabase();
        try {
          await admin.query(`DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`);
        } finally {
          await admin.end();
        }
      }
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/** The nearest-rank percentile of sorted values: the value at rank ⌈p/100 · n⌉. */
export function nearestRank(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
