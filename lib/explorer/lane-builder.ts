import type { TimelineChunk } from "./timeline-chunks";
import { LANE_LABELS, type LaneColumns, type LaneId } from "./timeline-lanes";

/**
 * Accumulates streamed chunks of one lane into columns. Typed arrays grow by doubling so appending a chunk is
 * amortised O(chunk), and `snapshot()` hands React views of the filled part without copying.
 */
export class LaneBuilder {
  private starts = new Float64Array(1024);
  private ends = new Float64Array(1024);
  private categories = new Uint16Array(1024);
  private flagged = new Uint8Array(1024);
  private readonly ids: string[] = [];
  private readonly labels: string[] = [];
  private readonly links: string[][] = [];
  private readonly categoryIndex = new Map<string, number>();
  private readonly categoryNames: string[] = [];
  private hasFlags = false;
  private hasLinks = false;
  private length = 0;

  constructor(readonly id: LaneId) {}

  append(chunk: TimelineChunk): void {
    const n = chunk.ids.length;
    this.reserve(this.length + n);
    for (let i = 0; i < n; i++) {
      const at = this.length + i;
      this.starts[at] = chunk.starts[i] as number;
      this.ends[at] = chunk.ends[i] as number;
      const name = chunk.categories[i] as string;
      let category = this.categoryIndex.get(name);
      if (category === undefined) {
        category = this.categoryNames.length;
        this.categoryNames.push(name);
        this.categoryIndex.set(name, category);
      }
      this.categories[at] = category;
      this.flagged[at] = chunk.flagged?.[i] ?? 0;
      this.ids.push(chunk.ids[i] as string);
      this.labels.push(chunk.labels[i] as string);
      this.links.push(chunk.links?.[i] ?? []);
    }
    this.hasFlags ||= Boolean(chunk.flagged);
    this.hasLinks ||= Boolean(chunk.links);
    this.length += n;
  }

  private reserve(size: number) {
    if (size <= this.starts.length) return;
    let capacity = this.starts.length;
    while (capacity < size) capacity *= 2;
    const grow = <T extends Float64Array | Uint16Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.starts = grow(this.starts, (n) => new Float64Array(n));
    this.ends = grow(this.ends, (n) => new Float64Array(n));
    this.categories = grow(this.categories, (n) => new Uint16Array(n));
    this.flagged = grow(this.flagged, (n) => new Uint8Array(n));
  }

  snapshot(): LaneColumns {
    return {
      id: this.id,
      label: LANE_LABELS[this.id],
      starts: this.starts.subarray(0, this.length),
      ends: this.ends.subarray(0, this.length),
      ids: this.ids.slice(),
      labels: this.labels.slice(),
      categories: this.categories.subarray(0, this.length),
      categoryNames: this.categoryNames.slice(),
      flagged: this.hasFlags ? this.flagged.subarray(0, this.length) : undefined,
      links: this.hasLinks ? this.links.slice() : undefined,
    };
  }
}
