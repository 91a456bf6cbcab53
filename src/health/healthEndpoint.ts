import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { bodyCutOff, connectFailure, failure, type EndpointAnswer } from './healthAnswer.js';
import { redirectTarget } from './healthRedirect.js';

export type { EndpointAnswer, EndpointFailureKind } from './healthAnswer.js';

/**
 * GET of the app's /health with node:http, not fetch: fetch refuses URLs with user:password@ and
 * the ports of its "bad port" list (6000, 6665, …), both legitimate for an internal endpoint.
 */

export interface EndpointOptions {
  /** One attempt: DNS, connect, TLS, every redirect hop and the last body byte. */
  readonly timeoutMs: number;
  readonly retries: number;
  readonly maxBodyBytes: number;
  readonly maxRedirects: number;
  /** Pause before retry n (1-based); default backoffMs. */
  readonly backoff?: (retry: number) => number;
  /** Ends the check early (watch mode's Ctrl-C): the answer is an 'aborted' failure. */
  readonly signal?: AbortSignal;
}

export interface EndpointFetch {
  readonly answer: EndpointAnswer;
  readonly attempts: number;
  /** The last attempt, from the request to its last body byte (redirects included). */
  readonly attemptMs: number;
  /** Every attempt and pause. */
  readonly elapsedMs: number;
}

/** 0.5 s, 1 s, 2 s, 4 s, then 5 s per retry. */
export function backoffMs(retry: number): number {
  return Math.min(500 * 2 ** (retry - 1), 5000);
}

/**
 * GETs `url` until an answer that is not worth retrying, at most retries + 1 attempts. Retried:
 * timeouts, connection failures and HTTP 5xx; never 4xx, redirect problems or an oversized body.
 * Each attempt has its own deadline, so a run lasts at most timeoutMs × (retries + 1) plus the
 * pauses between attempts.
 */
export async function fetchHealthEndpoint(url: string, options: EndpointOptions): Promise<EndpointFetch> {
  const started = performance.now();
  const backoff = options.backoff ?? backoffMs;
  let attempts = 0;
  for (;;) {
    attempts++;
    const attemptStarted = performance.now();
    const answer = await attemptOnce(url, options);
    const attemptMs = performance.now() - attemptStarted;
    const again = attempts <= options.retries && isRetryable(answer) && !options.signal?.aborted;
    if (!again || !(await pause(backoff(attempts), options.signal))) {
      return { answer, attempts, attemptMs, elapsedMs: performance.now() - started };
    }
  }
}

function isRetryable(answer: EndpointAnswer): boolean {
  return answer.kind === 'response' ? answer.status >= 500 : answer.retryable;
}

const TIMEOUT = Symbol('timeout');

async function attemptOnce(url: string, options: EndpointOptions): Promise<EndpointAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(TIMEOUT), options.timeoutMs);
  const stop = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    return await follow(new URL(url), options, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) {
      return controller.signal.reason === TIMEOUT
        ? failure('timeout', `timeout after ${secondsText(options.timeoutMs)}`, true)
        : failure('aborted', 'stopped', false);
    }
    return connectFailure(error);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
  }
}

/** Follows at most maxRedirects redirects; credentials go to the first origin only. */
async function follow(start: URL, options: EndpointOptions, signal: AbortSignal): Promise<EndpointAnswer> {
  let current = start;
  for (let hop = 0; ; hop++) {
    const response = await get(current, current.origin === start.origin ? start : undefined, signal);
    if (response.statusCode! >= 300 && response.statusCode! < 400) {
      response.resume();
      const target = redirectTarget(current, response.statusCode!, response.headers.location);
      if (typeof target === 'string') return failure('redirect', target, false);
      if (hop >= options.maxRedirects)
        return failure('redirect', `more than ${options.maxRedirects} redirects`, false);
      current = target;
      continue;
    }
    return readAnswer(response, options.maxBodyBytes);
  }
}

function get(url: URL, credentialsFrom: URL | undefined, signal: AbortSignal): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const auth =
    credentialsFrom && (credentialsFrom.username || credentialsFrom.password)
      ? `${decoded(credentialsFrom.username)}:${decoded(credentialsFrom.password)}`
      : undefined;
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    target.username = target.password = '';
    const req = request(target, {
      method: 'GET',
      auth,
      signal,
      // One connection per check: it measures connecting too, and leaves no idle socket behind.
      agent: false,
      headers: { accept: 'application/json', 'user-agent': 'smsmon' },
    });
    req.on('response', resolve);
    req.on('error', reject);
    req.end();
  });
}

async function readAnswer(response: IncomingMessage, maxBytes: number): Promise<EndpointAnswer> {
  const limit = `body over ${bytesText(maxBytes)}`;
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    return failure('tooLarge', limit, false);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        return failure('tooLarge', limit, false);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    throw bodyCutOff(error);
  }
  // Ended without an error yet shorter than its Content-Length: cut off all the same.
  if (!response.complete) throw bodyCutOff(undefined);
  return {
    kind: 'response',
    status: response.statusCode!,
    statusText: response.statusMessage ?? '',
    contentType: response.headers['content-type'] ?? null,
    body: Buffer.concat(chunks, size),
  };
}

/** Resolves true after ms, false at once when the signal stops the run. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (completed: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stopped);
      resolve(completed);
    };
    const stopped = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener('abort', stopped, { once: true });
  });
}

/** user:p%40ss@ → p@ss; a malformed escape is sent as written. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** 3000 → "3 s", as the reasons name a timeout. */
export function secondsText(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

function bytesText(bytes: number): string {
  if (bytes % 1_048_576 === 0) return `${bytes / 1_048_576} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
