import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { EntraSignInButton } from "@/components/auth/entra-sign-in-button";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { getSessionUser } from "@/lib/auth/session";
import { isEntraConfigured } from "@/lib/env";
import { signInAction, signInWithEntraAction } from "../actions";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { callbackUrl, error, notice } = await searchParams;
  const returnTo = typeof callbackUrl === "string" ? safeReturnPath(callbackUrl) : undefined;
  if (await getSessionUser()) redirect(returnTo ?? safeReturnPath(undefined));
  const entra = isEntraConfigured();
  return (
    <AuthCard
      title="Sign in to Tracepipe"
      footer={
        entra ? null : (
          <>
            No account yet?{" "}
            <Link className="underline" href="/sign-up">
              Create one
            </Link>
          </>
        )
      }
    >
      {notice === "signed-up" ? (
        <p role="status" className="text-sm text-muted-foreground">
          Sign in with the email and password you just entered. If that email already had an account, use its
          existing password.
        </p>
      ) : null}
      {notice === "signed-out-everywhere" || notice === "password-changed" ? (
        <p role="status" className="text-sm text-muted-foreground">
          {notice === "password-changed" ? "Password changed. " : ""}Every session has been signed out; sign
          in again.
        </p>
      ) : null}
      {notice === "account-deleted" ? (
        <p role="status" className="text-sm text-muted-foreground">
          Your account has been deleted.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-danger">
          Sign-in failed. Try again.
        </p>
      ) : null}
      {entra ? (
        <EntraSignInButton callbackUrl={returnTo} action={signInWithEntraAction} />
      ) : (
        <CredentialsForm mode="sign-in" callbackUrl={returnTo} action={signInAction} />
      )}
    </AuthCard>
  );
}
