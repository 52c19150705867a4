import { childLogger } from "@/lib/logger";
import { getObjectStore } from "@/lib/storage/get-object-store";
import type { TimelineManifest } from "@/schemas/timeline";
import { firstEventTs, laneRows } from "./stream-session-timeline";
import type { Row } from "./timeline-chunks";
import { buildIdShards, idShardCount } from "./timeline-id-shards";
import { LANE_LABELS, type LaneId } from "./timeline-lanes";
import {
  buildLaneTiles,
  type LaneItems,
  MAX_TILE_LEVEL,
  maxItemDuration,
  RAW_ITEMS_PER_TILE,
  TILE_BINS,
  type TileBounds,
} from "./timeline-tiles";

const log = childLogger("timeline-index");

export const TIMELINE_LANES: LaneId[] = ["toolCalls", "actions", "windows", "interactions", "events"];

/** The index lives with the session's other derived artifacts, so retention and deletion remove it with them. */
export const timelineIndexPrefix = (sessionId: string) => `sessions/${sessionId}/artifacts/timeline/`;
export const timelineManifestKey = (sessionId: string) => `${timelineIndexPrefix(sessionId)}manifest.json`;
export const timelineTileKey = (sessionId: string, lane: LaneId, level: number, tile: number) =>
  `${timelineIndexPrefix(sessionId)}${lane}/${level}-${tile}.json`;
export const timelineIdShardKey = (sessionId: string, lane: LaneId, shard: number) =>
  `${timelineIndexPrefix(sessionId)}${lane}/ids-${shard}.json`;

/** A lane's rows as sorted columns with a category dictionary (the artifacts are in time order already). */
export async function collectLaneItems(
  lane: LaneId,
  rows: AsyncIterable<Row> | Iterable<Row>,
): Promise<LaneItems> {
  const all: Row[] = [];
  for await (const row of rows) all.push(row);
  if (all.some((row, i) => i > 0 && row.start < (all[i - 1] as Row).start))
    all.sort((a, b) => a.start - b.start);
  const categoryNames: string[] = [];
  const categoryIndex = new Map<string, number>();
  const categories = new Uint16Array(all.length);
  all.forEach((row, i) => {
    let index = categoryIndex.get(row.category);
    if (index === undefined) {
      index = categoryNames.length;
      categoryNames.push(row.category);
      categoryIndex.set(row.category, index);
    }
    categories[i] = index;
  });
  const hasFlags = all.some((row) => row.flagged !== undefined);
  const hasLinks = all.some((row) => row.links !== undefined);
  return {
    lane,
    starts: Float64Array.from(all, (row) => row.start),
    ends: Float64Array.from(all, (row) => row.end),
    ids: all.map((row) => row.id),
    labels: all.map((row) => row.label),
    categories,
    categoryNames,
    ...(hasFlags ? { flagged: Uint8Array.from(all, (row) => (row.flagged ? 1 : 0)) } : {}),
    ...(hasLinks ? { links: all.map((row) => row.links ?? []) } : {}),
  };
}

/** The span the lanes' items fall in: earliest start to latest end. */
export function indexBounds(lanes: LaneItems[]): TileBounds {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const lane of lanes) {
    for (let i = 0; i < lane.starts.length; i++) {
      from = Math.min(from, lane.starts[i] as number);
      to = Math.max(to, lane.ends[i] as number);
    }
  }
  if (!Number.isFinite(from)) return { from: 0, to: 1000 };
  return { from, to: Math.max(to, from + 1) };
}

/** Writes `count` puts at most `limit` at a time: thousands of small tiles, never all in flight at once. */
async function putAll(puts: Iterable<[string, string]>, limit = 16): Promise<number> {
  const store = await getObjectStore();
  const iterator = puts[Symbol.iterator]();
  let written = 0;
  const worker = async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      await store.put(next.value[0], next.value[1], { contentType: "application/json" });
      written++;
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return written;
}

/**
 * Reads a processed session's layers once and writes the explorer's index: per lane, tiles of bins and raw items
 * at every zoom level, then the manifest (last, so a manifest means a complete index). An earlier index is
 * removed first: a rebuilt tree can have another shape, and a stale deeper tile must not outlive it.
 */
export async function buildTimelineIndex(session: {
  id: string;
  suiteId: string;
  metrics: Record<string, unknown> | null;
}): Promise<TimelineManifest> {
  const started = performance.now();
  const t0 = await firstEventTs(session.id);
  const store = await getObjectStore();
  await store.deletePrefix(timelineIndexPrefix(session.id));
  const version = crypto.randomUUID().slice(0, 8);
  // The raw events define the session's span (as the explorer opens on it); items of other lanes outside it fall
  // in the first or last tile. Besides the events, one lane at a time is held in memory.
  const events = await collectLaneItems("events", await laneRows(session, "events", t0));
  const bounds = indexBounds([events]);
  const summaries: TimelineManifest["lanes"] = [];
  let tiles = 0;
  for (const id of TIMELINE_LANES) {
    const lane = id === "events" ? events : await collectLaneItems(id, await laneRows(session, id, t0));
    const idShards = idShardCount(lane.starts.length);
    tiles += await putAll(
      (function* () {
        for (const tile of buildLaneTiles(lane, bounds))
          yield [timelineTileKey(session.id, lane.lane, tile.level, tile.tile), JSON.stringify(tile)];
        for (const [shard, ids] of buildIdShards(lane, idShards).entries())
          yield [timelineIdShardKey(session.id, lane.lane, shard), JSON.stringify(ids)];
      })(),
    );
    summaries.push({
      id,
      label: LANE_LABELS[id],
      count: lane.starts.length,
      categoryNames: lane.categoryNames,
      maxDuration: maxItemDuration(lane),
      idShards,
    });
  }
  const manifest: TimelineManifest = {
    version,
    bounds,
    binsPerTile: TILE_BINS,
    rawItemsPerTile: RAW_ITEMS_PER_TILE,
    lanes: summaries,
  };
  await store.put(timelineManifestKey(session.id), JSON.stringify(manifest), {
    contentType: "application/json",
  });
  log.info(
    { sessionId: session.id, tiles, maxLevel: MAX_TILE_LEVEL, ms: Math.round(performance.now() - started) },
    "timeline index written",
  );
  return manifest;
}
