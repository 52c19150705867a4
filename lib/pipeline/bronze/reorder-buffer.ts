/**
 * A bounded window that restores the time order of a nearly sorted stream (trace events are sorted per thread,
 * not globally) without holding the whole stream. Stable: equal times keep arrival order. Insertion walks back
 * from the newest item, so an already sorted stream costs O(1) per item.
 */
export class ReorderBuffer<T extends { ts: number }> {
  private items: T[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    const items = this.items;
    let position = items.length;
    while (position > this.head && items[position - 1]!.ts > item.ts) position--;
    if (position === items.length) items.push(item);
    else items.splice(position, 0, item);
  }

  /** Removes and returns the earliest item. */
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head]!;
    this.items[this.head] = undefined as unknown as T;
    this.head++;
    // Compact once the consumed prefix dominates, keeping shift O(1) amortised.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}
