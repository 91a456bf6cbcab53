import { ASCTIME_PATTERN } from '../core/asctime.js';
import { UsageError } from '../core/errors.js';
import { HEADER_LEVEL_NAMES, UNNAMED_LEVEL_PREFIX } from '../core/record.js';

/** A Python logging format string compiled into a header matcher. */
export interface CompiledFormat {
  source: string;
  /** Matches the start of a record's first line: everything before %(message)s. */
  header: RegExp;
  /** Attribute name of each capture group of `header`, in order. */
  groups: readonly string[];
  /** Literal text after %(message)s ('' for most formats, '"}' for the json formatter). */
  suffix: string;
  /** The message sits inside a JSON string literal that Python never escapes. */
  jsonQuotedMessage: boolean;
  /**
   * The exact text a header line of a given level starts with, when the format begins with an
   * unpadded levelname ('ERROR ' for the verbose format): lets a scan find candidate records with
   * a byte search before decoding anything. Null when the format does not allow it.
   */
  levelLinePrefix: ((level: string) => string) | null;
  /** Capture group of each standard attribute (0: not in the format), resolved once. */
  slots: Readonly<Record<StandardAttribute, number>>;
  /** Other attributes (name, funcName, …) and their capture groups. */
  extraGroups: ReadonlyArray<readonly [string, number]>;
  /**
   * What `header` is made of, in order (literals and attributes), for matchers that work on
   * bytes; null when the format has no %(message)s (the header is the whole line).
   */
  headerPieces: readonly HeaderPiece[] | null;
}

const STANDARD_ATTRIBUTES = ['asctime', 'levelname', 'module', 'process', 'thread'] as const;
type StandardAttribute = (typeof STANDARD_ATTRIBUTES)[number];

export const LEVEL_PATTERN = String.raw`(?:${HEADER_LEVEL_NAMES.join('|')}|${UNNAMED_LEVEL_PREFIX}\d+)`;

/** What each LogRecord attribute can look like; anything unknown matches lazily. */
const ATTRIBUTE_PATTERNS: Readonly<Record<string, string>> = {
  asctime: ASCTIME_PATTERN,
  levelname: LEVEL_PATTERN,
  levelno: String.raw`\d+`,
  process: String.raw`\d+`,
  thread: String.raw`\d+`,
  lineno: String.raw`\d+`,
  msecs: String.raw`\d+(?:\.\d+)?`,
  created: String.raw`\d+(?:\.\d+)?`,
  relativeCreated: String.raw`\d+(?:\.\d+)?`,
  module: String.raw`[^\s"]+`,
  name: String.raw`[^\s"]+`,
  funcName: String.raw`[^\s"]+`,
  filename: String.raw`[^\s"]+`,
  pathname: String.raw`[^\s"]+`,
  taskName: String.raw`[^\s"]+`,
  threadName: '.+?',
  processName: '.+?',
};

/** The regex source an attribute's header group matches ('.*?' when unknown). */
export function attributePattern(attribute: string): string {
  return ATTRIBUTE_PATTERNS[attribute] ?? '.*?';
}

export interface HeaderPiece {
  literal?: string;
  attribute?: string;
  /** A width was given (%(levelname)-8s, {levelname:<8}): Python pads with spaces. */
  padded?: boolean;
}

/**
 * Compiles a `%`-style, `{`-style or `$`-style Python logging format into a parser.
 * The style is detected from the placeholders, like logging.Formatter's `style` argument.
 */
