import { z } from "zod";
import { text } from "./text";

export const laneIdSchema = z
  .enum(["events", "interactions", "windows", "actions", "toolCalls"])
  .describe("Timeline lane: raw events, interactions, windows, actions or tool calls.");

export const timelineQuerySchema = z.object({ lane: laneIdSchema.default("events") });

export const timelineChunkSchema = z
  .object({
    lane: laneIdSchema,
    starts: z.array(z.number()).describe("Start of each item, ms after the session's first event."),
    ends: z.array(z.number()),
    ids: z.array(text()),
    labels: z.array(text()),
    categories: z
      .array(text())
      .describe("Event type, interaction kind, page kind, action slug or tool name."),
    flagged: z.array(z.number()).optional().describe("1 where the item needs review."),
    links: z.array(z.array(text())).optional().describe("Ids of the items each one came from."),
  })
  .describe("One NDJSON line of a timeline lane.");

export const timelineManifestSchema = z
  .object({
    version: text().describe(
      "Changes when the index is rebuilt; tiles are requested with it and cached forever.",
    ),
    bounds: z
      .object({ from: z.number(), to: z.number() })
      .describe("The span the tiles cut up, ms after the session's first event."),
    binsPerTile: z.number().int(),
    rawItemsPerTile: z.number().int(),
    lanes: z.array(
      z.object({
        id: laneIdSchema,
        label: text(),
        count: z.number().int(),
        categoryNames: z.array(text()),
        maxDuration: z.number(),
        idShards: z
          .number()
          .int()
          .min(1)
          .optional()
          .describe("Shards of the lane's find-by-id index; absent in an index built before it."),
      }),
    ),
  })
  .describe("The explorer's per-zoom index of a session: what its tiles cover and each lane's size.");
export type TimelineManifest = z.infer<typeof timelineManifestSchema>;

export const timelineTileQuerySchema = z.object({
  v: text().min(1).max(64).describe("The manifest's version."),
  lane: laneIdSchema,
  level: z.coerce
    .number()
    .int()
    .min(0)
    .max(12)
    .describe("Zoom level: level 0 is one tile, each level has 4× the tiles."),
  tile: z.coerce.number().int().min(0).describe("Tile index within the level, in time order."),
});

const binsTileSchema = z.object({
  kind: z.literal("bins"),
  lane: laneIdSchema,
  level: z.number().int(),
  tile: z.number().int(),
  bins: z.array(z.number().int()).describe("Indexes of the non-empty bins, of `binsPerTile` per tile."),
  counts: z.array(z.number().int()),
  top: z
    .array(z.number().int())
    .describe("Each bin's most frequent category, an index into the lane's names."),
  flagged: z.array(z.number().int()).optional(),
});

const itemsTileSchema = z.object({
  kind: z.literal("items"),
  lane: laneIdSchema,
  level: z.number().int(),
  tile: z.number().int(),
  starts: z.array(z.number()),
  ends: z.array(z.number()),
  ids: z.array(text()),
  labels: z.array(text()),
  categories: z.array(z.number().int()),
  flagged: z.array(z.number().int()).optional(),
  links: z.array(z.array(text())).optional(),
});

export const timelineTileSchema = z
  .discriminatedUnion("kind", [binsTileSchema, itemsTileSchema])
  .describe("One tile of a lane: sparse density bins, or the raw items once the tile holds few enough.");

/**
 * What a picture of a tile reads: its bins, or its items' times, categories and flags. A leaf's bulk (ids, labels,
 * links: most of a 4,096-item tile) is left unread, so the session page's overview costs a few ms, not tens.
 */
export const timelineTilePictureSchema = z.discriminatedUnion("kind", [
  binsTileSchema,
  itemsTileSchema.omit({ ids: true, labels: true, links: true }),
]);
export type TimelineTilePicture = z.infer<typeof timelineTilePictureSchema>;

export const timelineItemsQuerySchema = z.object({
  ids: text()
    .transform((value) => [...new Set(value.split(",").filter(Boolean))])
    .pipe(z.array(text().min(1).max(200)).min(1).max(50))
    .describe("Up to 50 item ids, comma-separated."),
});

export const timelineItemRefSchema = z
  .object({
    id: text(),
    lane: laneIdSchema,
    start: z.number().describe("ms after the session's first event."),
    end: z.number(),
  })
  .describe("Where an item is on the timeline, to zoom to it before its tiles are loaded.");
export type TimelineItemRef = z.infer<typeof timelineItemRefSchema>;

/** One shard of a lane's find-by-id index, as stored (lib/explorer/timeline-id-shards). */
export const timelineIdShardSchema = z.object({
  ids: z.array(text()),
  starts: z.array(z.number()),
  ends: z.array(z.number()),
});
