import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { SignOutEverywhereButton } from "@/components/settings/sign-out-everywhere-button";
import { getDb } from "@/db/client";
import { findUserPasswordHash } from "@/db/queries/users";
import { requireSessionUser } from "@/lib/auth/session";
import { changePasswordAction, signOutEverywhereAction } from "./actions";

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
    </div>
  );
}
