import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { uuidParamSchema } from "@/schemas/common";
import { timelineQuerySchema } from "@/schemas/examples";
import {
  laneIdSchema,
  timelineQuerySchema as lanesQuerySchema,
  timelineChunkSchema,
  timelineItemRefSchema,
  timelineItemsQuerySchema,
  timelineManifestSchema,
  timelineTileQuerySchema,
  timelineTileSchema,
} from "@/schemas/timeline";
import { authenticated, json, problems } from "../responses";

const idPath = z.object({ id: uuidParamSchema });

export const timelinePaths: ZodOpenApiPathsObject = {
  "/v1/sessions/{id}/timeline": {
    get: {
      tags: ["Timeline"],
      summary: "Page through a processed session's layers",
      description:
        "Raw events, interactions, windows, actions or import issues of the session's last pipeline run, a page at a time by position (`after`) and/or time range.",
      security: authenticated,
      requestParams: { path: idPath, query: timelineQuerySchema },
      responses: {
        "200": json(
          z.object({
            object: z.literal("list"),
            layer: z.string(),
            session_id: z.uuid(),
            data: z.array(z.record(z.string(), z.unknown())),
            has_more: z.boolean(),
            next_after: z.number().int().nullable(),
          }),
          "One page of the layer.",
        ),
        ...problems(404),
      },
    },
  },
  "/v1/sessions/{id}/timeline/columns": {
    get: {
      tags: ["Timeline"],
      summary: "A timeline lane as columnar chunks",
      description:
        "What the trace explorer draws: one lane as NDJSON, each line a columnar chunk (parallel arrays of times, ids, labels, categories and links), streamed as it is read. 409 until the session is processed.",
      security: authenticated,
      requestParams: { path: idPath, query: lanesQuerySchema },
      responses: {
        "200": {
          description: "NDJSON, one `TimelineChunk` per line.",
          content: { "application/x-ndjson": { schema: timelineChunkSchema.meta({ id: "TimelineChunk" }) } },
        },
        ...problems(404, 409),
      },
    },
  },
  "/v1/sessions/{id}/timeline/summary": {
    get: {
      tags: ["Timeline"],
      summary: "The session's per-zoom timeline index",
      description:
        "What the trace explorer loads first: the span the index's tiles cut up, each lane's item count and categories, and the index version to request tiles with. Built when processing completes (or on first request for an older session). 409 until the session is processed.",
      security: authenticated,
      requestParams: { path: idPath },
      responses: {
        "200": json(timelineManifestSchema.meta({ id: "TimelineManifest" }), "The index manifest."),
        ...problems(404, 409),
      },
    },
  },
  "/v1/sessions/{id}/timeline/tiles": {
    get: {
      tags: ["Timeline"],
      summary: "One tile of a timeline lane at a zoom level",
      description:
        "Level 0 is one tile spanning the session; each level has four times the tiles. A tile holding many items is sparse density bins, one holding few is the raw items; a tile below a raw leaf is answered by that leaf. Immutable for a given index version (`v`), with an ETag.",
      security: authenticated,
      requestParams: { path: idPath, query: timelineTileQuerySchema },
      responses: {
        "200": json(timelineTileSchema.meta({ id: "TimelineTile" }), "The tile."),
        "304": { description: "The tile named by `If-None-Match`." },
        ...problems(404, 409, 422),
      },
    },
  },
  "/v1/sessions/{id}/timeline/items": {
    get: {
      tags: ["Timeline"],
      summary: "Find timeline items by id",
      description:
        "Which lane each item is in and when, from the index's find-by-id part, so a client can zoom to an item it has not loaded and fetch that range's tiles. Ids not found are left out. 409 until the session is processed.",
      security: authenticated,
      requestParams: { path: idPath, query: timelineItemsQuerySchema },
      responses: {
        "200": json(
          z.object({ data: z.array(timelineItemRefSchema.meta({ id: "TimelineItemRef" })) }),
          "The items found.",
        ),
        ...problems(404, 409, 422),
      },
    },
  },
  "/v1/sessions/{id}/timeline/{lane}/{itemId}": {
    get: {
      tags: ["Timeline"],
      summary: "One timeline item in full",
      description: "The stored record behind a lane item, for the explorer's inspector.",
      security: authenticated,
      requestParams: { path: z.object({ id: uuidParamSchema, lane: laneIdSchema, itemId: z.string() }) },
      responses: {
        "200": json(z.record(z.string(), z.unknown()), "The item's record."),
        ...problems(404, 409),
      },
    },
  },
};
