import { openRegular } from './regularFile.js';
import { NEWLINE } from '../core/lineBytes.js';

/** Counts the lines before `offset`, for line numbers of records found by reading backwards. */
export async function countLinesBefore(path: string, offset: number): Promise<number> {
  if (offset === 0) return 0;
  const file = await openRegular(path);
  try {
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    let count = 0;
    for (let position = 0; position < offset;) {
      const { bytesRead } = await file.read(chunk, 0, Math.min(chunk.length, offset - position), position);
      if (bytesRead === 0) break;
      for (let i = chunk.indexOf(NEWLINE, 0); i !== -1 && i < bytesRead; i = chunk.indexOf(NEWLINE, i + 1))
        count++;
      position += bytesRead;
    }
    return count;
  } finally {
    await file.close();
  }
}
