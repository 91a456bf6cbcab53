import { setFlagsFromString } from 'node:v8';

/**
 * For a scan that aggregates what it reads (errors count, latency): V8 stops growing the young
 * generation. It doubles it whenever the bytes that survived scavenges since it last grew pass
 * its size, so with any survival at all a long enough scan grows it to its maximum: 16 MiB
 * semi-spaces, tens of MB of RSS that hold nothing, and peak RSS that rises with the input.
 * Not for commands that keep what they read (logs search): there a small young generation
 * moves more into the old one (figures: bench/DECISIONS.md). V8 reads the factor each time it grows the young
 * generation, so setting it after start-up takes effect (Node leaves flags unfrozen).
 */
export function stopYoungGenerationGrowth(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
