/**
 * A bounded min-heap that restores time order of a nearly sorted stream (trace events are sorted per thread,
 * not globally) without holding the whole stream: ordered by `ts`, then arrival order (stable).
 */
export interface Ordered {
  ts: number;
  seq: number;
}

export class ReorderBuffer<T extends Ordered> {
  private readonly heap: T[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(item: T): void {
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!isBefore(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  pop(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || last === undefined) return top;
    heap[0] = last;
    let i = 0;
    while (true) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && isBefore(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && isBefore(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) break;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
    return top;
  }
}

function isBefore(a: Ordered, b: Ordered): boolean {
  return a.ts < b.ts || (a.ts === b.ts && a.seq < b.seq);
}
