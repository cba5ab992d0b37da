/**
 * Splits a byte stream into lines without decoding it, so each line can be checked for valid UTF-8 on its own
 * and one bad line does not spoil the rest. A trailing "\r" is dropped; a final newline does not make an empty line.
 * The lines that end in one chunk of the stream come out together, so a caller can answer them with one write.
 */
export async function* byteLineBatches(stream: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer[]> {
  let pending = Buffer.alloc(0);
  for await (const chunk of stream) {
    pending = Buffer.concat([pending, typeof chunk === 'string' ? Buffer.from(chunk) : chunk]);
    const lines: Buffer[] = [];
    let from = 0;
    for (let newline = pending.indexOf(0x0a); newline !== -1; newline = pending.indexOf(0x0a, from)) {
      lines.push(trimCarriageReturn(pending.subarray(from, newline)));
      from = newline + 1;
    }
    pending = pending.subarray(from);
    if (lines.length > 0) yield lines;
  }
  if (pending.length > 0) yield [trimCarriageReturn(pending)];
}

function trimCarriageReturn(line: Buffer): Buffer {
  return line.at(-1) === 0x0d ? line.subarray(0, -1) : line;
}
