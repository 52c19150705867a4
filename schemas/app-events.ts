import { z } from "zod";

// Every event the app sends, declared once with its schema (`inngest/events.ts` gives them to the Inngest
// functions as typed triggers; `lib/events/` writes them to the outbox). Payloads stay small: ids, never
// recording data.

export const sessionUploadedData = z.object({
  sessionId: z.uuid(),
  /** The owning workspace: the pipeline's per-account fairness key. */
  workspaceId: z.uuid(),
  userId: z.uuid(),
});

export const exampleRequestedData = z.object({
  exampleId: z.uuid(),
  workspaceId: z.uuid(),
  userId: z.uuid(),
});

/** An example reached a final status; its callback (if any) is delivered by its own retried function. */
export const exampleFinishedData = z.object({
  exampleId: z.uuid(),
  status: z.enum(["completed", "failed"]),
});

/** Report unreported usage to Stripe now (besides the cron), e.g. right after a customer adds a card. */
export const usageReportRequestedData = z.object({});

/**
 * A workspace's spend reached 50, 80 or 100 % of its monthly budget (once per threshold and month): its signed
 * `budget.threshold_reached` callback is delivered by its own retried function.
 */
export const budgetThresholdReachedData = z.object({
  workspaceId: z.uuid(),
  periodStart: z.iso.datetime(),
  thresholdPercent: z.number().int(),
  costCents: z.number().int(),
  limitCents: z.number().int(),
});

export const appEventSchemas = {
  "session/uploaded": sessionUploadedData,
  "example/requested": exampleRequestedData,
  "example/finished": exampleFinishedData,
  "billing/usage-report-requested": usageReportRequestedData,
  "budget/threshold-reached": budgetThresholdReachedData,
} as const;

export type AppEventName = keyof typeof appEventSchemas;

/**
 * One event as domain code emits it. The id is the event's identity end to end (outbox row, Inngest event id,
 * embedded run key): derive it from the thing that caused the event so a retried request emits no second event.
 */
export type AppEvent = {
  [Name in AppEventName]: { name: Name; id: string; data: z.input<(typeof appEventSchemas)[Name]> };
}[AppEventName];
