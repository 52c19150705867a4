"use server";

import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { signOut } from "@/lib/auth/auth";
import { endAllBrowserSessions } from "@/lib/auth/browser-session";
import { changePassword } from "@/lib/auth/change-password";
import { validatedAction } from "@/lib/auth/validated-action";
import { changePasswordSchema } from "@/schemas/auth";

/** Every session of the user ends (other browsers, copied cookies, this one), then this browser goes to sign-in. */
export const signOutEverywhereAction = validatedAction(
  z.object({}),
  async (_input, { user, meta }) => {
    const ended = await endAllBrowserSessions(user.id);
    await recordAuditEvent("user.signed_out_everywhere", { userId: user.id }, meta, { sessionsEnded: ended });
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
