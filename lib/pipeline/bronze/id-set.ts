/**
 * A set of event ids stored as 64-bit fingerprints (two independent 32-bit string hashes) in a typed-array open
 * addressing table. A `Set<string>` of a million ids costs ~100 MB and most of bronze's time in garbage collection;
 * this costs 16 bytes per id and no GC. Two ids collide with probability ~n²/2⁶⁵ (≈3·10⁻⁸ for a million events),
 * in which case the later one is renamed like a duplicate — never merged or dropped.
 */
export class IdSet {
  private table = new Uint32Array(2 * 1024);
  private count = 0;

  /** Adds `id`; returns false when it was already present. */
  add(id: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 5381;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = (Math.imul(h2, 33) + c) | 0;
    }
    // 0/0 marks an empty slot.
    h1 = h1 >>> 0 || 1;
    h2 >>>= 0;
    if ((this.count + 1) * 2 > this.table.length / 2) this.grow();
    return this.insert(h1, h2);
  }

  private insert(h1: number, h2: number): boolean {
    const table = this.table;
    const mask = table.length / 2 - 1;
    let slot = (h1 ^ h2) & mask;
    while (table[2 * slot] !== 0) {
      if (table[2 * slot] === h1 && table[2 * slot + 1] === h2) return false;
      slot = (slot + 1) & mask;
    }
    table[2 * slot] = h1;
    table[2 * slot + 1] = h2;
    this.count++;
    return true;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.insert(old[i]!, old[i + 1]!);
  }
}
