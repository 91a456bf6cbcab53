import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnreadableSource } from '../core/sourceProblem.js';
import { openRegular, openRegularSync } from './regularFile.js';

test('a FIFO, a socket and a directory are refused at once, naming what they are; a file opens', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'smsmon-regular-'));
  const server = createServer();
  try {
    const fifo = join(dir, 'app.log.2');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo failed');
    const socket = join(dir, 'app.log.3');
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    const file = join(dir, 'app.log');
    writeFileSync(file, 'INFO x\n');
    const refused: Array<[string, string]> = [
      [fifo, 'a FIFO, not a regular file'],
      [socket, 'a socket, not a regular file'],
      [dir, 'a directory, not a regular file'],
      [join(dir, 'missing'), 'no such file or directory'],
    ];
    for (const [path, reason] of refused) {
      assert.throws(
        () => openRegularSync(path),
        (error: unknown) => error instanceof UnreadableSource && error.problem.reason === reason,
      );
      await assert.rejects(openRegular(path), (error: unknown) => {
        return (
          error instanceof UnreadableSource && error.problem.file === path && error.problem.reason === reason
        );
      });
    }
    closeSync(openRegularSync(file));
    await (await openRegular(file)).close();
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
