import type { LogRecord } from '../core/record.js';
import { unknownChoice } from '../core/errors.js';
import { detach } from '../core/detach.js';
import { capKey } from '../core/recordLimits.js';
import { finalExceptionClass } from './errorType.js';
import { messageTemplate } from './messageTemplate.js';
import type { WallClockToEpoch } from '../core/timeZone.js';
import { wallHourKey } from './wallHour.js';

export interface KeyOptions {
  /** Show `openai.RateLimitError` instead of `RateLimitError`. */
  qualified: boolean;
}

export interface CounterOptions extends KeyOptions {
  /** Reads the log's times: --by hour is an hour of its wall clock (wallHour.ts). */
  wallClock: WallClockToEpoch;
}

type KeyFunction = (record: LogRecord) => string;

/** What an error is grouped by, each key made once per counter: adding a key is adding an entry. */
const KEYS: Readonly<Record<string, (options: CounterOptions) => KeyFunction>> = {
  type: (options) => (r) => errorType(r, options),
  template: () => (r) => capKey(`${r.module}: ${messageTemplate(r.message)}`),
  module: () => (r) => capKey(r.module),
  level: () => (r) => r.level,
  hour: ({ wallClock }) => {
    const hour = wallHourKey(wallClock);
    return (r) => hour(r) ?? '-';
  },
  // The log's own wall-clock date, as operators read it in the file.
  day: () => (r) => (r.timeText ? r.timeText.slice(0, 10) : '-'),
  pid: () => (r) => (r.pid === null ? '-' : String(r.pid)),
};
export const GROUP_KEYS = Object.keys(KEYS);

/**
 * The exception class of the final exception when there is a traceback, else module: template;
 * capped, as every key is: a class name can be as long as the line that holds it.
 */
export function errorType(record: LogRecord, { qualified }: KeyOptions): string {
  const exception = record.excText ? finalExceptionClass(record.excText) : null;
  if (exception) return capKey(qualified ? exception.qualified : exception.name);
  return capKey(`${record.module}: ${messageTemplate(record.message)}`);
}

function firstLineOf(text: string): string {
  const end = text.indexOf('\n');
  return end === -1 ? text : text.slice(0, end);
}

export function parseGroupKeys(text: string): string[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw unknownChoice('--by key', text, GROUP_KEYS);
  for (const name of names) if (!(name in KEYS)) throw unknownChoice('--by key', name, GROUP_KEYS);
  return names;
}

/** When a group was seen; detached strings, so no record (and no decoded chunk) is kept. */
export interface Sighting {
  time: number | null;
  timeText: string;
}

export interface ErrorGroup {
  keys: string[];
  count: number;
  /** Count in the previous window (--compare). */
  previous: number;
  first: Sighting | null;
  last: Sighting | null;
  /** The first line of the group's first message in either window, to show what it looks like. */
  sample: string;
}

export interface ErrorGroupState {
  groups: Array<[string, ErrorGroup]>;
  total: number;
  previousTotal: number;
}

/** Counts records per key tuple, in the current window and (for --compare) the one before. */
export class ErrorGroupCounter {
  private readonly groups = new Map<string, ErrorGroup>();
  total = 0;
  previousTotal = 0;
  private readonly keyFunctions: KeyFunction[];

  constructor(keyNames: readonly string[], options: CounterOptions) {
    this.keyFunctions = keyNames.map((name) => KEYS[name]!(options));
  }

  push(record: LogRecord, inCurrentWindow: boolean): void {
    const { keyFunctions } = this;
    // One key (the usual --by type): its value is the id, no array or join per record.
    const keys = keyFunctions.length === 1 ? null : keyFunctions.map((key) => key(record));
    const id = keys ? keys.join('\u0000') : keyFunctions[0]!(record);
    let group = this.groups.get(id);
    if (!group) {
      const sample = detach(capKey(firstLineOf(record.message)));
      const groupKeys = (keys ?? [id]).map(detach);
      group = { keys: groupKeys, count: 0, previous: 0, first: null, last: null, sample };
      this.groups.set(id, group);
    }
    if (!inCurrentWindow) {
      group.previous++;
      this.previousTotal++;
      return;
    }
    group.count++;
    this.total++;
    const seen = { time: record.time, timeText: detach(record.timeText) };
    group.first ??= seen;
    group.last = seen;
  }

  /** The groups and totals as plain data, for a worker thread to post. */
  exportState(): ErrorGroupState {
    return { groups: [...this.groups], total: this.total, previousTotal: this.previousTotal };
  }

  /**
   * Takes in the state of a counter that read the records right after this one's (the next
   * shard of files): first/last sightings and samples come out as one pass would give them.
   */
  mergeState(state: ErrorGroupState): void {
    this.total += state.total;
    this.previousTotal += state.previousTotal;
    for (const [id, later] of state.groups) {
      const group = this.groups.get(id);
      if (!group) {
        this.groups.set(id, later);
        continue;
      }
      group.count += later.count;
      group.previous += later.previous;
      group.first ??= later.first;
      group.last = later.last ?? group.last;
    }
  }

  /** Most frequent first; groups seen only in the previous window last. */
  sorted(): ErrorGroup[] {
    return [...this.groups.values()].sort(
      (a, b) => b.count - a.count || b.previous - a.previous || a.keys.join().localeCompare(b.keys.join()),
    );
  }
}
