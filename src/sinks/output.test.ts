import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { Output } from './output.js';

const LINES = Array.from({ length: 2000 }, (_, i) => `line ${i} ${'x'.repeat(i % 50)}\n`);

/** A stream that finishes each write later, keeping what the chunk held then, and the chunks' memory. */
function slowSink(highWaterMark: number): {
  stream: Writable;
  received: Buffer[];
  memory: Set<ArrayBufferLike>;
} {
  const received: Buffer[] = [];
  const memory = new Set<ArrayBufferLike>();
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      memory.add(chunk.buffer);
      setImmediate(() => {
        received.push(Buffer.from(chunk));
        done();
      });
    },
  });
  return { stream, received, memory };
}

/** Writes LINES, waiting whenever the stream is full. */
async function writeAll(output: Output): Promise<void> {
  for (const line of LINES) {
    output.write(line);
    await output.maybeFlush();
  }
  await output.flush();
}

test('a recycled buffer is filled again once the stream has written it', async () => {
  const { stream, received, memory } = slowSink(256); // full at every write: Output waits
  await writeAll(new Output(stream, 1024, true));
  await new Promise((resolve) => stream.end(resolve));
  assert.equal(Buffer.concat(received).toString(), LINES.join(''));
  assert.ok(received.length > 20, `${received.length} chunks`);
  assert.ok(memory.size <= 4, `${memory.size} buffers for ${received.length} chunks`);
});

test('a recycled buffer is not filled again while the stream still holds it', async () => {
  const { stream, received } = slowSink(1 << 20); // never full: chunks wait in the stream
  const output = new Output(stream, 1024, true);
  for (const [i, line] of LINES.entries()) {
    output.write(line);
    // Some writes complete meanwhile: their buffers come back while others are held.
    if (i % 300 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await output.flush();
  await new Promise((resolve) => stream.end(resolve));
  assert.equal(Buffer.concat(received).toString(), LINES.join(''));
});

test('a stream in the process (PassThrough) may hold its chunks: its buffers are never reused', async () => {
  const stream = new PassThrough();
  const output = new Output(stream, 1024);
  for (const line of LINES) output.write(line); // nothing reads yet: every chunk stays held
  await Promise.race([output.flush(), new Promise((resolve) => setImmediate(resolve))]);
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await output.flush();
  stream.end();
  await new Promise((resolve) => stream.on('end', resolve));
  assert.equal(Buffer.concat(chunks).toString(), LINES.join(''));
});
