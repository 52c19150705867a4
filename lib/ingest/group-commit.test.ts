import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { type GroupCommitOptions, GroupCommitQueue } from "./group-commit";

const options: GroupCommitOptions = {
  maxFlushRows: 100,
  maxDelayMs: 1,
  maxInFlight: 1,
  maxQueuedRows: 1_000,
};

/** A write that records each call's items and answers each item with its doubled value, or fails on `poison`. */
function recordingWrite(delayMs = 0) {
  const calls: number[][] = [];
  const write = async (items: number[]) => {
    calls.push([...items]);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (items.includes(-1)) throw new Error("poisoned");
    return items.map((item) => item * 2);
  };
  return { calls, write };
}

describe("GroupCommitQueue", () => {
  it("writes items submitted together in one call and answers each with its own result", async () => {
    const { calls, write } = recordingWrite();
    const queue = new GroupCommitQueue(write, options);
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => queue.submit(n, 10)));
    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(calls).toEqual([[1, 2, 3, 4, 5]]);
    expect(queue.stats.flushes).toBe(1);
  });

  it("starts a flush at the row bound without waiting for the timer, and never exceeds the bound", async () => {
    const { calls, write } = recordingWrite();
    const queue = new GroupCommitQueue(write, { ...options, maxDelayMs: 60_000 });
    const started = performance.now();
    await Promise.all([1, 2, 3, 4].map((n) => queue.submit(n, 50)));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(calls).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it("groups what arrives while a flush runs into the next flush, in submission order", async () => {
    const { calls, write } = recordingWrite(20);
    const queue = new GroupCommitQueue(write, options);
    const first = queue.submit(1, 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const rest = [2, 3, 4].map((n) => queue.submit(n, 1));
    expect(await Promise.all([first, ...rest])).toEqual([2, 4, 6, 8]);
    expect(calls).toEqual([[1], [2, 3, 4]]);
  });

  it("retries a failed group item by item: only the bad item's submitter sees the error", async () => {
    const { calls, write } = recordingWrite();
    const queue = new GroupCommitQueue(write, options);
    const outcomes = await Promise.allSettled([1, -1, 3].map((n) => queue.submit(n, 1)));
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(outcomes[0]).toMatchObject({ value: 2 });
    expect(outcomes[1]).toMatchObject({ reason: new Error("poisoned") });
    expect(outcomes[2]).toMatchObject({ value: 6 });
    expect(calls).toEqual([[1, -1, 3], [1], [-1], [3]]);
    expect(queue.stats.retriedAlone).toBe(3);
  });

  it("refuses an item with 503 and Retry-After when the waiting rows would pass the bound", async () => {
    const { write } = recordingWrite(20);
    const queue = new GroupCommitQueue(write, { ...options, maxFlushRows: 10_000, maxQueuedRows: 100 });
    const accepted = [queue.submit(1, 60)];
    const refused = queue.submit(2, 60);
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ status: 503, headers: { "retry-after": "1" } });
    // A lone item larger than the bound is taken when nothing waits.
    expect(await Promise.all(accepted)).toEqual([2]);
    expect(await queue.submit(3, 500)).toBe(6);
    expect(queue.stats.refused).toBe(1);
  });

  it("runs up to maxInFlight flushes at once", async () => {
    let running = 0;
    let most = 0;
    const queue = new GroupCommitQueue(
      async (items: number[]) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running -= 1;
        return items;
      },
      { ...options, maxFlushRows: 1, maxInFlight: 2 },
    );
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => queue.submit(n, 1)))).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });
});
