import { getDb } from "@/db/client";
import { findUserPasswordHash, setUserPasswordHash, type UserRow } from "@/db/queries/users";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { ChangePasswordInput } from "@/schemas/auth";
import { endAllBrowserSessions } from "./browser-session";
import { hashPassword, verifyPassword } from "./password";
import { assertStrongPassword } from "./password-strength";
import type { RequestMeta } from "./request-meta";
import { forgetSignInFailures, takeSignInAttempt } from "./sign-in-throttle";

/**
 * Changes a local account's password and ends every session of the user, this one included: whoever held a
 * session (or a copied cookie) under the old password must sign in again with the new one. The current password
 * is checked through the sign-in throttle, so this form cannot be used to guess it faster.
 */
export async function changePassword(
  user: UserRow,
  input: ChangePasswordInput,
  meta: RequestMeta,
): Promise<void> {
  const attempt = await takeSignInAttempt(user.email, meta);
  if (!attempt.allowed) {
    throw new AppError({ code: "rate_limited", message: "Too many attempts. Wait a minute and try again." });
  }
  const db = await getDb();
  const currentHash = await findUserPasswordHash(db, user.id);
  if (!currentHash) {
    throw new AppError({
      code: "bad_request",
      message: "This account signs in with Microsoft; it has no password.",
    });
  }
  if (!(await verifyPassword(input.currentPassword, currentHash))) {
    throw new AppError({
      code: "unauthorized",
      message: "The current password is not right.",
      extensions: {
        errors: [
          { field: "currentPassword", code: "invalid", message: "The current password is not right." },
        ],
      },
    });
  }
  await forgetSignInFailures(user.email);
  assertStrongPassword(input.newPassword, { email: user.email, displayName: user.displayName });
  await setUserPasswordHash(db, user.id, await hashPassword(input.newPassword));
  const ended = await endAllBrowserSessions(user.id);
  await recordAuditEvent(
    {
      type: "user.password_changed",
      workspaceId: user.id,
      userId: user.id,
      target: { type: "user", id: user.id },
      metadata: { sessionsEnded: ended },
    },
    meta,
  );
}
