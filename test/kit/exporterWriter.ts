import { PROCESSING_BOUNDS, asctime, type RotatingLog } from './exporterKit.js';

/** The app's records for the exporter's end-to-end test, and the samples they must produce. */
export const TIMES = [0.0005, 0.001, 0.003, 0.04, 0.3, 2, 45, 75];

/** What the writer wrote, as the samples the exporter must show. */
export class Tally {
  readonly want = new Map<string, number>();
  add(key: string, n = 1): void {
    this.want.set(key, (this.want.get(key) ?? 0) + n);
  }
  record(family: string, level: string): void {
    this.add(`smsmon_log_records_total{family="${family}",level="${level}"}`);
  }
  processingTime(seconds: number): void {
    for (const bound of PROCESSING_BOUNDS)
      this.add(
        `smsmon_processing_time_seconds_bucket{module="middleware",le="${bound}"}`,
        seconds <= Number(bound) ? 1 : 0,
      );
    this.add('smsmon_processing_time_seconds_bucket{module="middleware",le="+Inf"}');
    this.add('smsmon_processing_time_seconds_count{module="middleware"}');
  }
  event(event: string): void {
    this.add(`smsmon_sms_events_total{event="${event}"}`);
    if (event === 'received' || event === 'rejected') this.add('sms_requests_total');
    if (event === 'sent') {
      this.add('sms_requests_successful');
      this.add('sms_requests_successful_total');
    }
  }
}

const TWILIO_TYPE =
  'twilio_service: Could not send SMS to <phone>: Twilio error <*> (unsubscribed recipient)';
export const sms = (level: string, module: string, message: string): string =>
  `{"level": "${level}", "time": "${asctime()}", "module": "${module}", "message": "${message}"}\n`;
export const verbose = (level: string, module: string, message: string): string =>
  `${level} ${asctime()} ${module} 1187 139872345678592 ${message}\n`;
export const traceback = (last: string): string =>
  `Traceback (most recent call last):\n  File "/app/sms_agent/x.py", line 1, in f\n    raise X\n${last}\n`;

/** One record of each family, cycling through the kinds the app writes; the tally follows. */
export function writeOne(i: number, logs: Record<'app' | 'errors' | 'sms', RotatingLog>, tally: Tally): void {
  const phone = `+1555${1_000_000 + i}`;
  const smsKinds: Array<() => void> = [
    () => (
      logs.sms.write(sms('INFO', 'views', `Incoming SMS from ${phone}: hello ${i}`)),
      tally.event('received'),
      tally.record('sms', 'INFO')
    ),
    () => (
      logs.sms.write(
        sms('INFO', 'views', `Incoming SMS from ${phone}: line one\nERROR in step 2\nTraceback? "no"`),
      ),
      tally.event('received'),
      tally.record('sms', 'INFO')
    ),
    () => (
      logs.sms.write(sms('INFO', 'tasks', `Outgoing SMS to ${phone}: Ça coûte €20`)),
      tally.event('sent'),
      tally.record('sms', 'INFO')
    ),
    () => (
      logs.sms.write(
        sms('ERROR', 'tasks', `Failed to send SMS to ${phone}: hi`) +
          traceback('celery.exceptions.MaxRetriesExceededError: no'),
      ),
      tally.event('failed'),
      tally.record('sms', 'ERROR')
    ),
    () => (
      logs.sms.write(sms('ERROR', 'views', `Rejected SMS from unknown number ${phone}: spam`)),
      tally.event('rejected'),
      tally.record('sms', 'ERROR')
    ),
    () => (
      logs.sms.write(sms('INFO', 'views', `Delivery status SM${i.toString(16).padStart(32, '0')} delivered`)),
      tally.event('delivered'),
      tally.record('sms', 'INFO')
    ),
  ];
  smsKinds[i % smsKinds.length]!();
  if (i % 4 === 2) {
    logs.app.write(verbose('WARNING', 'log', 'Not Found: /wp-login.php'));
    tally.record('app', 'WARNING');
  } else if (i % 4 === 3) {
    logs.app.write(
      verbose('ERROR', 'ai_service', `OpenAI request failed for user_id=${i}`) +
        traceback('openai.RateLimitError: 429'),
    );
    tally.record('app', 'ERROR');
  } else {
    const seconds = TIMES[i % TIMES.length]!;
    logs.app.write(verbose('INFO', 'middleware', `GET /health/ 200 processing_time=${seconds}`));
    tally.record('app', 'INFO');
    tally.processingTime(seconds);
  }
  const errorKinds: Array<[string, string]> = [
    [
      verbose('ERROR', 'ai_service', `OpenAI request failed for user_id=${i}`) +
        traceback('openai.RateLimitError: 429'),
      'RateLimitError',
    ],
    [
      verbose('ERROR', 'log', 'Internal Server Error: /sms/webhook/') +
        traceback('django.db.utils.OperationalError: refused'),
      'OperationalError',
    ],
    [
      verbose(
        'ERROR',
        'twilio_service',
        `Could not send SMS to ${phone}: Twilio error 21610 (unsubscribed recipient)`,
      ),
      TWILIO_TYPE,
    ],
  ];
  const [text, type] = errorKinds[i % errorKinds.length]!;
  logs.errors.write(text);
  tally.record('errors', 'ERROR');
  tally.add(`smsmon_errors_total{type="${type}"}`);
}

export function differences(want: Map<string, number>, got: Map<string, number>): string[] {
  return [...want]
    .filter(([key, value]) => got.get(key) !== value)
    .map(([key, value]) => `${key}: want ${value}, got ${got.get(key)}`);
}
