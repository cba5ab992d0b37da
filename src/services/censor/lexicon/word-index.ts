/**
 * The first level of the word trie: a Map from word to node, with a second, flat index keyed by a hash the
 * tokenizer computes while it reads a word. Every token is looked up here, and hashing a freshly sliced string
 * inside Map#get (a big map once plain words are remembered) was the scan's costliest line.
 */

/** FNV-1a over UTF-16 code units; `tokens.ts` computes the same, a character at a time, as it reads a word. */
export const HASH_SEED = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;
export const hashStep = (hash: number, code: number) => Math.imul(hash ^ code, FNV_PRIME);
/** Thirty bits: a small integer to V8, so a token holds its hash without boxing it. */
export const hashEnd = (hash: number) => hash & 0x3fffffff;

export function hashWord(word: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hashEnd(hash);
}

/** A Map of words that can also be read by hash. Writes go through the Map; the flat index follows them. */
export class WordIndex<V> extends Map<string, V> {
  #hashes = new Int32Array(0);
  #keys: Array<string | undefined> = [];
  #values: Array<V | undefined> = [];
  #mask = -1;
  /** A key was deleted: the flat index is rebuilt on the next lookup (deletions come in bulk). */
  #stale = false;

  override set(key: string, value: V): this {
    return this.setHashed(key, hashWord(key), value);
  }

  /** Sets `key`, whose `hashWord` is `hash`, to `value`. */
  setHashed(key: string, hash: number, value: V): this {
    const size = this.size;
    super.set(key, value);
    if (this.#stale) return this;
    // Kept at most half full, so a probe ends soon at an empty slot.
    if (this.size > size && this.size * 2 > this.#mask + 1) this.#rebuild();
    else this.#place(key, value, hash);
    return this;
  }

  override delete(key: string): boolean {
    const deleted = super.delete(key);
    if (deleted) this.#stale = true;
    return deleted;
  }

  override clear(): void {
    super.clear();
    this.#stale = true;
  }

  /** The value of `key`, whose `hashWord` is `hash`. */
  getHashed(key: string, hash: number): V | undefined {
    if (this.#stale) this.#rebuild();
    const keys = this.#keys;
    const mask = this.#mask;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const candidate = keys[i];
      if (candidate === undefined) return undefined;
      if (this.#hashes[i] === hash && candidate === key) return this.#values[i];
    }
  }

  /** Puts `key` in its slot, or updates it there. */
  #place(key: string, value: V, hash: number): void {
    const mask = this.#mask;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const candidate = this.#keys[i];
      if (candidate === undefined || (this.#hashes[i] === hash && candidate === key)) {
        this.#hashes[i] = hash;
        this.#keys[i] = key;
        this.#values[i] = value;
        return;
      }
    }
  }

  #rebuild(): void {
    let capacity = 16;
    while (capacity < this.size * 4) capacity *= 2;
    this.#hashes = new Int32Array(capacity);
    this.#keys = new Array<string | undefined>(capacity).fill(undefined);
    this.#values = new Array<V | undefined>(capacity).fill(undefined);
    this.#mask = capacity - 1;
    this.#stale = false;
    for (const [key, value] of super.entries()) this.#place(key, value, hashWord(key));
  }
}
