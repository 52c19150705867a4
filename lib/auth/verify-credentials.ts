import { getDb } from "@/db/client";
import { findUserCredentialsByEmail, type UserRow } from "@/db/queries/users";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SignInInput } from "@/schemas/auth";
import { getDummyPasswordHash, verifyPassword } from "./password";
import type { RequestMeta } from "./request-meta";
import { forgetSignInFailures, takeSignInAttempt } from "./sign-in-throttle";

export type CredentialsResult =
  | { ok: true; user: UserRow }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Email + password check. Unknown email, wrong password and an Entra-only account all answer "invalid" after the
 * same scrypt work, so neither the message nor the timing says whether an email exists. The attempt is taken from
 * the address's and the account's throttle first; a throttled attempt never looks at the password, so it answers
 * the same whether the password is right or wrong.
 */
export async function verifyCredentials(input: SignInInput, meta: RequestMeta): Promise<CredentialsResult> {
  const attempt = await takeSignInAttempt(input.email, meta);
  if (!attempt.allowed)
    return { ok: false, reason: "throttled", retryAfterSeconds: attempt.retryAfterSeconds };
  const found = await findUserCredentialsByEmail(await getDb(), input.email);
  const isValid = await verifyPassword(input.password, found?.passwordHash ?? (await getDummyPasswordHash()));
  if (!found?.passwordHash || !isValid) {
    // Recorded in the account's log when the email names one (its owner sees the attempt), else in the log no
    // workspace owns. The attempted email is not stored. Throttled attempts above are not recorded: the throttle
    // bounds how many rows a password sprayer can write here.
    await recordAuditEvent(
      {
        type: "user.sign_in_failed",
        workspaceId: found?.id ?? null,
        actor: { type: "anonymous", id: null },
        target: found ? { type: "user", id: found.id } : null,
        metadata: { method: "password" },
      },
      meta,
    );
    return { ok: false, reason: "invalid" };
  }
  await forgetSignInFailures(input.email);
  const { passwordHash: _omit, ...user } = found;
  await recordAuditEvent(
    {
      type: "user.sign_in",
      workspaceId: user.id,
      userId: user.id,
      target: { type: "user", id: user.id },
      metadata: { method: "password" },
    },
    meta,
  );
  return { ok: true, user };
}
