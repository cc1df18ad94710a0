import { refused } from './transfer-format.js';

// No record the tracker writes comes near this (an item's summary is at most 5,000 characters);
// a longer line is refused before it is held whole, well below what one string can hold.
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

// The lines of a file's bytes, each UTF-8 and at most maxBytes long; a line break may be \n or \r\n.
export async function* fileLines(chunks: AsyncIterable<Buffer>, maxBytes = MAX_LINE_BYTES): AsyncGenerator<string> {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNumber = 0;
  const hold = (piece: Buffer) => {
    pendingBytes += piece.length;
    if (pendingBytes > maxBytes) {
      throw refused(`line ${lineNumber + 1}`, `is longer than ${maxBytes} bytes, which no record is`);
    }
    pending.push(piece);
  };
  const take = (): string => {
    lineNumber += 1;
    const bytes = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    try {
      return utf8.decode(bytes.at(-1) === 13 ? bytes.subarray(0, -1) : bytes);
    } catch {
      throw refused(`line ${lineNumber}`, 'is not UTF-8');
    }
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
      hold(chunk.subarray(start, end));
      yield take();
      start = end + 1;
    }
    hold(chunk.subarray(start));
  }
  if (pendingBytes > 0) {
    yield take();
  }
}
