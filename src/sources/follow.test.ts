import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  appendFileSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { followFile, type FollowEvent as RawEvent, type FollowOptions } from './follow.js';

/** What the tests read: the bytes of each stream as complete lines, numbered. */
type FollowEvent =
  | Exclude<RawEvent, { kind: 'bytes' | 'ended' }>
  | { kind: 'lines'; path: string; firstLine: number; lines: string[]; stream: number };

/**
 * Splits each stream's bytes into complete lines as a reader of them would (follow mode's reader
 * is the record reader; here the follower alone is under test); an ended stream's unterminated
 * last line is complete.
 */
function lineView(): (event: RawEvent) => FollowEvent | null {
  const streams = new Map<number, { held: Buffer; next: number; path: string }>();
  return (event) => {
    if (event.kind !== 'bytes' && event.kind !== 'ended') return event;
    const stream = streams.get(event.stream) ?? {
      held: Buffer.alloc(0),
      next: event.kind === 'bytes' ? event.firstLine : 1,
      path: '',
    };
    if (event.kind === 'bytes') stream.path = event.path;
    streams.set(event.stream, stream);
    let text: string;
    if (event.kind === 'ended') {
      streams.delete(event.stream);
      if (stream.held.length === 0) return null;
      text = stream.held.toString('utf8');
    } else {
      const bytes = Buffer.concat([stream.held, event.bytes]);
      const end = bytes.lastIndexOf(0x0a);
      stream.held = bytes.subarray(end + 1);
      if (end === -1) return null;
      text = bytes.toString('utf8', 0, end);
    }
    const lines = text.split('\n');
    const firstLine = stream.next;
    stream.next += lines.length;
    return { kind: 'lines', path: stream.path, firstLine, lines, stream: event.stream };
  };
}

/**
 * Runs a follower whose polls happen only when the test calls poll(): the waker parks the
 * generator, poll() releases it and returns once it has parked again, so every event of that
 * poll has been collected. The clock only moves when the test sets `clock.now`.
 */
function driven(path: string, options: FollowOptions = {}) {
  let resume: (() => void) | null = null;
  let parked: (() => void) | null = null;
  const waker = () =>
    new Promise<void>((release) => {
      resume = release;
      parked?.();
      parked = null;
    });
  const untilParked = () => (resume ? Promise.resolve() : new Promise<void>((r) => (parked = r)));
  const clock = { now: 0 };
  const controller = new AbortController();
  const events: FollowEvent[] = [];
  const view = lineView();
  const done = (async () => {
    for await (const event of followFile(path, {
      waker,
      now: () => clock.now,
      signal: controller.signal,
      ...options,
    })) {
      const seen = view(event);
      if (seen) events.push(seen);
    }
  })();
  const settled = async (): Promise<void> => {
    await Promise.race([untilParked(), done]);
  };
  return {
    events,
    clock,
    /** Everything emitted so far, then forgotten. */
    take(): FollowEvent[] {
      return events.splice(0);
    },
    async poll(): Promise<FollowEvent[]> {
      await settled();
      const release = resume;
      resume = null;
      release?.();
      await settled();
      return events.splice(0);
    },
    async stop(): Promise<void> {
      controller.abort();
      await done;
    },
  };
}

const textOf = (events: FollowEvent[]): string[] =>
  events.flatMap((e) => (e.kind === 'lines' ? e.lines : []));

/** Lines as "path:line:text", to check numbering and origin at once. */
const numbered = (events: FollowEvent[], dir: string): string[] =>
  events.flatMap((e) =>
    e.kind === 'lines'
      ? e.lines.map((l, i) => `${e.path.slice(dir.length + 1)}:${e.firstLine + i}:${l}`)
      : [],
  );

const kinds = (events: FollowEvent[]): string[] =>
  events.map((e) => (e.kind === 'rotated' ? `rotated:${e.how}` : e.kind));

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempLog(): { dir: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'smsmon-follow-'));
  dirs.push(dir);
  return { dir, log: join(dir, 'app.log') };
}

