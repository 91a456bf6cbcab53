/**
 * The two forms a sample takes in a metric's sorted set.
 *
 * smsmon's: score = the time in ms, member `<time>:<value>` (equal values never collide).
 * The guide's original: MonitoringGuide's `store_metrics` calls redis-py's `zadd(key, {timestamp: value})`,
 * whose mapping is {member: score}: member = the time in epoch seconds, score = the value.
 */
export type MemberForm = 'smsmon' | 'guide-original';

export interface MemberSample {
  readonly timestamp: number;
  readonly value: number;
}

/** The member smsmon writes for a sample; String(value) round-trips through Number. */
export function smsmonMember(timestamp: number, value: number): string {
  return `${timestamp}:${String(value)}`;
}

/** `1718000000000:42.5` → { timestamp: 1718000000000, value: 42.5 }; null if it is not that. */
export function smsmonSample(member: string): MemberSample | null {
  const colon = member.indexOf(':');
  if (colon <= 0) return null;
  const timestamp = Number(member.slice(0, colon));
  const valueText = member.slice(colon + 1);
  const value = Number(valueText);
  if (!Number.isFinite(timestamp) || valueText.trim() === '' || !Number.isFinite(value)) return null;
  return { timestamp, value };
}

/** Python's str(int) or repr(float) of a time in seconds. */
const EPOCH_SECONDS = /^\d+(?:\.\d+)?$/;
/** 2000-01-01 … 2100-01-01: a member outside is not taken for a time (ms times are far above). */
const PLAUSIBLE_SECONDS = { min: 946_684_800, max: 4_102_444_800 } as const;

/** Member `1733220000` (or `1733220000.25`) with score 42.5 → { timestamp: 1733220000000, value: 42.5 }. */
export function guideOriginalSample(member: string, score: string): MemberSample | null {
  if (!EPOCH_SECONDS.test(member)) return null;
  const seconds = Number(member);
  if (seconds < PLAUSIBLE_SECONDS.min || seconds >= PLAUSIBLE_SECONDS.max) return null;
  const value = Number(score);
  if (score.trim() === '' || !Number.isFinite(value)) return null;
  return { timestamp: Math.round(seconds * 1000), value };
}

/** Either form, smsmon's first (its members always hold a colon, the guide's never). */
export function memberSample(
  member: string,
  score: string,
): (MemberSample & { readonly form: MemberForm }) | null {
  const own = smsmonSample(member);
  if (own) return { ...own, form: 'smsmon' };
  const guide = guideOriginalSample(member, score);
  return guide && { ...guide, form: 'guide-original' };
}

/** Why a member was not read, for messages that name the key. */
export const UNREADABLE_MEMBER =
  'neither "<time ms>:<value>" (smsmon) nor epoch seconds with the value as score (the guide)';
