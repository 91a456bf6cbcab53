import { fail, pass, warn, type CheckResult } from '../core/doctorCheck.js';
import { errorLine } from '../core/errors.js';
import { redactUrl } from '../core/redact.js';

/** PostgreSQL accepts a connection and `SELECT 1`; not configured is a warning, not a failure. */
export async function checkPostgres(url: string | undefined, timeoutMs: number): Promise<CheckResult> {
  if (!url)
    return warn(
      'postgresql',
      'no database URL',
      'set --db, DATABASE_URL or database.url for the application metrics',
    );
  const { default: pg } = await import('pg');
  const { pgConnectionString } = await import('./pgSslMode.js');
  const client = new pg.Client({
    connectionString: pgConnectionString(url).url,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
  });
  client.on('error', () => undefined);
  const started = performance.now();
  try {
    await client.connect();
    await client.query('SELECT 1');
    return pass('postgresql', `${redactUrl(url)} answered in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ECONNREFUSED' ? 'connection refused' : errorLine(error) || String(code);
    return fail('postgresql', `${redactUrl(url)}: ${reason}`, 'start PostgreSQL or fix database.url');
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The exporter, when one is expected, serves /metrics with the guide's counter in it. */
export async function checkExporter(url: string, timeoutMs: number): Promise<CheckResult> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    const text = await response.text();
    if (!response.ok)
      return fail('exporter', `${url}: HTTP ${response.status}`, 'is smsmon exporter running?');
    if (!text.includes('sms_requests_total'))
      return warn('exporter', `${url} answers but has no sms_requests_total`, 'is it smsmon exporter?');
    return pass(
      'exporter',
      `${url} serves ${text.split('\n').filter((l) => l && !l.startsWith('#')).length} samples`,
    );
  } catch (error) {
    return fail('exporter', `${url}: ${errorLine(error)}`, 'start smsmon exporter or fix --exporter');
  }
}
