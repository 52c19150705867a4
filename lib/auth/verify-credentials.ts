import { getDb } from "@/db/client";
import { findUserCredentialsByEmail, type UserRow } from "@/db/queries/users";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { loginAttemptBucket } from "@/lib/rate-limit/limits";
import { takeRateLimitToken } from "@/lib/rate-limit/take-rate-limit-token";
import type { SignInInput } from "@/schemas/auth";
import { getDummyPasswordHash, verifyPassword } from "./password";
import type { RequestMeta } from "./request-meta";

export type CredentialsResult = { ok: true; user: UserRow } | { ok: false; reason: "invalid" | "throttled" };

/**
 * Email + password check. Unknown email, wrong password and an Entra-only account all answer "invalid" after the
 * same scrypt work, so neither the message nor the timing says whether an email exists. Attempts are throttled
 * per email and client address before any password work.
 */
export async function verifyCredentials(input: SignInInput, meta: RequestMeta): Promise<CredentialsResult> {
  const throttle = await takeRateLimitToken(loginAttemptBucket(input.email, meta.ip));
  if (!throttle.allowed) return { ok: false, reason: "throttled" };
  const found = await findUserCredentialsByEmail(await getDb(), input.email);
  const isValid = await verifyPassword(input.password, found?.passwordHash ?? (await getDummyPasswordHash()));
  if (!found?.passwordHash || !isValid) return { ok: false, reason: "invalid" };
  const { passwordHash: _omit, ...user } = found;
  await recordAuditEvent("user.sign_in", { userId: user.id }, meta, { method: "password" });
  return { ok: true, user };
}
