import { MAX_KEY_CHARS, capKey } from '../core/recordLimits.js';

/** Numbers, ids and values share a mask: a short hex id can be all digits, a number slot `None`. */
export const VALUE = '<*>';

function isJoiner(code: number): boolean {
  return code === 0x2d || code === 0x2e || code === 0x3a;
}

/** The template of one line so far: the text between masks is copied when the next mask is written. */
export class TemplateWriter {
  out = '';
  copied = 0;
  /** The last mask written, when nothing has been copied after it. */
  private last = '';
  constructor(readonly text: string) {}

  /** Whether the template has reached its length at `at` in the line (later text is cut anyway). */
  full(at: number): boolean {
    return this.out.length + at - this.copied > MAX_KEY_CHARS;
  }

  /** Writes `mask` for [start, end); returns end. */
  mask(start: number, end: number, mask: string): number {
    // `8f3a-1234`, `1.2.3`, `00:1a:2b`: values joined by punctuation are one value.
    const joined = start === this.copied + 1 && this.last === VALUE && mask === VALUE;
    if (!joined || !isJoiner(this.text.charCodeAt(this.copied))) {
      this.out += this.text.slice(this.copied, start) + mask;
      this.last = mask;
    }
    this.copied = end;
    return end;
  }

  finish(): string {
    const text = this.out + this.text.slice(this.copied);
    return capKey(text);
  }
}
