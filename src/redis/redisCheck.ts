import { fail, pass, type CheckResult } from '../core/doctorCheck.js';
import { errorLine } from '../core/errors.js';
import { redactUrl } from '../core/redact.js';

/** Redis answers PING within the timeout. */
export async function checkRedis(url: string, timeoutMs: number): Promise<CheckResult> {
  const { closeRedis, openRedis } = await import('./redisConnection.js');
  const started = performance.now();
  try {
    const redis = await openRedis(url, { connectTimeoutMs: timeoutMs });
    try {
      await redis.ping();
    } finally {
      await closeRedis(redis);
    }
    return pass('redis', `${redactUrl(url)} answered in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    return fail('redis', errorLine(error), 'start Redis or set --redis / REDIS_URL / redis.url');
  }
}