/** Checks how many fds of this process point to files in `dir` ending in `suffix` (Linux only). */
function assertOpen(dir: string, suffix: string, count: number): void {
  if (!existsSync('/proc/self/fd')) return;
  const open = fdsInto(dir).filter((p) => p.endsWith(suffix));
  assert.equal(open.length, count, `open: ${open.join(', ')}`);
}

function fdsInto(dir: string): string[] {
  const open: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(dir)) open.push(target);
    } catch {
      // closed while listing
    }
  }
  return open;
}

test('partial lines are held until their newline arrives; \\r stays', async () => {
  const { dir, log } = tempLog();
  writeFileSync(log, '');
  const f = driven(log, { startOffset: 0 });
  assert.deepEqual(await f.poll(), []);
  appendFileSync(log, 'INFO first');
  assert.deepEqual(await f.poll(), []);
  appendFileSync(log, ' half\r\nsecond');
  assert.deepEqual(numbered(await f.poll(), dir), ['app.log:1:INFO first half\r']);
  appendFileSync(log, '\n\nthird\n');
  assert.deepEqual(numbered(await f.poll(), dir), ['app.log:2:second', 'app.log:3:', 'app.log:4:third']);
  await f.stop();
});

test('a UTF-8 character split across writes is decoded whole', async () => {
  const { log } = tempLog();
  writeFileSync(log, '');
  const f = driven(log, { startOffset: 0 });
  await f.poll();
  const text = 'SMS é → 😀 ok';
  const bytes = Buffer.from(text + '\n');
  const got: FollowEvent[] = [];
  for (let i = 0; i < bytes.length; i++) {
    appendFileSync(log, bytes.subarray(i, i + 1));
    got.push(...(await f.poll()));
  }
  assert.deepEqual(textOf(got), [text]);
  await f.stop();
});

test('by default starts at the end, backed up to the start of an unfinished line', async () => {
  const { dir, log } = tempLog();
  writeFileSync(log, 'old 1\nold 2\nhalf');
  const f = driven(log);
  assert.deepEqual(await f.poll(), []);
  appendFileSync(log, ' done\nnew\n');
  // The line number is unknown when starting mid-file: counted from 0.
  assert.deepEqual(numbered(await f.poll(), dir), ['app.log:0:half done', 'app.log:1:new']);
  await f.stop();
});

test('startOffset and startLine', async () => {
  const { dir, log } = tempLog();
  writeFileSync(log, 'a\nb\nc\n');
  const f = driven(log, { startOffset: 2, startLine: 2 });
  assert.deepEqual(numbered(await f.poll(), dir), ['app.log:2:b', 'app.log:3:c']);
  await f.stop();
});

test('a file rotated between the caller reading it and the first poll is read on from startOffset', async () => {
  const { dir, log } = tempLog();
  writeFileSync(log, 'a\nb\n');
  const { dev, ino } = statSync(log, { bigint: true });
  appendFileSync(log, 'c\n'); // written after the caller's read, before the rotation
  renameSync(log, `${log}.1`);
  writeFileSync(log, 'd\n');
  const f = driven(log, { startOffset: 4, startLine: 3, startFileId: { dev, ino } });
  const events = await f.poll();
  assert.deepEqual(numbered(events, dir), ['app.log.1:3:c', 'app.log:1:d']);
  assert.ok(kinds(events).includes('rotated:rename'));
  await f.stop();
});

