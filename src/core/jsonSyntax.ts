/**
 * Where JSON text first goes wrong, for a config error that points at a line and column.
 * JSON.parse says neither in every case on Node 20, and its message quotes the text, which may hold
 * a password; this scanner only runs after JSON.parse has failed.
 */
export interface JsonSyntaxError {
  readonly line: number;
  readonly column: number;
  readonly problem: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrtu';

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.document();
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxAt)) return undefined; // e.g. nesting too deep to scan
    return { ...lineAndColumn(text, error.offset), problem: error.problem };
  }
}

class SyntaxAt {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {}
}

class Scanner {
  private i = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.space();
    if (this.i < this.text.length) this.fail('unexpected text after the end');
  }

  private value(): void {
    this.space();
    const c = this.text[this.i];
    if (c === '{') return this.container('}', () => this.member());
    if (c === '[') return this.container(']', () => this.value());
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const literal of ['true', 'false', 'null']) {
      if (this.text.startsWith(literal, this.i)) {
        this.i += literal.length;
        return;
      }
    }
    this.fail(c === undefined ? 'unexpected end of file' : `unexpected ${show(c)}`);
  }

  private container(close: string, item: () => void): void {
    this.i++;
    this.space();
    if (this.text[this.i] === close) {
      this.i++;
      return;
    }
    for (;;) {
      item();
      this.space();
      const c = this.text[this.i];
      if (c === close) {
        this.i++;
        return;
      }
      if (c !== ',') this.fail(`expected ',' or '${close}'`);
      this.i++;
      this.space();
      if (this.text[this.i] === close) this.fail(`a comma before '${close}' (JSON allows none)`);
    }
  }

  private member(): void {
    this.space();
    if (this.text[this.i] !== '"') this.fail('expected a key in double quotes');
    this.string();
    this.space();
    if (this.text[this.i] !== ':') this.fail("expected ':' after the key");
    this.i++;
    this.value();
  }

  private string(): void {
    this.i++;
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined) this.fail('a string that never ends');
      else if (c === '"') break;
      else if (c < ' ') this.fail('a control character in a string (write \\n, \\t)');
      else if (c === '\\') {
        const escaped = this.text[this.i + 1];
        if (escaped === undefined || !ESCAPES.includes(escaped)) this.fail('a bad escape in a string');
        if (escaped === 'u' && !/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) {
          this.fail('a bad \\u escape in a string');
        }
        this.i += escaped === 'u' ? 5 : 1;
      }
      this.i++;
    }
    this.i++;
  }

  private number(): void {
    NUMBER.lastIndex = this.i;
    if (!NUMBER.exec(this.text)) this.fail('a bad number');
    this.i = NUMBER.lastIndex;
  }

  private space(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i]!)) this.i++;
  }

  private fail(problem: string): never {
    throw new SyntaxAt(this.i, problem);
  }
}

function show(c: string): string {
  return c >= ' ' && c !== '\x7f' ? `'${c}'` : `character U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastNewline };
}
