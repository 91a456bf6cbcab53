import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** A scan's young generation: two 4 MiB semi-spaces. */
const SCAN_YOUNG_GENERATION_BYTES = 8 * 1024 * 1024;

/** Set in the thread that bounded the heap at start-up (the main one) until scans reach their size. */
let sizing = false;
let growing = false;

/**
 * Keeps the heap small whatever the input's size, for every command: set once at start-up, before
 * a command's modules load (loading alone grew the young generation to 8 MiB semi-spaces).
 * V8 doubles the young generation whenever the bytes that survived scavenges since it last grew
 * pass its size, so with any survival at all a long enough scan grows it to its maximum (16 MiB
 * semi-spaces, tens of MB of RSS that hold nothing): the growth factor 1 keeps it where it is.
 * A small young generation moves more of the records in flight into the old one, which V8 lets
 * grow to several times what was live after the last full collection before it collects again;
 * a command keeps little alive, so a 20 % margin costs a few short collections (figures:
 * bench/RSS.md). V8 reads both flags each time it resizes a generation, so setting them after
 * start-up takes effect (Node leaves flags unfrozen; the growth factor given on node's command
 * line was not honoured); they are process-wide, worker threads included.
 */
export function boundHeapGrowth(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=20');
  sizing = true;
}

/**
 * Called as a scan reads, chunk by chunk: lets the young generation grow to a scan's size and no
 * further. Below it every scavenge has a fixed cost that a scan making gigabytes of short-lived
 * garbage pays thousands of times. The main thread decides, for the flag is process-wide (worker
 * threads never call boundHeapGrowth).
 */
export function sizeYoungGenerationForScan(): void {
  if (!sizing) return;
  if (youngGenerationBytes() >= SCAN_YOUNG_GENERATION_BYTES) {
    setFlagsFromString('--semi-space-growth-factor=1');
    sizing = false;
  } else if (!growing) {
    setFlagsFromString('--semi-space-growth-factor=2');
    growing = true;
  }
}

function youngGenerationBytes(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}
