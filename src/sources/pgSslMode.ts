/**
 * node-postgres 8 treats sslmode=prefer, require and verify-ca as verify-full (certificate and host
 * name checked) and says so in a ten-line warning on stderr, once per process. The URL handed to
 * pg names verify-full itself — the same behaviour, no warning — and the caller gets one line.
 */

const ALIAS = /([?&])sslmode=(prefer|require|verify-ca)(?=[&#]|$)/i;
const LIBPQ_COMPAT = /[?&]uselibpqcompat=true(?=[&#]|$)/i;

export interface PgConnectionString {
  /** What to give pg. */
  readonly url: string;
  /** One line when sslmode was an alias; undefined otherwise. */
  readonly note: string | undefined;
}

export function pgConnectionString(url: string): PgConnectionString {
  const alias = ALIAS.exec(url);
  if (!alias || LIBPQ_COMPAT.test(url)) return { url, note: undefined };
  const mode = alias[2]!.toLowerCase();
  return {
    url: url.replace(ALIAS, '$1sslmode=verify-full'),
    note:
      `sslmode=${mode} is verify-full in node-postgres 8 (certificate and host name checked); ` +
      `write sslmode=verify-full to keep that, or uselibpqcompat=true&sslmode=${mode} for libpq's meaning`,
  };
}
