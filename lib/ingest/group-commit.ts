import { AppError } from "@/lib/errors";

export interface GroupCommitOptions {
  /** A flush starts as soon as this many rows wait (and a flush may take more than one item only up to it). */
  maxFlushRows: number;
  /** How long the first item that finds the database idle waits for company before its flush starts. */
  maxDelayMs: number;
  /** Flushes running at once: 1 for the embedded database (it runs one statement at a time anyway). */
  maxInFlight: number;
  /** Rows waiting (not yet flushing) past which a new item is refused with 503 and Retry-After. */
  maxQueuedRows: number;
}

export interface GroupCommitStats {
  flushes: number;
  /** Items retried on their own after their group's flush failed. */
  retriedAlone: number;
  refused: number;
}

interface Waiting<I, R> {
  item: I;
  rows: number;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export const queueFull = () =>
  new AppError({
    code: "unavailable",
    message: "The ingest queue is full; retry the same request after the delay in Retry-After",
    headers: { "retry-after": "1" },
  });

/**
 * Group commit: items submitted by concurrent requests go to the database together, in one `write` call (one
 * statement), and each submitter is answered with its own result only once that write has returned, i.e. its rows
 * have committed. A flush starts when `maxFlushRows` rows wait, when the first waiting item has waited `maxDelayMs`,
 * or as soon as a running flush ends and a slot is free (what arrived during a flush goes out in the next one, so
 * under load the batches grow by themselves and the timer only matters on an idle database).
 *
 * A failed flush of several items is retried item by item, in order, so one bad item (a row the database refuses)
 * fails its own request only; each item is then answered by its own write. Items keep their submission order within
 * and across flushes while `maxInFlight` is 1. The queue is bounded: past `maxQueuedRows` waiting rows a new item is
 * refused at once with 503 and Retry-After (it was never written, so the client's retry is safe).
 */
export class GroupCommitQueue<I, R> {
  private waiting: Waiting<I, R>[] = [];
  private waitingRows = 0;
  private inFlight = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly stats: GroupCommitStats = { flushes: 0, retriedAlone: 0, refused: 0 };

  constructor(
    private readonly write: (items: I[]) => Promise<R[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(item: I, rows: number): Promise<R> {
    // A lone item larger than the bound is still taken: it would never fit, and an empty queue has room for it.
    if (this.waiting.length > 0 && this.waitingRows + rows > this.options.maxQueuedRows) {
      this.stats.refused += 1;
      return Promise.reject(queueFull());
    }
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, rows, resolve, reject });
      this.waitingRows += rows;
      if (this.waitingRows >= this.options.maxFlushRows) this.flushWhileFree();
      else this.timer ??= setTimeout(() => this.onTimer(), this.options.maxDelayMs);
    });
  }

  private onTimer() {
    this.timer = undefined;
    this.flushWhileFree();
  }

  private flushWhileFree() {
    while (this.waiting.length > 0 && this.inFlight < this.options.maxInFlight) {
      void this.flush(this.take());
    }
    if (this.waiting.length === 0 && this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  /** The oldest waiting items up to `maxFlushRows` rows (at least one). */
  private take(): Waiting<I, R>[] {
    let rows = 0;
    let count = 0;
    for (const entry of this.waiting) {
      if (count > 0 && rows + entry.rows > this.options.maxFlushRows) break;
      rows += entry.rows;
      count += 1;
    }
    this.waitingRows -= rows;
    return this.waiting.splice(0, count);
  }

  private async flush(group: Waiting<I, R>[]) {
    this.inFlight += 1;
    this.stats.flushes += 1;
    try {
      const results = await this.write(group.map((entry) => entry.item));
      for (const [index, entry] of group.entries()) entry.resolve(results[index] as R);
    } catch (error) {
      if (group.length === 1) group[0]?.reject(error);
      else await this.retryAlone(group);
    } finally {
      this.inFlight -= 1;
    }
    // What arrived while this flush ran has waited at least as long as the timer would make it.
    this.flushWhileFree();
  }

  private async retryAlone(group: Waiting<I, R>[]) {
    for (const entry of group) {
      this.stats.retriedAlone += 1;
      try {
        const [result] = await this.write([entry.item]);
        entry.resolve(result as R);
      } catch (error) {
        entry.reject(error);
      }
    }
  }
}
