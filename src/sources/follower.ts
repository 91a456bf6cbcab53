import {
  backupNamed,
  copiesAfter,
  copiesSince,
  markOf,
  openBackup,
  renamedSince,
  type CopyMark,
} from './followBackups.js';
import { FollowedFile, idAt, sameFile, type FileId } from './followedFile.js';
import type { FollowEvent } from './followEvent.js';

const READ_BYTES = 64 * 1024;

export interface FollowerSettings {
  startOffset: number | undefined;
  startLine: number | undefined;
  /** The file startOffset belongs to, when the caller read it before following. */
  startFileId?: FileId;
  graceMs: number;
  keepMs: number;
  now: () => number;
}

/** Renamed files kept open at most; beyond this the oldest is read to its end and let go. */
const MAX_DRAINING = 32;

/** A renamed file still read because other processes may still write to it. */
interface Draining {
  file: FollowedFile;
  quietSince: number;
  /** A later rotation renamed another file after this one. */
  superseded: boolean;
}

/**
 * The state of one followed path between polls: the live file, the renamed ones still being
 * drained, and whether we said we are waiting for the path to appear. `poll()` does one round
 * of checks and reads; the caller decides when the next round happens.
 */
export class Follower {
  private readonly buffer = Buffer.allocUnsafe(READ_BYTES);
  private live: FollowedFile | null = null;
  /** The last live file, to find the backups rotated after it if we missed some. */
  private previous: FileId | null = null;
  private draining: Draining[] = [];
  /** The newest copy read after the last copytruncate, to spot copies made before we read anything new. */
  private lastCopy: CopyMark | null = null;
  private waiting = false;
  private started = false;

  constructor(
    private readonly path: string,
    private readonly settings: FollowerSettings,
  ) {}

  async *poll(): AsyncGenerator<FollowEvent> {
    const onDisk = await idAt(this.path);
    if (this.live && (onDisk === null || !sameFile(onDisk, this.live.id))) yield* this.renamed(this.live);
    if (!this.live) yield* this.adopt();
    this.started = true;
    yield* this.drain();
    if (this.live) yield* this.readLive(this.live);
  }

  async close(): Promise<void> {
    const files = [...this.draining.map((d) => d.file), ...(this.live ? [this.live] : [])];
    this.draining = [];
    this.live = null;
    await Promise.all(files.map((file) => file.close()));
  }

  /** The path now names another file (or none): read the old one to its end, then keep draining it. */
  private async *renamed(old: FollowedFile): AsyncGenerator<FollowEvent> {
    this.live = null;
    this.previous = old.id;
    this.startDraining(old);
    yield* this.readToEnd(old);
    yield { kind: 'rotated', path: this.path, how: 'rename' };
    // Its lines were app.log's up to here; what other workers still append is reported where it is now.
    old.label = (await backupNamed(this.path, old.id)) ?? this.path;
  }

  private async *adopt(): AsyncGenerator<FollowEvent> {
    const file = await FollowedFile.open(this.path);
    if (!file) {
      if (!this.waiting) yield { kind: 'waiting', path: this.path };
      this.waiting = true;
      return;
    }
    this.waiting = false;
    this.live = file;
    this.lastCopy = null;
    // Only a file that was there when we started begins at startOffset; later ones from 0.
    if (!this.started) {
      const handedOver = this.settings.startFileId;
      if (handedOver && !sameFile(handedOver, file.id)) yield* this.rotatedBeforeStart(handedOver);
      else await file.startAt(this.settings.startOffset, this.settings.startLine);
    }
    if (!this.previous) return;
    const known = [file.id, ...this.draining.map((d) => d.file.id)];
    const missed = await renamedSince(this.path, this.previous, known);
    missed.forEach((file) => this.startDraining(file));
    for (const file of missed) {
      yield* this.readToEnd(file);
      yield { kind: 'rotated', path: this.path, how: 'rename' };
    }
  }

  /**
   * The caller read the file up to startOffset, and it was renamed before our first poll: go on
   * from there in the renamed file (found by inode among the backups), then read the new one from 0.
   */
  private async *rotatedBeforeStart(handedOver: FileId): AsyncGenerator<FollowEvent> {
    const renamedTo = await backupNamed(this.path, handedOver);
    const old = renamedTo ? await openBackup(renamedTo) : null;
    if (!old || !sameFile(old.id, handedOver)) {
      await old?.close();
      return;
    }
    await old.startAt(this.settings.startOffset, this.settings.startLine);
    this.previous = old.id;
    this.startDraining(old);
    yield* this.readToEnd(old);
    yield { kind: 'rotated', path: this.path, how: 'rename' };
  }

  private startDraining(file: FollowedFile): void {
    for (const entry of this.draining) entry.superseded = true;
    this.draining.push({ file, quietSince: this.settings.now(), superseded: false });
  }

  /**
   * A worker that has not reopened its log since the rename may write to the renamed file at
   * any time, and quiet says nothing about a worker that logs once an hour. So the newest
   * renamed file is read for as long as it is on disk; once a later rotation has moved on,
   * until keepMs of quiet; once deleted, until graceMs of quiet (only our fd still shows it).
   */
  private async *drain(): AsyncGenerator<FollowEvent> {
    while (this.draining.length > MAX_DRAINING) yield* this.release(this.draining[0]!);
    const now = this.settings.now();
    for (const entry of [...this.draining]) {
      if ((yield* this.readToEnd(entry.file)) > 0) {
        entry.quietSince = now;
        continue;
      }
      const quiet = now - entry.quietSince;
      if (
        (entry.superseded && quiet >= this.settings.keepMs) ||
        (quiet >= this.settings.graceMs && !(await entry.file.linked()))
      ) {
        yield* this.release(entry);
      }
    }
  }

