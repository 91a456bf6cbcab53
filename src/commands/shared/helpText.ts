import { Help, type AddHelpTextContext, type Command } from 'commander';

/** Commander's own width when the help goes to a pipe or a terminal that reports none. */
const DEFAULT_HELP_WIDTH = 80;
/** A wrapped line of an example or a list goes under its own text, this much further in. */
const HANGING_INDENT = 2;

/**
 * Help text for after the options, wrapped to the width commander wraps the options to (the
 * terminal's, 80 in a pipe), so the source may break lines anywhere: see reflow().
 */
export function reflowed(text: string): (context: AddHelpTextContext) => string {
  return ({ command, error }) => reflow(text, helpWidthOf(command, error));
}

function helpWidthOf(command: Command, error: boolean): number {
  const output = command.configureOutput();
  const width = (error ? output.getErrHelpWidth : output.getOutHelpWidth)?.();
  return width !== undefined && width > 0 ? width : DEFAULT_HELP_WIDTH;
}

/**
 * A line of prose runs on into the next unless it ends a sentence or introduces something (`.`,
 * `:`), and the paragraph is wrapped to `width`. Indented lines (examples, lists) and blank lines
 * keep their breaks; examples too wide for `width` get their comments aligned closer, else put on a
 * line of their own above the command; any other long line is wrapped under its own text.
 */
export function reflow(text: string, width: number): string {
  const help = new Help();
  const out: string[] = [];
  let prose = '';
  let examples: Example[] = [];
  const flush = () => {
    if (prose) out.push(help.boxWrap(prose, width));
    if (examples.length > 0) out.push(...examplesIn(help, examples, width));
    prose = '';
    examples = [];
  };
  for (const line of text.split('\n')) {
    const example = EXAMPLE.exec(line);
    if (example) {
      if (prose) flush();
      examples.push({ line, indent: example[1]!, command: example[2]!, comment: example[3] });
      continue;
    }
    const indent = /^\s*/.exec(line)![0].length;
    if (indent > 0 || line === '') {
      flush();
      out.push(indent > 0 ? hanging(help, line, indent, width) : line);
      continue;
    }
    if (examples.length > 0) flush();
    prose = prose ? `${prose} ${line.trim()}` : line.trim();
    if (/[.:]$/.test(prose)) flush();
  }
  flush();
  return out.join('\n');
}

/** `  $ smsmon errors count   # what it does`. */
const EXAMPLE = /^(\s+)(\$ .*?)(?:\s{2,}(# .*))?$/;
/** Between a command and its comment, when they are aligned anew. */
const COMMENT_GAP = 3;

interface Example {
  line: string;
  indent: string;
  command: string;
  comment: string | undefined;
}

function examplesIn(help: Help, examples: readonly Example[], width: number): string[] {
  const fits = (lines: readonly string[]) => lines.every((line) => help.displayWidth(line) <= width);
  const asWritten = examples.map(({ line }) => line);
  if (fits(asWritten)) return asWritten;
  const column = Math.max(
    ...examples.filter((e) => e.comment).map((e) => e.indent.length + e.command.length),
  );
  const aligned = examples.map(({ indent, command, comment }) =>
    comment === undefined ? indent + command : `${(indent + command).padEnd(column + COMMENT_GAP)}${comment}`,
  );
  if (fits(aligned)) return aligned;
  return examples.flatMap(({ indent, command, comment }) => [
    ...(comment === undefined ? [] : [hanging(help, indent + comment, indent.length, width)]),
    hanging(help, indent + command, indent.length, width),
  ]);
}
function hanging(help: Help, line: string, indent: number, width: number): string {
  if (help.displayWidth(line) <= width) return line;
  const under = ' '.repeat(indent + HANGING_INDENT);
  return help
    .boxWrap(line.trimStart(), width - indent - HANGING_INDENT)
    .split('\n')
    .map((part, i) => (i === 0 ? ' '.repeat(indent) : under) + part)
    .join('\n');
}
