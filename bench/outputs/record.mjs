// Runs the case table against one smsmon binary and stores each case as a text file: the command,
// the exit code, stdout, stderr (and a --textfile's content). Paths that differ between runs (the
// corpora root, the scratch directory) are replaced by $CORPORA and $SCRATCH, byte for byte.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Buffer } from 'node:buffer';
import { clearTimeout, setTimeout } from 'node:timers';
import { CORPORA, corpusCases, globalCases } from './cases.mjs';

/** Larger outputs are kept as their sha256 with the first and last lines, not whole. */
const KEEP_BYTES = 256 * 1024;
const EDGE_LINES = 60;
const CASE_TIMEOUT_MS = 180_000;

function replaceAll(buffer, from, to) {
  const parts = [];
  let start = 0;
  for (let at = buffer.indexOf(from); at !== -1; at = buffer.indexOf(from, start)) {
    parts.push(buffer.subarray(start, at), to);
    start = at + from.length;
  }
  if (start === 0) return buffer;
  parts.push(buffer.subarray(start));
  return Buffer.concat(parts);
}

function section(label, bytes) {
  if (bytes.length <= KEEP_BYTES) return [Buffer.from(`--- ${label} (${bytes.length} bytes)\n`), bytes];
  const lines = bytes.toString('latin1').split('\n');
  const sha = createHash('sha256').update(bytes).digest('hex');
  const head = lines.slice(0, EDGE_LINES).join('\n');
  const tail = lines.slice(-EDGE_LINES).join('\n');
  const note = `--- ${label} (${bytes.length} bytes, ${lines.length} lines, sha256 ${sha}; first and last ${EDGE_LINES} lines)\n`;
  return [Buffer.from(note), Buffer.from(`${head}\n[…]\n${tail}`, 'latin1')];
}

function caseName(normalisedArgs, extra) {
  const label = normalisedArgs.join(' ').replace(/\$CORPORA\/\w+/g, '');
  const slug =
    label
      .replace(/[^A-Za-z0-9,.=+-]+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 90) || 'no-args';
  const hash = createHash('sha1')
    .update(JSON.stringify([normalisedArgs, extra]))
    .digest('hex');
  return `${slug}.${hash.slice(0, 8)}.txt`;
}

const shellQuoted = (arg) => `'${arg.replace(/'/g, `'\\''`)}'`;
/** A fixed terminal size, so tables and help wrap the same way on every machine. */
const onTerminal = (argv) => `stty cols 120 rows 40; exec ${argv.map(shellQuoted).join(' ')}`;

function runCase(bin, job, scratch) {
  return new Promise((done) => {
    const textfile = job.textfile ? join(scratch, `${job.file.replace(/\//g, '_')}.prom`) : null;
    const args = textfile ? [...job.args, '--textfile', textfile] : job.args;
    const child = job.tty
      ? spawn('script', ['-qec', onTerminal([process.execPath, bin, ...args]), '/dev/null'], {
          cwd: job.cwd,
          env: job.env,
        })
      : spawn(process.execPath, [bin, ...args], { cwd: job.cwd, env: job.env });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.stdin.on('error', () => {}); // a command that does not read stdin may close it first
    if (job.stdin) createReadStream(job.stdin).pipe(child.stdin);
    else child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), CASE_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let file = null;
      if (textfile && existsSync(textfile)) {
        file = readFileSync(textfile);
        rmSync(textfile);
      }
      done({ code, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err), file });
    });
  });
}

/** A clean environment: nothing of the caller's SMSMON_*, DATABASE_URL, REDIS_URL or colour settings. */
function caseEnv(now, scratch, tty, extra) {
  const base = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: join(scratch, 'home'), LANG: 'C.UTF-8' };
  const colour = tty ? { TERM: 'xterm-256color' } : { NO_COLOR: '1' };
  return { ...base, TZ: 'UTC', ...colour, SMSMON_NOW: now, ...extra };
}

