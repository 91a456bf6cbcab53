/**
 * Hides secrets before a value is shown: in `config show`, and in error messages that quote a URL
 * or a driver's message. Over-hiding is acceptable, showing a password is not.
 */

export const MASK = '***';

/** Keys whose value is a secret: password, smtpPassword, clientSecret, authToken, api_key. */
const SECRET_KEY = /(?:password|passwd|secret|token|api_?key)$/i;
/** Keys holding a webhook URL: its path is the secret, its host is worth showing. */
const WEBHOOK_KEY = /webhook(?:_?url)?$/i;
/** A URL inside text: scheme://, then up to white space or a quote. */
const URL_IN_TEXT = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s"'<>`]+)/gi;
/** A `name=value` parameter of the query or the fragment (`?a=1&b=2`, `#token=…`). */
const PARAM = /([?&#;])([^=&#;]*)=([^&#;]*)/g;
/** Parameter names that carry credentials (password, sslpassword, pwd, token, auth, api_key, code, sig). */
const SECRET_PARAM_NAME = /pass|pwd|secret|token|auth|key|sig|code|credential/i;
const SLACK_HOOKS = /^hooks\.slack(?:-gov)?\.com(?::\d+)?$/i;

/** A redacted deep copy of plain JSON-like data (objects, arrays, strings); other values as they are. */
export function redactSecrets(value: unknown): unknown {
  return redactAt(value, undefined);
}

function redactAt(value: unknown, key: string | undefined): unknown {
  const secretKey = key !== undefined && SECRET_KEY.test(key);
  if (typeof value === 'string') {
    if (value === '') return value;
    if (secretKey) return MASK;
    if (key !== undefined && WEBHOOK_KEY.test(key)) return redactWebhookUrl(value);
    return redactUrl(value);
  }
  if (Array.isArray(value)) return value.map((item) => redactAt(item, key));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactAt(v, k)]));
  }
  if (secretKey && (typeof value === 'number' || typeof value === 'bigint')) return MASK;
  return value;
}

/**
 * Every URL in the text with its password, Slack webhook path and credential parameters hidden:
 * `postgres://app:s3cret@db:5432/sms` → `postgres://app:***@db:5432/sms`,
 * `https://hooks.slack.com/services/T0/B0/x` → `https://hooks.slack.com/***`.
 * Works on a bare URL and on a message quoting one.
 */
export function redactUrl(text: string): string {
  return text.replace(URL_IN_TEXT, (_, scheme: string, rest: string) => scheme + redactAfterScheme(rest));
}

function redactAfterScheme(rest: string): string {
  // The last @ ends the user info: a password may itself hold @, / or ? (over-hiding is the safe way to be wrong).
  const at = rest.lastIndexOf('@');
  const colon = rest.indexOf(':');
  const userInfo = at >= 0 ? rest.slice(0, at + 1) : '';
  const hidden = at >= 0 && colon >= 0 && colon < at ? `${rest.slice(0, colon + 1)}${MASK}@` : userInfo;
  const afterUserInfo = rest.slice(userInfo.length);
  const hostEnd = afterUserInfo.search(/[/?#]/);
  const host = hostEnd < 0 ? afterUserInfo : afterUserInfo.slice(0, hostEnd);
  if (SLACK_HOOKS.test(host) && hostEnd >= 0) return `${hidden}${host}/${MASK}`;
  return (
    hidden +
    afterUserInfo.replace(PARAM, (param: string, separator: string, name: string) =>
      SECRET_PARAM_NAME.test(decodedName(name)) ? `${separator}${name}=${MASK}` : param,
    )
  );
}

/** A URL's user info without a colon: a user name given alone, often a token (`https://TOKEN@host`, `redis-sentinel://pass@h1,h2`). */
const LONE_USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s"'<>`:@/?#]+@/gi;

/**
 * A command line as `ps` may show it: every URL redacted as redactUrl does, and a user name given
 * alone hidden too. Undefined when nothing needed hiding.
 */
export function redactCommandLine(args: readonly string[]): string | undefined {
  const shown = args.map((arg) => redactUrl(arg).replace(LONE_USER_INFO, `$1${MASK}@`));
  return shown.some((arg, i) => arg !== args[i]) ? shown.join(' ') : undefined;
}

/** `pass%77ord` is `password` to the server that reads it. */
function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** A webhook URL as scheme and host only: `https://hooks.slack.com/***`; not a URL → `***`. */
export function redactWebhookUrl(url: string): string {
  if (!URL.canParse(url)) return MASK;
  const { protocol, host } = new URL(url);
  return `${protocol}//${host}/${MASK}`;
}
