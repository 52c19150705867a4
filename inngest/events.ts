import { eventType } from "inngest";
import { z } from "zod";

// Every event the app sends, declared once with its schema. Payloads stay small: ids, never recording data.

export const sessionUploadedData = z.object({
  sessionId: z.uuid(),
  userId: z.uuid(),
});
export const sessionUploaded = eventType("session/uploaded", { schema: sessionUploadedData });

export const exampleRequestedData = z.object({
  exampleId: z.uuid(),
  userId: z.uuid(),
});
export const exampleRequested = eventType("example/requested", { schema: exampleRequestedData });

export type SessionUploadedData = z.infer<typeof sessionUploadedData>;
export type ExampleRequestedData = z.infer<typeof exampleRequestedData>;

export const exampleFinishedData = z.object({
  exampleId: z.uuid(),
  status: z.enum(["completed", "failed"]),
});
/** An example reached a final status; its callback (if any) is delivered by its own retried function. */
export const exampleFinished = eventType("example/finished", { schema: exampleFinishedData });

export type ExampleFinishedData = z.infer<typeof exampleFinishedData>;

/** Report unreported usage to Stripe now (besides the cron), e.g. right after a customer adds a card. */
export const usageReportRequested = eventType("billing/usage-report-requested", { schema: z.object({}) });
