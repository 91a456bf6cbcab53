import { detach } from '../core/detach.js';
import { logZoneOf, type ZoneChoice } from '../core/logZone.js';
import type { LogRecord } from '../core/record.js';
import { ErrorGroupCounter, errorType, type ErrorGroupState } from './errorGroups.js';

/** What `errors count` counts, as plain data (a worker thread builds the same operator from it). */
export interface ErrorCountSpec {
  by: string[];
  qualified: boolean;
  /** --fail-on was given: remember every type seen in the current window. */
  collectTypes: boolean;
  /** --compare: records before `since` count in the previous window. */
  window: { since: number; until: number; previousSince: number } | null;
  /** The zone the log's times are read in (--by hour is an hour of its wall clock). */
  zone: ZoneChoice;
}

export interface ErrorCountState {
  groups: ErrorGroupState;
  typesSeen: string[];
  suspect: number;
}

/** The errors count operator: groups each record in its window and notes the types seen. */
export class ErrorCountOperator {
  readonly counter: ErrorGroupCounter;
  readonly typesSeen = new Set<string>();
  /** Records counted in the current window whose header looks forged (injectionCheck.ts). */
  suspect = 0;

  constructor(private readonly spec: ErrorCountSpec) {
    this.counter = new ErrorGroupCounter(spec.by, {
      qualified: spec.qualified,
      wallClock: logZoneOf(spec.zone).wallClock,
    });
  }

  push(records: readonly LogRecord[]): void {
    const { window, collectTypes } = this.spec;
    for (const record of records) {
      const current = !window || (record.time !== null && record.time >= window.since);
      this.counter.push(record, current);
      if (current && record.suspect !== undefined) this.suspect++;
      if (current && collectTypes) {
        this.seeType(errorType(record, { qualified: false }));
        this.seeType(errorType(record, { qualified: true }));
      }
    }
  }

  private seeType(type: string): void {
    if (!this.typesSeen.has(type)) this.typesSeen.add(detach(type));
  }

  exportState(): ErrorCountState {
    return { groups: this.counter.exportState(), typesSeen: [...this.typesSeen], suspect: this.suspect };
  }

  /** Takes in the state of the operator that read the next shard of files. */
  mergeState(state: ErrorCountState): void {
    this.counter.mergeState(state.groups);
    for (const type of state.typesSeen) this.typesSeen.add(type);
    this.suspect += state.suspect;
  }
}