test('rename rotation: the renamed file is drained while another worker still writes to it', async () => {
  const { dir, log } = tempLog();
  writeFileSync(log, '');
  const workerA = openSync(log, 'a');
  const workerB = openSync(log, 'a');
  const f = driven(log, { startOffset: 0, graceMs: 2000, keepMs: 60_000, idleMs: Infinity });
  writeSync(workerA, 'A1\nA2\n');
  writeSync(workerB, 'B1\n');
  assert.deepEqual(textOf(await f.poll()), ['A1', 'A2', 'B1']);

  // Worker A rotates: its record before the rename is read from the old fd, not lost.
  writeSync(workerA, 'A3\n');
  closeSync(workerA);
  renameSync(log, `${log}.1`);
  const workerA2 = openSync(log, 'a');
  writeSync(workerA2, 'A4\n');
  writeSync(workerB, 'B2\n'); // B still has the old file open: this goes to app.log.1
  const rotation = await f.poll();
  assert.deepEqual(kinds(rotation), ['lines', 'rotated:rename', 'lines']);
  // Up to the rotation the old file's lines were app.log's; the path alone cannot tell the files apart.
  assert.deepEqual(numbered(rotation, dir), ['app.log:4:A3', 'app.log:5:B2', 'app.log:1:A4']);
  const [oldStream, newStream] = rotation.flatMap((e) => (e.kind === 'lines' ? [e.stream] : []));
  assert.notEqual(oldStream, newStream);

  f.clock.now = 1500;
  writeSync(workerB, 'B3\n');
  writeSync(workerA2, 'A5\n');
  const later = await f.poll();
  assert.deepEqual(numbered(later, dir), ['app.log.1:6:B3', 'app.log:2:A5']);
  assert.deepEqual(
    later.flatMap((e) => (e.kind === 'lines' ? [e.stream] : [])),
    [oldStream, newStream],
  );

  // The newest renamed file stays open however long it is quiet: B may log once an hour.
  f.clock.now = 1500 + 3_600_000;
  assert.deepEqual(await f.poll(), []);
  assertOpen(dir, '.1', 2); // ours and worker B's
  writeSync(workerB, 'B4\n');
  assert.deepEqual(numbered(await f.poll(), dir), ['app.log.1:7:B4']);

  // Rotated again: the file B holds is now app.log.2, and let go after keepMs of quiet.
  renameSync(`${log}.1`, `${log}.2`);
  renameSync(log, `${log}.1`);
  const workerA3 = openSync(log, 'a');
  closeSync(workerA2);
  writeSync(workerA3, 'A6\n');
  assert.deepEqual(numbered(await f.poll(), dir), ['app.log:1:A6']);
  f.clock.now += 59_999;
  writeSync(workerB, 'B5\n');
  assert.deepEqual(textOf(await f.poll()), ['B5']);
  f.clock.now += 59_999;
  assert.deepEqual(await f.poll(), []);
  assertOpen(dir, '.2', 2);
  f.clock.now += 1;
  assert.deepEqual(await f.poll(), []);
  assertOpen(dir, '.2', 1); // worker B's only
  writeSync(workerB, 'B6\n');
  assert.deepEqual(await f.poll(), []);

  // Deleted, the newest renamed file is let go once quiet for graceMs: only our fd still showed it.
  assertOpen(dir, '.1', 1);
  rmSync(`${log}.1`);
  assert.deepEqual(await f.poll(), []);
  assertOpen(dir, '.1 (deleted)', 0);
  closeSync(workerB);
  closeSync(workerA3);
  await f.stop();
});

test('rename rotations faster than polls: the backups in between are read too', async () => {
  const { dir, log } = tempLog();
  writeFileSync(log, 'one\n');
  const f = driven(log, { startOffset: 0 });
  await f.poll();
  appendFileSync(log, 'two\n');
  renameSync(log, `${log}.1`);
  writeFileSync(log, 'three\n');
  renameSync(`${log}.1`, `${log}.2`);
  renameSync(log, `${log}.1`);
  writeFileSync(log, 'four\n');
  const got = await f.poll();
  assert.deepEqual(numbered(got, dir), ['app.log:2:two', 'app.log.1:1:three', 'app.log:1:four']);
  assert.deepEqual(kinds(got), ['lines', 'rotated:rename', 'lines', 'rotated:rename', 'lines']);
  await f.stop();
});