function jobsOf(corporaDir, scratch, only) {
  const empty = join(scratch, 'empty');
  mkdirSync(empty, { recursive: true });
  const jobs = globalCases(empty).map((c) => ({ ...c, corpus: 'global', now: CORPORA.fixtures.now }));
  for (const name of Object.keys(CORPORA)) {
    const dir = join(corporaDir, name);
    if (!existsSync(dir))
      throw new Error(`corpus ${dir} missing: run "outputs.mjs prepare ${corporaDir}" first`);
    const { now, cases } = corpusCases(name, dir);
    for (const c of cases) jobs.push({ ...c, corpus: name, now, cwd: c.cwd ?? corporaDir });
  }
  const normalise = (text) => text.split(corporaDir).join('$CORPORA').split(scratch).join('$SCRATCH');
  for (const job of jobs) {
    const shown = job.args.map(normalise);
    const extra = {
      env: job.env,
      stdin: job.stdin && normalise(job.stdin),
      cwd: normalise(job.cwd),
      tty: job.tty,
    };
    job.file = `${job.corpus}/${caseName(shown, extra)}`;
    job.header = `args: ${JSON.stringify(shown)}\n${extra.env ? `env: ${normalise(JSON.stringify(extra.env))}\n` : ''}`;
    job.header += `${extra.stdin ? `stdin: ${extra.stdin}\n` : ''}cwd: ${extra.cwd}\nSMSMON_NOW: ${job.now}\n`;
    if (job.tty) job.header += 'terminal: script(1), 120x40, TERM=xterm-256color\n';
    job.env = caseEnv(job.now, scratch, job.tty, job.env);
  }
  // The same command twice (a selection that equals the large corpus's window) is run once.
  const unique = [...new Map(jobs.map((job) => [job.file, job])).values()];
  return only ? unique.filter((j) => only.test(j.file) || only.test(j.header)) : unique;
}

/** Records every case (or those matching `only`) of `bin` into outDir, `parallel` at a time. */
export async function record(bin, corporaDir, outDir, { parallel = 2, only } = {}) {
  const root = resolve(corporaDir);
  const scratch = mkdtempSync(join(tmpdir(), 'smsmon-outputs-'));
  const jobs = jobsOf(root, scratch, only);
  for (const corpus of new Set(jobs.map((j) => j.corpus)))
    mkdirSync(join(outDir, corpus), { recursive: true });
  const started = Date.now();
  let next = 0;
  let finished = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const began = Date.now();
      const run = await runCase(resolve(bin), job, scratch);
      job.ms = Date.now() - began;
      const fix = (b) =>
        replaceAll(
          replaceAll(b, Buffer.from(root), Buffer.from('$CORPORA')),
          Buffer.from(scratch),
          Buffer.from('$SCRATCH'),
        );
      const exit = run.signal ? `signal ${run.signal}` : String(run.code);
      const parts = [Buffer.from(`${job.header}exit: ${exit}\n`), ...section('stdout', fix(run.stdout))];
      parts.push(Buffer.from('\n'), ...section('stderr', fix(run.stderr)));
      if (run.file) parts.push(Buffer.from('\n'), ...section('textfile', fix(run.file)));
      writeFileSync(join(outDir, job.file), Buffer.concat([...parts, Buffer.from('\n--- end\n')]));
      if (++finished % 100 === 0) process.stderr.write(`${finished}/${jobs.length} cases\n`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  rmSync(scratch, { recursive: true, force: true });
  writeFileSync(join(outDir, 'corpora.sha256'), corporaDigest(root));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const slowest = [...jobs].sort((a, b) => b.ms - a.ms).slice(0, 5);
  process.stderr.write(`slowest: ${slowest.map((j) => `${j.file} ${j.ms} ms`).join(', ')}\n`);
  process.stderr.write(`${jobs.length} cases of ${resolve(bin)} in ${seconds}s → ${outDir}\n`);
}

/** One line per corpus file: both runs must have read the same bytes. */
function corporaDigest(root) {
  const lines = [];
  for (const name of Object.keys(CORPORA)) {
    for (const file of readdirSync(join(root, name)).sort()) {
      const sha = createHash('sha256')
        .update(readFileSync(join(root, name, file)))
        .digest('hex');
      lines.push(`${sha}  ${name}/${file}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
