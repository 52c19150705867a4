import { createHmac } from "node:crypto";
import { getAuthSecret } from "@/lib/auth/auth-secret";

/**
 * Each user's callback signing secret, derived from the app's AUTH secret (AUTH_SECRET, or the one generated in
 * the data folder) so nothing per user is stored: HMAC(auth secret, "callback:<user id>"). Rotating AUTH_SECRET
 * rotates every callback secret. A user reads theirs at GET /v1/examples/callback-secret.
 */
export function getCallbackSecret(workspaceId: string): string {
  return `whsec_${createHmac("sha256", getAuthSecret()).update(`callback:${workspaceId}`).digest("hex")}`;
}