test('the file disappears between rotations: waiting, then read from 0', async () => {
  const { dir, log } = tempLog();
  writeFileSync(log, 'one\n');
  const f = driven(log, { startOffset: 0 });
  await f.poll();
  renameSync(log, `${log}.1`);
  assert.deepEqual(kinds(await f.poll()), ['rotated:rename', 'waiting']);
  assert.deepEqual(await f.poll(), []);
  writeFileSync(log, 'two\n');
  assert.deepEqual(numbered(await f.poll(), dir), ['app.log:1:two']);
  await f.stop();
});

test('copytruncate: lines written just before the copy are recovered from .1', async () => {
  const { dir, log } = tempLog();
  const writer = openSync(log, 'a');
  writeSync(writer, 'L1\nL2\npart');
  const f = driven(log, { startOffset: 0 });
  assert.deepEqual(textOf(await f.poll()), ['L1', 'L2']);
  writeSync(writer, 'ial\nL4\n'); // never seen in the live file
  copyFileSync(log, `${log}.1`);
  truncateSync(log, 0);
  writeSync(writer, 'N1\n');
  const got = await f.poll();
  assert.deepEqual(kinds(got), ['lines', 'rotated:truncate', 'lines']);
  assert.deepEqual(numbered(got, dir), ['app.log:3:partial', 'app.log:4:L4', 'app.log:1:N1']);
  writeSync(writer, 'N2\n');
  assert.deepEqual(numbered(await f.poll(), dir), ['app.log:2:N2']);
  closeSync(writer);
  await f.stop();
});

test('copytruncate after which the writer already wrote past our offset', async () => {
  const { dir, log } = tempLog();
  const writer = openSync(log, 'a');
  writeSync(writer, 'INFO 2024-01-20 16:30:00,123 views 123 456 line 000001\n');
  const f = driven(log, { startOffset: 0 });
  assert.equal(textOf(await f.poll()).length, 1);
  writeSync(writer, 'INFO 2024-01-20 16:30:00,123 views 123 456 line 000002\n');
  copyFileSync(log, `${log}.1`);
  truncateSync(log, 0);
  const next: string[] = [];
  for (let n = 3; n <= 20; n++)
    next.push(`INFO 2024-01-20 16:30:00,123 views 123 456 line ${String(n).padStart(6, '0')}`);
  writeSync(writer, next.map((l) => l + '\n').join(''));
  const got = await f.poll();
  assert.deepEqual(textOf(got), ['INFO 2024-01-20 16:30:00,123 views 123 456 line 000002', ...next]);
  assert.deepEqual(
    numbered(got, dir).map((l) => l.split(':').slice(0, 2).join(':')),
    ['app.log:2', ...next.map((_, i) => `app.log:${i + 1}`)],
  );
  assert.deepEqual(kinds(got), ['lines', 'rotated:truncate', 'lines']);
  closeSync(writer);
  await f.stop();
});

test('plain truncate and rewrite past our offset: restarts at 0 without garbage', async () => {
  const { log } = tempLog();
  writeFileSync(log, 'alpha one\nalpha two\n');
  const f = driven(log, { startOffset: 0 });
  await f.poll();
  writeFileSync(log, 'bravo one\nbravo two\nbravo three\n'); // truncates, no copy kept
  assert.deepEqual(textOf(await f.poll()), ['bravo one', 'bravo two', 'bravo three']);
  await f.stop();
});

test('copytruncates faster than polls with shifted backups: every copy is read', async () => {
  const { log } = tempLog();
  const writer = openSync(log, 'a');
  writeSync(writer, 'gen1 a\n');
  const f = driven(log, { startOffset: 0 });
  await f.poll();
  const copytruncate = () => {
    if (existsSync(`${log}.1`)) renameSync(`${log}.1`, `${log}.2`);
    copyFileSync(log, `${log}.1`);
    truncateSync(log, 0);
  };
  writeSync(writer, 'gen1 b\n');
  copytruncate();
  writeSync(writer, 'gen2 a\n');
  copytruncate();
  writeSync(writer, 'gen3 a\n');
  const got = await f.poll();
  assert.deepEqual(textOf(got), ['gen1 b', 'gen2 a', 'gen3 a']);
  assert.deepEqual(kinds(got), ['lines', 'rotated:truncate', 'lines', 'rotated:truncate', 'lines']);
  closeSync(writer);
  await f.stop();
});

