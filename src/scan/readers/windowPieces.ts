import type { LogRecord } from '../../core/record.js';
import { NEWLINE, PIECE_BYTES } from '../../core/lineBytes.js';

/** A reader of windows of whole lines (recordReader.ts): see WindowScan. */
export interface PieceScanner {
  /** Appends the records found to `out`; returns how much it consumed (the rest is carried). */
  scan(bytes: Buffer, final: boolean, out: LogRecord[]): number;
}

/**
 * Scans a window piece by piece, yielding each piece's records (small batches die young,
 * before the garbage collector has to copy them); returns where the carried-over record starts.
 */
export function* scanInPieces(
  scanner: PieceScanner,
  data: Buffer,
  final: boolean,
): Generator<LogRecord[], number> {
  const end = data.length;
  if (end === 0) {
    const out: LogRecord[] = [];
    scanner.scan(data, final, out);
    if (out.length > 0) yield out;
    return 0;
  }
  let offset = 0;
  let size = PIECE_BYTES;
  while (offset < end) {
    const last = offset + size >= end;
    const cut = last ? end : data.lastIndexOf(NEWLINE, offset + size - 1) + 1;
    if (cut <= offset) {
      size *= 2; // a line longer than the piece
      continue;
    }
    const out: LogRecord[] = [];
    const consumed = scanner.scan(data.subarray(offset, cut), final && last, out);
    if (out.length > 0) yield out;
    if (consumed === 0 && !last) {
      size *= 2; // one record fills the piece: widen it
      continue;
    }
    offset += consumed;
    size = PIECE_BYTES;
    if (last) break;
  }
  return offset;
}
