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
