import { getDb } from "@/db/client";
import { isUniqueViolation } from "@/db/postgres-errors";
import { findUserCredentialsByEmail, insertUser, type UserRow } from "@/db/queries/users";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { childLogger } from "@/lib/logger";
import type { SignUpInput } from "@/schemas/auth";
import { hashPassword } from "./password";
import type { RequestMeta } from "./request-meta";

const log = childLogger("auth.sign-up");

/** Creates a local account. The password is stored only as a scrypt hash. */
export async function signUpUser(input: SignUpInput, meta: RequestMeta): Promise<UserRow> {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  // Sign-up cannot avoid saying an email is taken; it stays as vague as a form can be and sign-in stays generic.
  const taken = new AppError({
    code: "conflict",
    message: "An account with this email already exists. Sign in instead.",
  });
  if (await findUserCredentialsByEmail(db, input.email)) throw taken;
  let user: UserRow;
  try {
    user = await insertUser(db, { email: input.email, displayName: input.displayName, passwordHash });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if (isUniqueViolation(error)) throw taken;
    throw error;
  }
  await recordAuditEvent("user.sign_up", { userId: user.id }, meta, { method: "password" });
  log.info({ userId: user.id }, "user signed up");
  return user;
}
