/** Shorter tokens are words too often to judge by their letters alone. */
export const MIN_RANDOM_LETTERS = 8;

const ONLY_LETTERS = /^[A-Za-z_-]+$/;
/**
 * `ab3-vpcjI`, `x9_Kq-tR`: letters and digits joined by `-` or `_`, an id however its parts look
 * (a letter beyond `f`: hex groups are UUIDs and hex ids, masked as such).
 */
const JOINED_ID = /^(?=.*[g-zG-Z])(?=.*\d)(?=.*[-_])[A-Za-z0-9_-]+$/;
/** camelCase humps: an acronym (`XML` of `XMLHttp`), a capitalised or lower-case word, a lone capital. */
const HUMP = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[A-Z]/g;
const VOWEL = /[aeiouy]/i;
const BOTH_CASES = /[a-z].*[A-Z]|[A-Z].*[a-z]/;
/** `EnKe-EdAo`: a case switch inside one part of a `-`/`_` joined token (`Content-Type` has none). */
const INNER_SWITCH = /[a-z][A-Z]/;

/**
 * A token of letters in both cases (and `-`, `_`) that no identifier spells: random ids without a
 * digit (`nIeviyLMoSaH`, a 12-character `token_urlsafe`). Identifiers split into humps that read
 * as words (`getUserById`, `XMLHttpRequest`, `IsADirectoryError`); random letters give humps with
 * no vowel, lone lower-case letters and several acronyms (randomLetters.test.ts holds both sides).
 */
export function isRandomLetters(token: string): boolean {
  if (token.length < MIN_RANDOM_LETTERS) return false;
  if (!ONLY_LETTERS.test(token)) return JOINED_ID.test(token);
  if (!BOTH_CASES.test(token)) return false;
  const parts = token.split(/[-_]/).filter(Boolean);
  if (parts.length !== 1 || parts[0]!.length !== token.length)
    if (parts.some((part) => INNER_SWITCH.test(part))) return true;
  let odd = 0;
  let acronyms = 0;
  for (const part of parts)
    for (const hump of part.match(HUMP) ?? []) {
      if (hump === hump.toUpperCase()) {
        if (hump.length > 5 || ++acronyms > 1) odd++;
      } else if (hump.length === 1 || !VOWEL.test(hump)) odd++;
    }
  return odd >= 2;
}
