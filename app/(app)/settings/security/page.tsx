import type { Metadata } from "next";
import { DeleteAccountForm } from "@/components/deletion/delete-account-form";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { SignOutEverywhereButton } from "@/components/settings/sign-out-everywhere-button";
import { getDb } from "@/db/client";
import { findUserPasswordHash } from "@/db/queries/users";
import { requireSessionUser } from "@/lib/auth/session";
import {
  changePasswordAction,
  deleteAccountAction,
  leaveAfterErasureAction,
  signOutEverywhereAction,
} from "./actions";

export const metadata: Metadata = { title: "Security" };
export const dynamic = "force-dynamic";

export default async function SecurityPage() {
  const user = await requireSessionUser("/settings/security");
  const hasPassword = Boolean(await findUserPasswordHash(await getDb(), user.id));
  const muted = "text-sm text-muted-foreground";
  return (
    <div className="flex max-w-xl flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Security</h1>
        <p className={muted}>Your sign-in sessions and password.</p>
      </div>
      <section aria-labelledby="sessions" className="flex flex-col gap-3">
        <h2 id="sessions" className="text-lg font-semibold">
          Sessions
        </h2>
        <p className={muted}>
          Signs out every browser where you are signed in, this one included. API keys keep working; revoke
          them under API keys.
        </p>
        <SignOutEverywhereButton action={signOutEverywhereAction} />
      </section>
      <section aria-labelledby="password" className="flex flex-col gap-3">
        <h2 id="password" className="text-lg font-semibold">
          Password
        </h2>
        {hasPassword ? (
          <>
            <p className={muted}>Changing it signs out every session, this one included.</p>
            <ChangePasswordForm action={changePasswordAction} />
          </>
        ) : (
          <p className={muted}>You sign in with Microsoft; this account has no password.</p>
        )}
      </section>
      <section
        aria-labelledby="delete-account"
        className="flex flex-col gap-3 rounded-md border border-red-600/40 p-4"
      >
        <h2 id="delete-account" className="text-lg font-semibold">
          Delete account
        </h2>
        <p className={muted}>
          Erases you: your personal workspace with everything in it (recordings, examples, keys, usage), every
          team workspace where you are the only member, and your memberships. What you created in other team
          workspaces stays theirs. Not possible while you are the last owner of a team workspace with other
          members. You get a signed receipt of what was removed.
        </p>
        <DeleteAccountForm
          hasPassword={hasPassword}
          action={deleteAccountAction}
          leaveAction={leaveAfterErasureAction}
        />
      </section>
    </div>
  );
}
