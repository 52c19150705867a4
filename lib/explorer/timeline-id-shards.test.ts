import { describe, expect, it } from "vitest";
import { buildIdShards, IDS_PER_SHARD, idShardCount, idShardOf } from "./timeline-id-shards";

describe("find-by-id shards", () => {
  it("are a power of two holding about IDS_PER_SHARD items each", () => {
    expect(idShardCount(0)).toBe(1);
    expect(idShardCount(IDS_PER_SHARD)).toBe(1);
    expect(idShardCount(IDS_PER_SHARD + 1)).toBe(2);
    expect(idShardCount(1_000_000)).toBe(256);
  });

  it("put every item in the shard its id hashes to, with its times", () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `evt-${i}`);
    const items = {
      ids,
      starts: Float64Array.from(ids, (_, i) => i),
      ends: Float64Array.from(ids, (_, i) => i + 1),
    };
    const count = idShardCount(ids.length);
    const shards = buildIdShards(items, count);
    expect(shards).toHaveLength(count);
    expect(shards.reduce((n, s) => n + s.ids.length, 0)).toBe(ids.length);
    // Spread evenly enough that no shard is a hot spot.
    for (const shard of shards) expect(shard.ids.length).toBeLessThan((ids.length / count) * 1.5);
    const shard = shards[idShardOf("evt-1234", count)];
    const i = shard?.ids.indexOf("evt-1234") ?? -1;
    expect([shard?.starts[i], shard?.ends[i]]).toEqual([1234, 1235]);
  });
});
