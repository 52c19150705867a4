import { eventType } from "inngest";
import {
  budgetThresholdReachedData,
  exampleFinishedData,
  exampleRequestedData,
  sessionUploadedData,
  usageReportRequestedData,
} from "@/schemas/app-events";

// The app's events as typed Inngest triggers. Schemas and names live in `schemas/app-events.ts`, which domain
// code uses to write them to the outbox (`lib/events/`); nothing outside `inngest/` imports this file.

export const sessionUploaded = eventType("session/uploaded", { schema: sessionUploadedData });
export const exampleRequested = eventType("example/requested", { schema: exampleRequestedData });
export const exampleFinished = eventType("example/finished", { schema: exampleFinishedData });
export const usageReportRequested = eventType("billing/usage-report-requested", {
  schema: usageReportRequestedData,
});
export const budgetThresholdReached = eventType("budget/threshold-reached", {
  schema: budgetThresholdReachedData,
});
