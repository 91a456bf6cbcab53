import { setFlagsFromString } from 'node:v8';

let bounded = false;

/**
 * Keeps the heap of a scan small whatever the input's size, for every command that reads logs.
 * V8 doubles the young generation whenever the bytes that survived scavenges since it last grew
 * pass its size, so with any survival at all a long enough scan grows it to its maximum (16 MiB
 * semi-spaces, tens of MB of RSS that hold nothing): the growth factor 1 keeps it where it is.
 * A small young generation moves more of the records in flight into the old one, which V8 lets
 * grow to several times what was live after the last full collection before it collects again;
 * a scan keeps little alive, so a 20 % margin costs a few short collections (figures:
 * bench/DECISIONS.md, bench/RSS.md). V8 reads both flags each time it resizes a generation, so
 * setting them after start-up takes effect (Node leaves flags unfrozen); they are process-wide,
 * worker threads included.
 */
export function boundHeapGrowth(): void {
  if (bounded) return;
  bounded = true;
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=20');
}