test('a whole file written and copytruncated away while we had read nothing of it', async () => {
  const { log } = tempLog();
  const writer = openSync(log, 'a');
  writeSync(writer, 'gen1 a\n');
  const f = driven(log, { startOffset: 0 });
  await f.poll();
  const copytruncate = () => {
    if (existsSync(`${log}.1`)) renameSync(`${log}.1`, `${log}.2`);
    copyFileSync(log, `${log}.1`);
    truncateSync(log, 0);
  };
  writeSync(writer, 'gen1 b\n');
  copytruncate();
  assert.deepEqual(textOf(await f.poll()), ['gen1 b']); // live file now empty: no fingerprint
  writeSync(writer, 'gen2 a\n');
  copytruncate();
  writeSync(writer, 'gen3 a\n');
  const got = await f.poll();
  assert.deepEqual(textOf(got), ['gen2 a', 'gen3 a']);
  assert.deepEqual(kinds(got), ['rotated:truncate', 'lines', 'lines']);
  assert.deepEqual(await f.poll(), []);
  closeSync(writer);
  await f.stop();
});

test('a file that does not exist yet: waiting once, then read from the start', async () => {
  const { dir, log } = tempLog();
  const f = driven(log);
  assert.deepEqual(await f.poll(), [{ kind: 'waiting', path: log }]);
  assert.deepEqual(await f.poll(), []);
  writeFileSync(log, 'first\nsecond\n');
  assert.deepEqual(numbered(await f.poll(), dir), ['app.log:1:first', 'app.log:2:second']);
  await f.stop();
});

test('idle is said once after idleMs without new lines', async () => {
  const { log } = tempLog();
  writeFileSync(log, '');
  const f = driven(log, { startOffset: 0, idleMs: 300 });
  assert.deepEqual(await f.poll(), []);
  appendFileSync(log, 'x\n');
  assert.deepEqual(kinds(await f.poll()), ['lines']);
  f.clock.now = 299;
  assert.deepEqual(await f.poll(), []);
  f.clock.now = 300;
  assert.deepEqual(kinds(await f.poll()), ['idle']);
  f.clock.now = 10_000;
  assert.deepEqual(await f.poll(), []);
  await f.stop();
});

test('abort while waiting closes every fd, including renamed files being drained', async () => {
  const { dir, log } = tempLog();
  writeFileSync(log, 'one\n');
  const f = driven(log, { startOffset: 0 });
  await f.poll();
  renameSync(log, `${log}.1`);
  writeFileSync(log, 'two\n');
  await f.poll();
  assertOpen(dir, '', 2);
  await f.stop();
  assertOpen(dir, '', 0);
});

test('breaking out of the loop closes the file', async () => {
  const { dir, log } = tempLog();
  writeFileSync(log, 'one\ntwo\n');
  for await (const event of followFile(log, { startOffset: 0, waker: () => new Promise(() => {}) })) {
    assert.equal(event.kind, 'bytes');
    break;
  }
  assertOpen(dir, '', 0);
});

test('the default waker polls on its own and stops on abort', async () => {
  const { log } = tempLog();
  writeFileSync(log, '');
  const controller = new AbortController();
  const seen: string[] = [];
  setTimeout(() => appendFileSync(log, 'late\n'), 30);
  for await (const event of followFile(log, { signal: controller.signal, pollMs: 20, idleMs: 20 })) {
    if (event.kind === 'bytes') seen.push(event.bytes.toString());
    if (event.kind === 'idle') controller.abort();
  }
  assert.deepEqual(seen, ['late\n']);
});
