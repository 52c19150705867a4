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
