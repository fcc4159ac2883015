import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

const QUOTE = 0x22;
const LINE_FEED = 0x0a;

/**
 * A byte offset at or after `target` where a CSV record starts, so two readers can each take
 * one side of it; undefined when none starts within `window` bytes.
 *
 * A record starts after a line feed that is not inside a quoted field (RFC 4180 section 2 lets
 * a quoted field hold line breaks). In any file csv-parse accepts, quotes open and close
 * fields and are doubled inside them, so a position is inside a quoted field exactly when an
 * odd number of quote characters come before it: one pass counting quotes finds out, without
 * parsing. UTF-8 never uses the bytes 0x22 or 0x0a inside a multi-byte character.
 */
export async function recordBoundaryNear(
  file: string,
  target: number,
  window = 1 << 20,
): Promise<number | undefined> {
  if (target <= 0) return undefined;
  let inQuotes = false;
  for await (const chunk of createReadStream(file, { end: target - 1, highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === QUOTE) inQuotes = !inQuotes;
  }
  const handle = await open(file, 'r');
  try {
    const ahead = Buffer.alloc(window);
    const { bytesRead } = await handle.read(ahead, 0, window, target);
    for (let i = 0; i < bytesRead; i++) {
      const byte = ahead[i];
      if (byte === QUOTE) inQuotes = !inQuotes;
      // A boundary at the very end of the file would leave the second reader nothing.
      else if (byte === LINE_FEED && !inQuotes && i + 1 < bytesRead) return target + i + 1;
    }
    return undefined;
  } finally {
    await handle.close();
  }
}
