/**
 * The items of an async iterable of batches, one by one, as a hand-written async iterator.
 *
 * Why not `async function* flatten() { for await (const b of batches) yield* b; }`: each `yield` of an async
 * generator costs several promise jobs, and a million events paid that two or three times over (importer →
 * bronze → caller) — more CPU than parsing them. Here an item of the current batch costs one resolved promise.
 * A consumer that can take whole batches (bronze) asks for them with `takeBatches()` and skips the per-item
 * step entirely.
 *
 * Like a generator, the object is its own iterator: iterating it twice continues where the first loop stopped,
 * and `return()` (a `break` in `for await`) closes the underlying batches, running their `finally` blocks.
 */
export class BatchedItems<T> implements AsyncIterableIterator<T> {
  private batch: readonly T[] = [];
  private index = 0;
  private isDone = false;
  private iterator: AsyncIterator<readonly T[]> | undefined;

  constructor(private readonly batches: AsyncIterable<readonly T[]>) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  private source(): AsyncIterator<readonly T[]> {
    this.iterator ??= this.batches[Symbol.asyncIterator]();
    return this.iterator;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.index < this.batch.length) {
      return Promise.resolve({ value: this.batch[this.index++] as T, done: false });
    }
    return this.nextBatch();
  }

  private async nextBatch(): Promise<IteratorResult<T>> {
    while (!this.isDone) {
      const next = await this.source().next();
      if (next.done) {
        this.finish();
        break;
      }
      if (next.value.length > 0) {
        this.batch = next.value;
        this.index = 1;
        return { value: next.value[0] as T, done: false };
      }
    }
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<T>> {
    if (!this.isDone) {
      this.finish();
      await this.iterator?.return?.();
    }
    return { value: undefined, done: true };
  }

  private finish(): void {
    this.isDone = true;
    this.batch = [];
    this.index = 0;
  }

  /** The remaining items as batches (the rest of the current batch first); use instead of iterating items. */
  async *takeBatches(): AsyncGenerator<readonly T[]> {
    if (this.index < this.batch.length) {
      const rest = this.batch.slice(this.index);
      this.index = this.batch.length;
      yield rest;
    }
    if (this.isDone) return;
    try {
      while (true) {
        const next = await this.source().next();
        if (next.done) break;
        yield next.value;
      }
    } finally {
      await this.return();
    }
  }
}
