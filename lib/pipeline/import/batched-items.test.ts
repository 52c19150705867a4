import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BatchedItems } from "./batched-items";

async function* batchesOf(batches: number[][], log: string[] = []): AsyncGenerator<number[]> {
  try {
    for (const batch of batches) yield batch;
  } finally {
    log.push("closed");
  }
}

/** What the async generator it replaces yields, for comparison. */
async function* flattenReference<T>(batches: AsyncIterable<readonly T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch;
}

async function take<T>(items: AsyncIterable<T>, count: number): Promise<T[]> {
  const out: T[] = [];
  if (count === 0) return out;
  for await (const item of items) {
    out.push(item);
    if (out.length >= count) break;
  }
  return out;
}

describe("BatchedItems", () => {
  it("yields what a flattening async generator yields, for any batches and early stop (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.integer(), { maxLength: 5 }), { maxLength: 8 }),
        fc.nat(40),
        async (batches, stopAfter) => {
          const log: string[] = [];
          const referenceLog: string[] = [];
          const items = await take(new BatchedItems(batchesOf(batches, log)), stopAfter);
          const expected = await take(flattenReference(batchesOf(batches, referenceLog)), stopAfter);
          expect(items).toEqual(expected);
          expect(log).toEqual(referenceLog);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("continues where a stopped loop left off only through the same object, like a generator", async () => {
    const items = new BatchedItems(batchesOf([[1, 2], [3], [4, 5]]));
    const first: number[] = [];
    for await (const item of items) {
      first.push(item);
      if (item === 2) break;
    }
    expect(first).toEqual([1, 2]);
    // `break` closed it, as it closes a generator.
    expect(await take(items, 10)).toEqual([]);
  });

  it("hands over the rest as batches, starting inside the current batch", async () => {
    const log: string[] = [];
    const items = new BatchedItems(batchesOf([[1, 2, 3], [], [4, 5]], log));
    expect(await items.next()).toEqual({ value: 1, done: false });
    const rest: (readonly number[])[] = [];
    for await (const batch of items.takeBatches()) rest.push(batch);
    expect(rest).toEqual([[2, 3], [], [4, 5]]);
    expect(log).toEqual(["closed"]);
    expect(await items.next()).toEqual({ value: undefined, done: true });
  });

  it("closes the source when a batch consumer stops early", async () => {
    const log: string[] = [];
    const items = new BatchedItems(batchesOf([[1], [2], [3]], log));
    for await (const batch of items.takeBatches()) if (batch[0] === 2) break;
    expect(log).toEqual(["closed"]);
  });

  it("passes errors of the source through", async () => {
    async function* failing(): AsyncGenerator<number[]> {
      yield [1];
      throw new Error("broken stream");
    }
    const items = new BatchedItems(failing());
    await expect(take(items, 5)).rejects.toThrow("broken stream");
  });
});
