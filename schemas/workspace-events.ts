import { z } from "zod";
import { exampleStatusSchema } from "./examples";
import { reviewItemStatusSchema } from "./review-items";
import { sessionStatusSchema } from "./sessions";
import { text } from "./text";

// The events of `GET /v1/events/stream`, one schema per type. The database writes them (migration
// `workspace-events`); the stream parses each row with these before sending, so the wire never carries a shape
// not declared here. `previous_status` is null when the row was created with its status.

export const sessionStatusChangedSchema = z.object({
  session_id: z.uuid(),
  status: sessionStatusSchema,
  previous_status: sessionStatusSchema.nullable(),
});

export const exampleStatusChangedSchema = z.object({
  example_id: z.uuid(),
  session_id: z.uuid(),
  status: exampleStatusSchema,
  previous_status: exampleStatusSchema.nullable(),
});

export const reviewItemStatusChangedSchema = z.object({
  review_item_id: z.uuid(),
  session_id: z.uuid(),
  status: reviewItemStatusSchema,
  previous_status: reviewItemStatusSchema.nullable(),
});

export const budgetThresholdReachedSchema = z.object({
  threshold_percent: z.number().int().positive().describe("The threshold reached: 50, 80 or 100 (%)."),
  cost_cents: z.number().int().nonnegative().describe("The period's cost so far, in cents."),
  limit_cents: z.number().int().nonnegative().describe("The monthly budget, in cents."),
  period_start: text().describe("Start of the budget period (UTC month), ISO 8601."),
});

export const workspaceEventSchemas = {
  "session.status_changed": sessionStatusChangedSchema,
  "example.status_changed": exampleStatusChangedSchema,
  "review_item.status_changed": reviewItemStatusChangedSchema,
  "budget.threshold_reached": budgetThresholdReachedSchema,
} as const;

export type WorkspaceEventType = keyof typeof workspaceEventSchemas;
export const workspaceEventTypes = Object.keys(workspaceEventSchemas) as WorkspaceEventType[];

/** One event as the stream sends it: `id:` is `id`, `event:` is `type`, `data:` is `data` as JSON. */
export type WorkspaceStreamEvent = {
  [Type in WorkspaceEventType]: {
    id: number;
    type: Type;
    data: z.infer<(typeof workspaceEventSchemas)[Type]>;
  };
}[WorkspaceEventType];

/** `Last-Event-ID` (header, or `last_event_id` in the query for clients that cannot set headers). */
export const lastEventIdSchema = z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
