/** Epoch ms that toISOString writes as YYYY-MM-DDTHH:mm:ss.sssZ (years 0000 to 9999). */
const LAST_FOUR_DIGIT_YEAR_MS = 253402300799999;
const DAY_MS = 86400000;

/**
 * Writes new Date(time).toISOString() as bytes, without a Date or a string: the date from the
 * day number by the civil-from-days algorithm (days since 0000-03-01, in 400-year eras). Times
 * before 1970 or past year 9999 (and non-integers) go through Date, which formats them its way.
 */
export function isoTimeBytes(bytes: Buffer, at: number, time: number): number {
  if (!(Number.isInteger(time) && time >= 0 && time <= LAST_FOUR_DIGIT_YEAR_MS))
    return at + bytes.write(new Date(time).toISOString(), at, 'latin1');
  const days = Math.floor(time / DAY_MS);
  let ms = time - days * DAY_MS;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(ms / 3600000);
  ms -= hour * 3600000;
  const minute = Math.floor(ms / 60000);
  ms -= minute * 60000;
  const second = Math.floor(ms / 1000);
  ms -= second * 1000;
  let p = digits(bytes, at, year, 4);
  bytes[p++] = 0x2d; // -
  p = digits(bytes, p, month, 2);
  bytes[p++] = 0x2d;
  p = digits(bytes, p, day, 2);
  bytes[p++] = 0x54; // T
  p = digits(bytes, p, hour, 2);
  bytes[p++] = 0x3a; // :
  p = digits(bytes, p, minute, 2);
  bytes[p++] = 0x3a;
  p = digits(bytes, p, second, 2);
  bytes[p++] = 0x2e; // .
  p = digits(bytes, p, ms, 3);
  bytes[p++] = 0x5a; // Z
  return p;
}

/** `value` in exactly `width` decimal digits, zero-padded. */
function digits(bytes: Buffer, at: number, value: number, width: number): number {
  let rest = value;
  for (let p = at + width - 1; p >= at; p--) {
    const next = Math.floor(rest / 10);
    bytes[p] = 0x30 + (rest - next * 10);
    rest = next;
  }
  return at + width;
}
