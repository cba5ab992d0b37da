/**
 * Serialises async tasks per key with a promise chain: a task for a key starts only after every earlier task for
 * that key has settled. This is the store's concurrency guarantee, and it holds within one process only — which
 * is enough because all of a guild's traffic reaches one process (sharding by guild).
 *
 * A task must not wait for another task on its own key (that deadlocks); tasks may take other keys' locks as
 * long as the nesting order is the same everywhere.
 */
export class KeyedMutex {
  readonly #tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  /** Resolves once no task is running or waiting, including tasks queued while waiting. */
  async idle(): Promise<void> {
    while (this.#tails.size > 0) await Promise.all(this.#tails.values());
  }
}
