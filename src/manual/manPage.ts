import { allCommands, type CommandNode, type OptionNode } from '../completion/commandNode.js';
import { ENVIRONMENT, FILES } from './environment.js';
import type { ExitCodesSection } from './readmeExitCodes.js';
import { bold, roffFromMarkdown, roffText } from './roff.js';

/** smsmon.1 in man(7) macros, written from the command tree, the README's exit codes and the environment list. */
export function manPage(root: CommandNode, version: string, exitCodes: ExitCodesSection): string {
  const commands = allCommands(root).slice(1);
  return [
    `.TH SMSMON 1 "" "smsmon ${roffText(version)}" "User Commands"`,
    // Option names and paths read badly broken or stretched: no hyphenation, ragged right.
    '.nh',
    '.ad l',
    '.SH NAME',
    `smsmon \\- ${roffText(lowerFirst(root.description))}`,
    '.SH SYNOPSIS',
    `${bold('smsmon')} ${roffText(root.usage)}`,
    '.br',
    ...commands
      .filter((node) => node.subcommands.length === 0)
      .flatMap((node) => [`${bold(['smsmon', ...node.path].join(' '))} ${roffText(node.usage)}`, '.br']),
    '.SH DESCRIPTION',
    roffText(root.description) + '.',
    'Each command below has its own',
    bold('--help') + ', with the same options and examples.',
    '.SH OPTIONS',
    'These are taken before or after the command; -h and --help also after every command.',
    ...root.options.flatMap(optionLines),
    '.SH COMMANDS',
    ...commands.flatMap(commandLines),
    '.SH EXAMPLES',
    ...helpTextLines(root.helpAfter),
    '.SH "EXIT STATUS"',
    ...exitCodes.rows.flatMap((row) => ['.TP', bold(row.code), roffFromMarkdown(row.meaning)]),
    ...exitCodes.notes.flatMap((note) => ['.PP', roffFromMarkdown(note)]),
    '.SH ENVIRONMENT',
    ...ENVIRONMENT.flatMap((entry) => ['.TP', bold(entry.name), roffText(entry.meaning)]),
    '.SH FILES',
    ...FILES.flatMap((entry) => ['.TP', `\\fI${roffText(entry.name)}\\fR`, roffText(entry.meaning)]),
    '.SH "SEE ALSO"',
    'The README of the smsmon package, for the log formats, metrics, alerts and the exporter.',
    '',
  ].join('\n');
}

function commandLines(node: CommandNode): string[] {
  return [
    `.SS "${roffText(['smsmon', ...node.path, node.usage].join(' ')).replaceAll('"', '\\(dq')}"`,
    roffText(node.description),
    ...node.operands.flatMap((operand) => [
      '.TP',
      `\\fI${roffText(operand.text)}\\fR`,
      roffText(operand.description),
    ]),
    // --help is everywhere; OPTIONS says so once.
    ...node.options.filter((option) => !option.names.includes('--help')).flatMap(optionLines),
    ...helpTextLines(node.helpAfter),
  ];
}

function optionLines(option: OptionNode): string[] {
  const [names, value] = splitFlags(option.flags);
  return ['.TP', `${bold(names)}${value ? ` \\fI${roffText(value)}\\fR` : ''}`, roffText(option.description)];
}

/** '-d, --dir <dir>' → ['-d, --dir', '<dir>']. */
function splitFlags(flags: string): [string, string] {
  const at = flags.search(/ [<[]/);
  return at === -1 ? [flags, ''] : [flags.slice(0, at), flags.slice(at + 1)];
}

/**
 * The help text after the options: indented lines (examples, tables) as written, the rest
 * filled into paragraphs; a line that starts a heading ("Examples:", "Exit:") starts a new one.
 */
function helpTextLines(text: string): string[] {
  const out: string[] = [];
  let verbatim = false;
  for (const line of text.replace(/\n+$/, '').split('\n')) {
    const indented = /^\s/.test(line);
    if (indented !== verbatim) {
      out.push(indented ? '.nf' : '.fi');
      verbatim = indented;
    }
    if (line.trim() === '') out.push(verbatim ? '' : '.PP');
    else if (!indented && /^[A-Z][\w ]*:/.test(line)) out.push('.PP', roffText(line));
    else out.push(...(indented ? fitExample(line) : [line]).map(roffText));
  }
  if (verbatim) out.push('.fi');
  return out;
}

/** The page is indented 7 columns: an example's comment too long for 80 goes on the next line. */
const EXAMPLE_WIDTH = 73;

function fitExample(line: string): string[] {
  const comment = /^(\s*\$ .*?)\s+(# .*)$/.exec(line);
  if (!comment || line.length <= EXAMPLE_WIDTH) return [line];
  const indent = /^\s*/.exec(line)![0];
  return [comment[1]!, `${indent}    ${comment[2]}`];
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
