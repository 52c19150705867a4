import { z } from "zod";
import { text } from "./text";

/** What a deletion removed, per kind. `objects`/`bytes` are stored objects (recordings, artifacts, examples). */
export const deletionCountsSchema = z.object({
  sessions: z.number().int().nonnegative(),
  objects: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  examples: z.number().int().nonnegative(),
  review_items: z.number().int().nonnegative(),
  api_keys: z.number().int().nonnegative(),
  members: z.number().int().nonnegative(),
  invitations: z.number().int().nonnegative(),
  audit_entries: z.number().int().nonnegative(),
  stripe_subscriptions_canceled: z.number().int().nonnegative(),
});
export type DeletionCounts = z.infer<typeof deletionCountsSchema>;

/** The claims of a signed deletion receipt (a JWT signed with EdDSA; keys at /.well-known/jwks.json). */
export const deletionReceiptClaimsSchema = z.object({
  iss: text(),
  sub: text().describe("`workspace:<id>` or `user:<id>`: what was deleted"),
  jti: text(),
  iat: z.number().int(),
  kind: z.enum(["workspace", "account"]),
  user_id: text().nullable().describe("The erased account (kind `account`)"),
  workspace_ids: z.array(text()).describe("Every workspace deleted"),
  requested_by: text(),
  memberships_removed: z.number().int().nonnegative(),
  removed: deletionCountsSchema,
  completed_at: z.iso.datetime(),
});
export type DeletionReceiptClaims = z.infer<typeof deletionReceiptClaimsSchema>;

export const deletionReceiptResponseSchema = z.object({
  receipt: text().describe("The receipt as a compact JWS (JWT); verify it with the keys at `jwks_url`"),
  jwks_url: text(),
  claims: deletionReceiptClaimsSchema,
});
export type DeletionReceiptResponse = z.infer<typeof deletionReceiptResponseSchema>;

/** Settings → Data: the owner types the workspace's name to confirm. */
export const deleteWorkspaceSchema = z.object({
  confirmName: text().min(1, "Type the workspace's name"),
});

/** Settings → Security: the password again (local accounts) and the word DELETE. */
export const deleteAccountSchema = z.object({
  password: text().max(1024).optional(),
  confirm: z.literal("DELETE", { error: "Type DELETE to confirm" }),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
