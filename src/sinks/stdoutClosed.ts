import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { Socket } from 'node:net';

/** The part of Node's TCP binding we use: a stream handle that can be opened on any fd. */
interface TcpBinding {
  TCP: new (type: number) => { open(fd: number): number };
  constants: { SOCKET: number };
}

/**
 * Calls `onClosed` once nobody reads our stdout pipe any more (`| head -1` has exited), without
 * writing to it, so an idle `logs tail -f` stops like coreutils tail does. Node only learns
 * of a closed pipe from a write, and a write of nothing succeeds even then. The kernel does
 * flag the write end with POLLERR, but libuv polls a write-only pipe only while a write waits.
 * So we open a second write end of the same pipe (via /proc, Linux) as a libuv TCP handle,
 * which libuv takes as readable whatever the fd: it polls for input, gets POLLERR when the
 * last reader goes, and its read fails (EBADF). Our own fd 1 is left as it is. Elsewhere, or
 * when stdout is a file, terminal or socket, it does nothing and the next write tells.
 * Returns a function that stops watching.
 */
export function watchStdoutClosed(onClosed: () => void, fd = 1): () => void {
  let writeEnd: number;
  try {
    if (!fstatSync(fd).isFIFO()) return () => {};
    // O_NONBLOCK: opening a pipe for writing with no reader left fails (ENXIO) instead of waiting.
    writeEnd = openSync(`/proc/self/fd/${fd}`, constants.O_WRONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') setImmediate(onClosed);
    return () => {};
  }
  const socket = pollingSocket(writeEnd);
  if (!socket) {
    closeSync(writeEnd);
    return () => {};
  }
  let fired = false;
  const fire = (): void => {
    if (fired) return;
    fired = true;
    socket.destroy();
    onClosed();
  };
  socket.on('error', fire);
  socket.on('end', fire);
  socket.on('data', () => {}); // a write end never yields data; reading keeps the poll armed
  socket.unref();
  return () => {
    fired = true;
    socket.destroy();
  };
}

/** A readable libuv stream over `fd`, or null where Node's TCP binding is not to be had. */
function pollingSocket(fd: number): Socket | null {
  try {
    const binding = (process as unknown as { binding(name: string): TcpBinding }).binding('tcp_wrap');
    const handle = new binding.TCP(binding.constants.SOCKET);
    if (handle.open(fd) !== 0) return null;
    return new Socket({ handle, readable: true, writable: false } as ConstructorParameters<typeof Socket>[0]);
  } catch {
    return null;
  }
}
