/**
 * Splits a byte stream into lines without decoding it, so each line can be checked for valid UTF-8 on its own
 * and one bad line does not spoil the rest. A trailing "\r" is dropped; a final newline does not make an empty line.
 */
export async function* byteLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let pending = Buffer.alloc(0);
  for await (const chunk of stream) {
    pending = Buffer.concat([pending, typeof chunk === 'string' ? Buffer.from(chunk) : chunk]);
    let newline = pending.indexOf(0x0a);
    while (newline !== -1) {
      yield trimCarriageReturn(pending.subarray(0, newline));
      pending = pending.subarray(newline + 1);
      newline = pending.indexOf(0x0a);
    }
  }
  if (pending.length > 0) yield trimCarriageReturn(pending);
}

function trimCarriageReturn(line: Buffer): Buffer {
  return line.at(-1) === 0x0d ? line.subarray(0, -1) : line;
}
