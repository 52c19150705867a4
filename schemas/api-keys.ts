import { z } from "zod";
import { text } from "./text";

export const apiKeyScopeSchema = z
  .enum(["ingest", "read", "full"])
  .describe("ingest: upload and stream recordings; read: read sessions and examples; full: everything");

export const createApiKeySchema = z.object({
  name: text().trim().min(1, "Name is required").max(100).describe("A label to recognize the key by"),
  scope: apiKeyScopeSchema,
  expiresAt: z.coerce
    .date()
    .refine((date) => date.getTime() > Date.now(), "Expiry must be in the future")
    .nullish()
    .describe("When the key stops working; omit for no expiry"),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ id: z.uuid() });
export type RevokeApiKeyInput = z.infer<typeof revokeApiKeySchema>;

/** A key as listed: masked, never the secret. */
export const apiKeySummarySchema = z.object({
  id: z.uuid(),
  name: text(),
  maskedKey: text().describe("tp_live_abcd…wxyz"),
  scope: apiKeyScopeSchema,
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable().describe("Updated at most once a minute"),
  expiresAt: z.iso.datetime().nullable(),
});
export type ApiKeySummary = z.infer<typeof apiKeySummarySchema>;

export const createdApiKeySchema = apiKeySummarySchema.extend({
  secret: text().describe("The full key. Shown exactly once: store it now"),
});
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
