import {
  Kind,
  LEVEL_N,
  HEADER_LEVEL_BYTES,
  NOT_HEADER,
  UNSURE,
  isAsctime,
  type ByteMatch,
  type Step,
  type ValidTime,
} from './headerSteps.js';

/**
 * For a format whose steps never backtrack (every step possessive, as in the guide's formats),
 * its header matcher as straight-line JavaScript written for that format: the same answers as
 * the step interpreter (stepHeader.ts), without its loop, switch and step loads, which the
 * byte-scanning readers would pay on every line they ask about.
 * The generated source holds fixed code and the format's byte values only, never its text.
 * Null when a step may have to give bytes back (the interpreter does that), or where code
 * generation is disallowed.
 */
export function straightMatch(steps: readonly Step[], validTime: ValidTime): ByteMatch | null {
  if (!steps.every((step) => step.possessive)) return null;
  const body = steps.map(stepSource).join('\n');
  const source = `return function matchHeader(b, p) {\nlet e = 0;\nlet c = 0;\n${body}\nreturn p;\n};`;
  let factory = FACTORIES.get(source);
  if (!factory) {
    try {
      factory = new Function('isAsctime', 'validTime', source) as MatcherFactory;
    } catch {
      return null; // node --disallow-code-generation-from-strings: the interpreter does it
    }
    FACTORIES.set(source, factory);
  }
  return factory(isAsctime, validTime);
}

type MatcherFactory = (asctime: typeof isAsctime, time: ValidTime) => ByteMatch;
/**
 * One factory per distinct source: every file's matcher is then the same function to V8, so the
 * code it optimised on the first file serves the next (a new Function per file started cold).
 */
const FACTORIES = new Map<string, MatcherFactory>();

const NO = `return ${NOT_HEADER};`;
const DIGIT = 'c >= 0x30 && c <= 0x39';

/** One step's code: advances `p` past what it matches or returns. */
function stepSource(step: Step): string {
  switch (step.kind) {
    case Kind.Literal:
      return step.bytes.length === 0
        ? ''
        : `if (${bytesAt(step.bytes)}) p += ${step.bytes.length}; else ${NO}`;
    case Kind.Asctime:
      return `if (!isAsctime(b, p)${step.validate ? ' || !validTime(b, p)' : ''}) ${NO}\np += 23;`;
    case Kind.Level: {
      // The first name that matches, in HEADER_LEVEL_BYTES order (WARNING before WARN), as levelNameAt.
      const names = HEADER_LEVEL_BYTES.map((name) => `if (${bytesAt(name)}) p += ${name.length};`);
      const custom = `if (${bytesAt(LEVEL_N)}) { p += ${LEVEL_N.length}; ${run(DIGIT)} }`;
      return [...names, custom].join('\nelse ') + `\nelse ${NO}`;
    }
    case Kind.Digits:
      return run(DIGIT);
    case Kind.Name:
      // [^\s"]+ on ASCII; a byte past it may be U+00A0 or U+2028 (\s): the regex decides.
      return `e = p;
for (;;) {
  c = b[e];
  if (c === undefined || c === 0x20 || c === 0x22 || (c >= 0x09 && c <= 0x0d)) break;
  if (c >= 0x80) return ${UNSURE};
  e++;
}
if (e === p) ${NO}
p = e;`;
    case Kind.Spaces:
      return 'while (b[p] === 0x20) p++;';
  }
}

/** `bytes` at p, byte by byte. */
function bytesAt(bytes: Uint8Array): string {
  return [...bytes].map((byte, k) => `b[p + ${k}] === ${byte}`).join(' && ');
}

/** One or more bytes passing `test` (on `c`), greedily. */
function run(test: string): string {
  return `e = p;\nfor (c = b[e]; ${test}; c = b[++e]);\nif (e === p) ${NO}\np = e;`;
}
