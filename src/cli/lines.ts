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

/** How many bytes of output are gathered before they are handed on. */
const CHUNK_BYTES = 1 << 18;

/**
 * Gathers text as UTF-8 and hands it on in chunks. Each piece is encoded as it comes, into a buffer: one long string
 * built by `+=` would be flattened and then encoded whole, which cost more than serialising the records.
 */
export class Utf8Chunks {
  readonly #write: (bytes: Uint8Array) => void;
  #buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  #used = 0;

  constructor(write: (bytes: Uint8Array) => void) {
    this.#write = write;
  }

  add(text: string): void {
    // A UTF-16 code unit takes at most three bytes of UTF-8.
    if (text.length * 3 > this.#buffer.length - this.#used) {
      this.flush();
      if (text.length * 3 > this.#buffer.length) {
        this.#write(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.#used += this.#buffer.write(text, this.#used, 'utf8');
  }

  /** Hands on what was gathered, in a buffer of its own (a stream may keep it until it is written). */
  flush(): void {
    if (this.#used === 0) return;
    this.#write(this.#buffer.subarray(0, this.#used));
    this.#buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.#used = 0;
  }
}
