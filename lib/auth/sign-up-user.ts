import { getDb } from "@/db/client";
import { isUniqueViolation } from "@/db/postgres-errors";
import { findUserCredentialsByEmail, insertUser, type UserRow } from "@/db/queries/users";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { childLogger } from "@/lib/logger";
import type { SignUpInput } from "@/schemas/auth";
import { getDummyPasswordHash, hashPassword, verifyPassword } from "./password";
import { assertStrongPassword } from "./password-strength";
import type { RequestMeta } from "./request-meta";
import { forgetSignInFailures, takeSignInAttempt } from "./sign-in-throttle";

const log = childLogger("auth.sign-up");

/** What happened; the caller answers the same in both cases, so the form never says an email is taken. */
export type SignUpOutcome = { created: true; user: UserRow } | { created: false };

/**
 * Creates a local account. Throttled like sign-in (per address and per email) before any work; the password is
 * checked for strength, then stored only as a scrypt hash. An email that already has an account gets the same
 * outcome to the caller and the same scrypt cost (a verify against the dummy hash instead of a hash), so neither
 * the answer nor its timing enumerates accounts. No mailer is configured in this product, so the owner is not
 * notified.
 */
export async function signUpUser(input: SignUpInput, meta: RequestMeta): Promise<SignUpOutcome> {
  const attempt = await takeSignInAttempt(input.email, meta);
  if (!attempt.allowed) {
    throw new AppError({
      code: "rate_limited",
      message: "Too many attempts. Wait a minute and try again.",
      headers: { "Retry-After": String(attempt.retryAfterSeconds) },
    });
  }
  assertStrongPassword(input.password, input);
  const db = await getDb();
  if (await findUserCredentialsByEmail(db, input.email)) return taken();
  const passwordHash = await hashPassword(input.password);
  let user: UserRow;
  try {
    user = await insertUser(db, { email: input.email, displayName: input.displayName, passwordHash });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if (isUniqueViolation(error)) return { created: false };
    throw error;
  }
  // Creating the account was a legitimate attempt: it must not count against the owner's first sign-in.
  await forgetSignInFailures(input.email);
  await recordAuditEvent(
    {
      type: "user.sign_up",
      workspaceId: user.id,
      userId: user.id,
      target: { type: "user", id: user.id },
      metadata: { method: "password" },
    },
    meta,
  );
  log.info({ userId: user.id }, "user signed up");
  return { created: true, user };

  async function taken(): Promise<SignUpOutcome> {
    await verifyPassword(input.password, await getDummyPasswordHash());
    log.info("sign-up for an email that already has an account");
    return { created: false };
  }
}
