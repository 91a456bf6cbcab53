import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAMILIES } from '../../core/families.js';
import { compilePythonFormat } from '../../parsers/pythonFormat.js';
import { detectFormat } from './detectFormat.js';

const app = compilePythonFormat(FAMILIES.app!.format);
const sms = compilePythonFormat(FAMILIES.sms!.format);
const SMS_LINE = '{"level": "INFO", "time": "2024-01-20 19:15:02,714", "module": "views", "message": "hi"}\n';

/** Chunks the way a file reader hands them out: one buffer, refilled for each. */
async function* reused(parts: string[]): AsyncGenerator<Buffer> {
  const buffer = Buffer.alloc(256);
  for (const part of parts) {
    const length = buffer.write(part);
    yield buffer.subarray(0, length);
    buffer.fill(0x78);
  }
}

test('a header split over two chunks is seen, and the chunks read are kept as they were', async () => {
  const parts = ['stray line\n' + SMS_LINE.slice(0, 20), SMS_LINE.slice(20), 'more\n'];
  const chunks = reused(parts);
  const { format, seen } = await detectFormat(chunks, [app, sms]);
  assert.equal(format, sms);
  assert.deepEqual(
    seen.map((b) => b.toString()),
    parts.slice(0, 2),
  );
  assert.deepEqual((await chunks.next()).value?.toString(), 'more\n');
});

test('an unterminated last line counts; with no header at all the first candidate stands', async () => {
  assert.equal((await detectFormat(reused(['x\n', SMS_LINE.slice(0, -1)]), [app, sms])).format, sms);
  assert.equal((await detectFormat(reused(['x\ny\n']), [sms, app])).format, sms);
});