  private async *release(entry: Draining): AsyncGenerator<FollowEvent> {
    this.draining = this.draining.filter((d) => d !== entry);
    yield* this.readToEnd(entry.file);
    // Once closed its inode may be reused, so it can no longer be looked for among backups.
    if (this.previous && sameFile(this.previous, entry.file.id)) this.previous = null;
    yield* this.finish(entry.file);
  }

  private async *readLive(live: FollowedFile): AsyncGenerator<FollowEvent> {
    if (live.offset === 0 && this.lastCopy) yield* this.copiedUnread(live, this.lastCopy);
    if ((await live.size()) < live.offset || !(await live.sameStart())) yield* this.truncated(live);
    for (;;) {
      const read = await live.read(this.buffer);
      if (read === 0) return;
      // Checked after the read: if the first bytes changed, what we just read may be new text.
      if (!(await live.sameStart())) {
        yield* this.truncated(live);
        continue;
      }
      yield bytesOf(live, this.buffer.subarray(0, read));
    }
  }

  /**
   * copytruncate: the lines written between our last read and the copy are only in the copy,
   * so read it on from our offset (our partial line continues there) and report them as the
   * live file's lines they were; then restart at 0.
   */
  private async *truncated(live: FollowedFile): AsyncGenerator<FollowEvent> {
    const copies = await copiesSince(this.path, live.fingerprint);
    try {
      const [copy] = copies;
      if (copy && copy.sizeAtOpen >= live.offset) {
        copy.continueFrom(live);
        yield* this.readToEnd(copy);
        this.lastCopy = await markOf(copy);
        yield* this.finish(copy);
      } else {
        // No copy, or a second writer wrote past the copy and we read that before the truncate.
        this.lastCopy = copy ? await markOf(copy) : null;
        yield { kind: 'ended', stream: live.stream };
      }
    } finally {
      await Promise.all(copies.map((file) => file.close()));
    }
    live.restart();
    // Later copies are looked for afresh: more copytruncates may have come while we read this one.
    if (this.lastCopy) yield* this.copiedUnread(live, this.lastCopy);
    yield { kind: 'rotated', path: this.path, how: 'truncate' };
  }

  /**
   * With nothing read since a copytruncate there is no fingerprint to miss, so a whole file
   * written and copied away between two polls shows only as copies newer than the last one.
   * Each but the newest was truncated before the next copy was made. The newest may still be
   * being made, or not yet truncated: if the live file still starts like it, its lines are read
   * from the live file instead, and the live file's first bytes become its fingerprint, so a
   * truncate before our first read of it still leads to this copy.
   */
  private async *copiedUnread(live: FollowedFile, lastCopy: CopyMark): AsyncGenerator<FollowEvent> {
    for (let attempt = 1; ; attempt++) {
      // The head before the look: every copy of an older file than it is among the backups then.
      // The head after it: compared with the newest copy. If they differ, a copytruncate came
      // in between and we look again.
      const before = await live.head();
      const unread = await copiesAfter(this.path, lastCopy);
      try {
        const head = await live.head();
        if (!samePrefix(before, head) && attempt < 3) continue;
        live.expectStart(head);
        const newest = unread.at(-1);
        for (const copy of unread) {
          if (copy === newest && stillLive(head, await copy.head())) return;
          yield { kind: 'rotated', path: this.path, how: 'truncate' };
          yield* this.readToEnd(copy);
          this.lastCopy = await markOf(copy);
          yield* this.finish(copy);
        }
        return;
      } finally {
        await Promise.all(unread.map((file) => file.close()));
      }
    }
  }

  /** Reads to the current end, one batch per chunk so memory stays bounded; returns bytes read. */
  private async *readToEnd(file: FollowedFile): AsyncGenerator<FollowEvent, number> {
    let total = 0;
    for (;;) {
      const read = await file.read(this.buffer);
      if (read === 0) return total;
      total += read;
      yield bytesOf(file, this.buffer.subarray(0, read));
    }
  }

  /** A file nobody will write again: its unterminated last line is all there will be of it. */
  private async *finish(file: FollowedFile): AsyncGenerator<FollowEvent> {
    await file.close();
    yield { kind: 'ended', stream: file.stream };
  }
}

function bytesOf(file: FollowedFile, read: Buffer): FollowEvent {
  const { bytes, completesLine } = file.accept(read);
  return {
    kind: 'bytes',
    path: file.label,
    stream: file.stream,
    firstLine: file.firstLine,
    bytes,
    completesLine,
  };
}

/** Equal over the length of the shorter one. */
function samePrefix(a: Buffer, b: Buffer): boolean {
  const common = Math.min(a.length, b.length);
  return a.subarray(0, common).equals(b.subarray(0, common));
}

/** The live file starts like the copy (an empty copy may be one just begun): not truncated since. */
function stillLive(liveHead: Buffer, copyHead: Buffer): boolean {
  if (copyHead.length === 0) return liveHead.length > 0;
  return liveHead.length > 0 && samePrefix(liveHead, copyHead);
}
