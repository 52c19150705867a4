import type { LaneItems } from "./timeline-tiles";

/**
 * The explorer's find-by-id part of the index: a lane's items by id, cut into shards by a hash of the id, each
 * holding about `IDS_PER_SHARD` items with their times. Finding an item the browser has not loaded (a provenance
 * chip, an `#item=` link, on a 1M-event lane) reads one small shard, never the lane.
 */
export const IDS_PER_SHARD = 4096;

/** Shards for a lane of `count` items: a power of two, so a shard is the hash's low bits. */
export function idShardCount(count: number): number {
  let shards = 1;
  while (shards * IDS_PER_SHARD < count) shards *= 2;
  return shards;
}

/** FNV-1a over the id's UTF-16 code units: stable across processes and cheap. */
export function idShardOf(id: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & (shards - 1);
}

export interface IdShard {
  ids: string[];
  starts: number[];
  ends: number[];
}

/** Every shard of a lane, in shard order (an empty one too: a lookup then reads an empty shard, not a missing one). */
export function buildIdShards(items: Pick<LaneItems, "ids" | "starts" | "ends">, shards: number): IdShard[] {
  const out: IdShard[] = Array.from({ length: shards }, () => ({ ids: [], starts: [], ends: [] }));
  items.ids.forEach((id, i) => {
    const shard = out[idShardOf(id, shards)] as IdShard;
    shard.ids.push(id);
    shard.starts.push(items.starts[i] as number);
    shard.ends.push(items.ends[i] as number);
  });
  return out;
}
