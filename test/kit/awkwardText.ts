/** Strings JSON.stringify escapes or encodes in unusual ways, short and long (two paths). */
export const AWKWARD_STRINGS: readonly string[] = (() => {
  const pieces = [
    '',
    'plain',
    'she said "hi"',
    'back\\slash \\\\ \\"',
    'tab\there\nnew\rline\b\f',
    '\x00\x01\x1b[31m\x1f\x7f',
    '\x80\x9b\u00a0é ÿ',
    '\u2028\u2029 line separators',
    '\u061c\u200e\u202e\u2066 bidi',
    '✅ ☃ 中文',
    '😀 non-BMP 𝄞',
    'lone high \ud800 end',
    'lone low \udc00 end',
    '\udbff',
    '\udfff\ud800',
    'pair split \ud83d',
    '\ud83d\ude00\ud83d',
  ];
  return [...pieces, ...pieces.map((p) => `${p} ${'x'.repeat(40)} ${p}`), pieces.join('')];
})();
