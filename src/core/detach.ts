/**
 * A copy of a string that does not keep its source alive. V8 makes substrings (split, slice,
 * regex captures) views into the string they came from, so a 20-character timestamp kept from a
 * record can pin the whole megabyte chunk it was decoded from. Anything an operator keeps for
 * the length of a scan (group samples, slowest records) goes through here.
 */
export function detach(text: string): string {
  return text.length === 0 ? '' : (' ' + text).slice(1);
}
