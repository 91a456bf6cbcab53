/**
 * What a mask's pattern cannot match without: a message without it skips that regex (most have
 * no '@', '://' or quote). Masks only ever remove such characters, so the test holds at every step.
 */
type Needs = RegExp;
const DIGIT: Needs = /\d/;

/**
 * Masks the variable parts of a message so that the same statement with other ids, numbers or
 * addresses is one template: `Task process_sms[9f0c…] failed for user_id=41 after 3 retries` →
 * `Task process_sms[<uuid>] failed for user_id=<n> after <n> retries`. Order matters: the more
 * specific shapes go first, so a UUID is not read as hex and numbers.
 */
const MASKS: ReadonlyArray<readonly [RegExp, string, Needs]> = [
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>', /-/],
  [/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, '<email>', /@/],
  [/\bhttps?:\/\/[^\s"'<>]+/g, '<url>', /:\/\//],
  [/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, '<ip>', /\./],
  [/(?:\b|(?<=\s|^))\+?\d[\d\s().-]{8,}\d\b/g, '<phone>', DIGIT],
  [/'[^'\n]*'|"[^"\n]*"/g, '<quoted>', /['"]/],
  [/\b0x[0-9a-f]+\b|\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{4,}\b/gi, '<hex>', DIGIT],
  [/\b\d+(?:\.\d+)?\s?(?:ms|us|µs|s|sec|secs|seconds|min|minutes|h|hours)\b/g, '<duration>', DIGIT],
  [/[-+]?\b\d+(?:[.,]\d+)*\b/g, '<n>', DIGIT],
];

/** Longest template kept: a pasted document in a message must not make a key of megabytes. */
const MAX_TEMPLATE_CHARS = 200;

export function messageTemplate(message: string): string {
  const newline = message.indexOf('\n');
  let text = newline === -1 ? message : message.slice(0, newline);
  for (const [pattern, mask, needs] of MASKS) if (needs.test(text)) text = text.replace(pattern, mask);
  text = text.trim();
  return text.length > MAX_TEMPLATE_CHARS ? text.slice(0, MAX_TEMPLATE_CHARS) + '…' : text;
}
