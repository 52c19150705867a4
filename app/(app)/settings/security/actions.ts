"use server";

import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { signOut } from "@/lib/auth/auth";
import { endAllBrowserSessions } from "@/lib/auth/browser-session";
import { changePassword } from "@/lib/auth/change-password";
import { validatedAction } from "@/lib/auth/validated-action";
import { eraseAccount } from "@/lib/deletion/erase-account";
import { changePasswordSchema } from "@/schemas/auth";
import { deleteAccountSchema } from "@/schemas/deletion";

/** Every session of the user ends (other browsers, copied cookies, this one), then this browser goes to sign-in. */
export const signOutEverywhereAction = validatedAction(
  z.object({}),
  async (_input, { user, meta }) => {
    const ended = await endAllBrowserSessions(user.id);
    await recordAuditEvent(
      {
        type: "user.signed_out_everywhere",
        workspaceId: user.id,
        userId: user.id,
        target: { type: "user", id: user.id },
        metadata: { sessionsEnded: ended },
      },
      meta,
    );
    await signOut({ redirectTo: "/sign-in?notice=signed-out-everywhere" });
  },
  { account: true },
);

export const changePasswordAction = validatedAction(
  changePasswordSchema,
  async (input, { user, meta }) => {
    await changePassword(user, input, meta);
    await signOut({ redirectTo: "/sign-in?notice=password-changed" });
  },
  { account: true },
);

/**
 * GDPR erasure of the signed-in user. Deleting the user row ends every sign-in session at once (their rows
 * cascade), so the cookie this browser still holds is worthless. It is cleared by `leaveAfterErasureAction`, not
 * here: changing a cookie in an action re-renders the page, which would send the browser to sign-in before it
 * shows the signed receipt.
 */
export const deleteAccountAction = validatedAction(
  deleteAccountSchema,
  async (input, { user, meta }) => eraseAccount(user, input, meta),
  { account: true },
);

/** Public: the account it was signed in as no longer exists. Clears the dead session cookie, then sign-in. */
export const leaveAfterErasureAction = validatedAction(
  z.object({}),
  async () => {
    await signOut({ redirectTo: "/sign-in?notice=account-deleted" });
  },
  { public: true },
);
