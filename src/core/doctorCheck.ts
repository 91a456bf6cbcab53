/** One line of `smsmon doctor`: a check of the guide's production checklist and its verdict. */
export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface CheckResult {
  /** Stable name: "logs-dir", "rotation:app", "redis", … */
  readonly name: string;
  readonly status: CheckStatus;
  /** What was found, one line. */
  readonly detail: string;
  /** What to do about it, one line; empty when it passed. */
  readonly hint: string;
  /** Lines shown under the hint: a list, a snippet to paste. */
  readonly more?: readonly string[];
}

export const pass = (name: string, detail: string): CheckResult => ({
  name,
  status: 'pass',
  detail,
  hint: '',
});
export const warn = (name: string, detail: string, hint: string): CheckResult => ({
  name,
  status: 'warn',
  detail,
  hint,
});
export const fail = (name: string, detail: string, hint: string): CheckResult => ({
  name,
  status: 'fail',
  detail,
  hint,
});
