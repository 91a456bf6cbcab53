// Writes the manual page dist/man/smsmon.1 from the commander definitions (after tsc has built
// dist/src), the README's exit codes and the environment list: `man ./dist/man/smsmon.1`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildProgram } from '../dist/src/commands/program.js';
import { commandTree } from '../dist/src/commands/commandTree.js';
import { manPage } from '../dist/src/manual/manPage.js';
import { readmeExitCodes } from '../dist/src/manual/readmeExitCodes.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const page = manPage(commandTree(buildProgram(version)), version, readmeExitCodes(readme));
mkdirSync('dist/man', { recursive: true });
writeFileSync('dist/man/smsmon.1', page);
