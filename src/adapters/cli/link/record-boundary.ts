import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Follows whether each byte of a CSV file is inside a quoted field. A record starts after a line
 * feed that is not inside one (RFC 4180 section 2 lets a quoted field hold line breaks). Where
 * quotes open fields, close them and are doubled inside them, a position is inside a quoted
 * field exactly when an odd number of quotes come before it. A quote anywhere else (Tom"s, in an
 * unquoted field) would throw that count out, and the parser takes it as a plain character, so
 * the tracker gives up: no boundary is trusted in such a file. UTF-8 never uses the bytes 0x22,
 * 0x2c or 0x0a inside a multi-byte character.
 */
class QuoteTracker {
  inQuotes = false;
  strayQuote = false;
  private previous = LINE_FEED;

  /** Feeds bytes; returns the index in `bytes` just after the first record-starting line feed, if `find`. */
  feed(bytes: Buffer, find: boolean): number {
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      if (byte === QUOTE) {
        const opensField =
          this.previous === COMMA ||
          this.previous === LINE_FEED ||
          this.previous === CARRIAGE_RETURN ||
          this.previous === QUOTE;
        if (!this.inQuotes && !opensField) this.strayQuote = true;
        this.inQuotes = !this.inQuotes;
      } else if (find && byte === LINE_FEED && !this.inQuotes) {
        this.previous = byte;
        return i + 1;
      }
      this.previous = byte;
    }
    return -1;
  }
}

/**
 * A byte offset at or after `target` where a CSV record starts, so two readers can each take
 * one side of it; undefined when none starts within `window` bytes before the end of the file,
 * or when the file has a quote the tracker cannot follow (QuoteTracker).
 */
export async function recordBoundaryNear(
  file: string,
  target: number,
  window = 1 << 20,
): Promise<number | undefined> {
  if (target <= 0) return undefined;
  const quotes = new QuoteTracker();
  let first = true;
  for await (const chunk of createReadStream(file, { end: target - 1, highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    // A byte-order mark is not part of the first field.
    const bom = first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    quotes.feed(bom ? bytes.subarray(3) : bytes, false);
    first = false;
  }
  const handle = await open(file, 'r');
  try {
    const ahead = Buffer.alloc(window);
    const { bytesRead } = await handle.read(ahead, 0, window, target);
    const at = quotes.feed(ahead.subarray(0, bytesRead), true);
    // A boundary at the very end of the file would leave the second reader nothing.
    if (quotes.strayQuote || at < 0 || at >= bytesRead) return undefined;
    return target + at;
  } finally {
    await handle.close();
  }
}
