/** What one attempt came to: an HTTP answer, or why there was none (one line, no secrets). */

export type EndpointFailureKind =
  /** The attempt outlasted timeoutMs. */
  | 'timeout'
  /** No HTTP answer: refused, reset, host not found, TLS, closed mid-body. */
  | 'connect'
  /** An answer that is not HTTP (wrong port, a proxy speaking something else). */
  | 'protocol'
  | 'tooLarge'
  | 'redirect'
  | 'aborted';

export type EndpointAnswer =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly statusText: string;
      readonly contentType: string | null;
      readonly body: Buffer;
    }
  | {
      readonly kind: 'failure';
      readonly failure: EndpointFailureKind;
      /** One line: "connection refused", "more than 3 redirects", "body over 1 MiB". */
      readonly detail: string;
      /** Whether another attempt could answer differently. */
      readonly retryable: boolean;
    };

const BODY_CUT_OFF = 'SMSMON_BODY_CUT_OFF';

/** The connection ended mid-body (thrown, so that a timeout that ended it is still told apart). */
export function bodyCutOff(cause: unknown): Error {
  return Object.assign(new Error('body cut off', { cause }), { code: BODY_CUT_OFF });
}

/** Error codes of a connection that may well work a moment later. */
const TRANSIENT = new Set([
  BODY_CUT_OFF,
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

const CONNECT_TEXT: Readonly<Record<string, string>> = {
  [BODY_CUT_OFF]: 'connection closed before the body ended',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed (EAI_AGAIN)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

export function connectFailure(error: unknown): EndpointAnswer {
  const code = errorCode(error);
  if (code?.startsWith('HPE_')) return failure('protocol', `not an HTTP answer (${code})`, false);
  const text = (code && CONNECT_TEXT[code]) ?? firstLine(error);
  return failure('connect', text, code !== undefined && TRANSIENT.has(code));
}

/** The code of an error, or of the first of an AggregateError (localhost tried as ::1 and 127.0.0.1). */
function errorCode(error: unknown): string | undefined {
  const { code, errors } = (error ?? {}) as { code?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  return Array.isArray(errors) && errors.length > 0 ? errorCode(errors[0]) : undefined;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0] || 'connection failed';
}

export function failure(kind: EndpointFailureKind, detail: string, retryable: boolean): EndpointAnswer {
  return { kind: 'failure', failure: kind, detail, retryable };
}
