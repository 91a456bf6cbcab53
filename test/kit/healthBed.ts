import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { startHealthServer, type HealthServer } from './healthServer.js';
import { scratchRedis, type ScratchRedis } from './redisScratch.js';
import { runSmsmon, type RunResult } from './runSmsmon.js';

/** What a `smsmon health` test file runs against; server and scratch are there once its tests run. */
export interface HealthBed {
  /** A real HTTP server on 127.0.0.1 serving every case (test/kit/healthServer.ts). */
  readonly server: HealthServer;
  /** The real Redis on 127.0.0.1:6379 under a throwaway prefix (--record). */
  readonly scratch: ScratchRedis;
  /** A private config and spool, and no inherited health.url / Redis settings. */
  readonly env: Readonly<Record<string, string>>;
  /** `smsmon health ARGS` in that environment, timed. */
  health(args: string[], env?: NodeJS.ProcessEnv): Promise<RunResult & { ms: number }>;
}

/** Registers the file's before/after hooks: the server and Redis up before, everything removed after. */
export function healthBed(): HealthBed {
  let server: HealthServer | undefined;
  let scratch: ScratchRedis | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'smsmon-health-'));
  const config = join(dir, 'smsmon.config.json');
  const env = { SMSMON_HEALTH_URL: '', REDIS_URL: '', SMSMON_CONFIG: config };
  before(async () => {
    server = await startHealthServer();
    scratch = await scratchRedis(); // fails, never skips, when Redis is down
    writeFileSync(config, JSON.stringify({ spool: { path: join(dir, 'spool.ndjson') } }));
  });
  after(async () => {
    await server?.close();
    await scratch?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get server() {
      return server!;
    },
    get scratch() {
      return scratch!;
    },
    env,
    async health(args, extra = {}) {
      const started = performance.now();
      const result = await runSmsmon(['health', ...args], { env: { ...env, ...extra } });
      return { ...result, ms: performance.now() - started };
    },
  };
}
