// Nanoseconds per message of messageTemplate (the `module: template` error type), on 200,000
// messages: the generated corpus's (test/kit, every level) and statements in other wording
// (test/kit/foreignStatements.ts), plus the groups each gives. Needs `npm run build` and
// `npm run build:test` (the generators are test kits, built into dist-test/ only).
//   node bench/message-template.mjs                      # the built dist/
//   node bench/message-template.mjs old/messageTemplate.js dist/src/operators/messageTemplate.js
// Each module path is timed in turn (a copy of an older build compares before/after).
import { Buffer } from 'node:buffer';
import { pathToFileURL, URL } from 'node:url';

const dist = (path) => new URL(`../dist/src/${path}`, import.meta.url).href;
const kit = (path) => new URL(`../dist-test/test/kit/${path}`, import.meta.url).href;
const { eventSource } = await import(kit('messages.js'));
const { FOREIGN_STATEMENTS, foreignMessages } = await import(kit('foreignStatements.js'));
const { Random } = await import(kit('random.js'));

const MESSAGES = 100_000;
const RUNS = 9;

// Decoded from bytes as the scan decodes them: a flat string, not the generator's concatenation.
const flat = (message) => Buffer.from(message).toString();

function corpusMessages() {
  const next = eventSource(true);
  const random = new Random(7);
  return Array.from({ length: MESSAGES }, () => flat(next(random).message));
}

const sets = {
  'fixture corpus': { messages: corpusMessages(), statements: null },
  'foreign statements': {
    messages: foreignMessages(7, Math.ceil(MESSAGES / FOREIGN_STATEMENTS.length)).map((m) => flat(m.message)),
    statements: FOREIGN_STATEMENTS.length,
  },
};

/** CPU time, not wall time: another process on the machine then costs less of the measure. */
function time(template, messages) {
  const start = process.cpuUsage();
  let length = 0;
  for (const message of messages) length += template(message).length;
  const { user, system } = process.cpuUsage(start);
  return { ns: ((user + system) * 1e3) / messages.length, length };
}

const paths = process.argv.slice(2);
const urls =
  paths.length > 0 ? paths.map((path) => pathToFileURL(path).href) : [dist('operators/messageTemplate.js')];
const modules = [];
for (const [i, url] of urls.entries())
  modules.push({ name: paths[i] ?? 'dist', template: (await import(url)).messageTemplate });

// Runs alternate between the modules, so a busy moment of the machine hits them alike.
console.log(`| module | messages | ns/message, min / median of ${RUNS} (CPU time) | groups |`);
console.log('|---|---|---|---|');
for (const [name, { messages, statements }] of Object.entries(sets)) {
  const runs = modules.map(() => []);
  for (const { template } of modules) time(template, messages); // warm-up: let V8 optimise first
  for (let run = 0; run < RUNS; run++)
    modules.forEach(({ template }, i) => runs[i].push(time(template, messages).ns));
  modules.forEach(({ name: module, template }, i) => {
    const sorted = runs[i].sort((a, b) => a - b);
    const groups = new Set(messages.map(template)).size;
    const of = statements === null ? '' : ` of ${statements} statements`;
    console.log(
      `| ${module} | ${name} | ${sorted[0].toFixed(0)} / ${sorted[RUNS >> 1].toFixed(0)} | ${groups}${of} |`,
    );
  });
}