export function compilePythonFormat(format: string): CompiledFormat {
  const pieces = tokenize(format);
  const messageAt = pieces.findIndex((p) => p.attribute === 'message');
  const before = messageAt === -1 ? pieces : pieces.slice(0, messageAt);
  const after = messageAt === -1 ? [] : pieces.slice(messageAt + 1);
  if (after.some((p) => p.attribute !== undefined)) {
    throw new UsageError(`bad --format "${format}": only literal text may follow the message placeholder`);
  }
  if (!before.some((p) => p.attribute !== undefined)) {
    throw new UsageError(
      `bad --format "${format}": no placeholder before the message, nothing marks a new record`,
    );
  }
  const groups: string[] = [];
  let source = '^';
  for (const piece of before) {
    if (piece.literal !== undefined) {
      source += escapeRegExp(piece.literal);
      continue;
    }
    const attribute = piece.attribute!;
    groups.push(attribute);
    const body = `(${attributePattern(attribute)})`;
    source += piece.padded ? ` *${body} *` : body;
  }
  if (messageAt === -1) source += '$';
  const suffix = after.map((p) => p.literal).join('');
  const lastLiteral = before.at(-1)?.literal ?? '';
  return {
    source: format,
    header: new RegExp(source),
    groups,
    suffix,
    jsonQuotedMessage: lastLiteral.endsWith('"') && suffix.startsWith('"'),
    levelLinePrefix: levelLinePrefixOf(before),
    headerPieces: messageAt === -1 ? null : before,
    slots: Object.fromEntries(STANDARD_ATTRIBUTES.map((name) => [name, groups.indexOf(name) + 1])) as Record<
      StandardAttribute,
      number
    >,
    extraGroups: groups
      .map((name, i) => [name, i + 1] as const)
      .filter(
        ([name], i) =>
          !(STANDARD_ATTRIBUTES as readonly string[]).includes(name) && groups.indexOf(name) === i,
      ),
  };
}

function levelLinePrefixOf(before: HeaderPiece[]): CompiledFormat['levelLinePrefix'] {
  const levelAt = before.findIndex((p) => p.attribute !== undefined);
  const level = before[levelAt];
  if (level?.attribute !== 'levelname' || level.padded) return null;
  const leading = levelAt === 1 ? before[0]!.literal! : '';
  const following = before[levelAt + 1]?.literal;
  // Without a literal after the level, 'WARN' would also find 'WARNING' lines.
  if (!following) return null;
  return (name) => leading + name + following;
}

function tokenize(format: string): HeaderPiece[] {
  if (/%\([A-Za-z_]\w*\)/.test(format)) return tokenizePercent(format);
  if (/(?<!\$)\{[A-Za-z_]\w*(?:[:!][^}]*)?\}/.test(format)) return tokenizeBrace(format);
  if (/\$\{?[A-Za-z_]/.test(format)) return tokenizeDollar(format);
  throw new UsageError(
    `bad --format "${format}": no placeholders found; expected e.g. '%(asctime)s %(levelname)s %(message)s'`,
  );
}

function tokenizePercent(format: string): HeaderPiece[] {
  const pieces: HeaderPiece[] = [];
  const placeholder = /%\(([A-Za-z_]\w*)\)([#0 +-]*)(\d*)(?:\.\d+)?[diouxXeEfFgGcrsa]|%%/g;
  let last = 0;
  for (const m of format.matchAll(placeholder)) {
    pushLiteral(pieces, format.slice(last, m.index));
    if (m[0] === '%%') pushLiteral(pieces, '%');
    else pieces.push({ attribute: m[1]!, padded: m[3] !== '' && !m[2]!.includes('0') });
    last = m.index + m[0].length;
  }
  pushLiteral(pieces, format.slice(last));
  return pieces;
}

function tokenizeBrace(format: string): HeaderPiece[] {
  const pieces: HeaderPiece[] = [];
  const placeholder = /\{\{|\}\}|\{([A-Za-z_]\w*)(?:![rsa])?(?::([^}]*))?\}/g;
  let last = 0;
  for (const m of format.matchAll(placeholder)) {
    pushLiteral(pieces, format.slice(last, m.index));
    if (m[0] === '{{' || m[0] === '}}') pushLiteral(pieces, m[0][0]!);
    else {
      const spec = m[2] ?? '';
      pieces.push({ attribute: m[1]!, padded: /^(?:.?[<>^=])?[+ -]?#?[1-9]/.test(spec) });
    }
    last = m.index + m[0].length;
  }
  pushLiteral(pieces, format.slice(last));
  return pieces;
}

function tokenizeDollar(format: string): HeaderPiece[] {
  const pieces: HeaderPiece[] = [];
  const placeholder = /\$\$|\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g;
  let last = 0;
  for (const m of format.matchAll(placeholder)) {
    pushLiteral(pieces, format.slice(last, m.index));
    if (m[0] === '$$') pushLiteral(pieces, '$');
    else pieces.push({ attribute: (m[1] ?? m[2])! });
    last = m.index + m[0].length;
  }
  pushLiteral(pieces, format.slice(last));
  return pieces;
}

function pushLiteral(pieces: HeaderPiece[], text: string): void {
  if (text === '') return;
  const previous = pieces.at(-1);
  if (previous?.literal !== undefined) previous.literal += text;
  else pieces.push({ literal: text });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
