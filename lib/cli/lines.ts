/**
 * Streams a byte stream as lines of raw bytes. (readline decodes with replacement characters,
 * which would hide invalid UTF-8; splitting bytes lets each bad line be reported precisely.)
 */

/** Yields each line's bytes (without the line break, `\r\n` or `\n`), one at a time, as the input arrives. */
export async function* byteLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  for await (const raw of input) {
    let chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    let nl = chunk.indexOf(10);
    while (nl !== -1) {
      pending.push(chunk.subarray(0, nl));
      yield trimCR(Buffer.concat(pending));
      pending = [];
      chunk = chunk.subarray(nl + 1);
      nl = chunk.indexOf(10);
    }
    if (chunk.length) pending.push(chunk);
  }
  if (pending.length) yield trimCR(Buffer.concat(pending));
}

function trimCR(line: Buffer): Buffer {
  return line.length && line[line.length - 1] === 13 ? line.subarray(0, -1) : line;
}
