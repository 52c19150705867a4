import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { EntraSignInButton } from "@/components/auth/entra-sign-in-button";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { getSessionUser } from "@/lib/auth/session";
import { isEntraConfigured } from "@/lib/env";
import { signInWithEntraAction, signUpAction } from "../actions";

export const metadata = { title: "Create an account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { callbackUrl } = await searchParams;
  const returnTo = typeof callbackUrl === "string" ? safeReturnPath(callbackUrl) : undefined;
  if (await getSessionUser()) redirect(returnTo ?? safeReturnPath(undefined));
  // With Entra, the account is created on the first Microsoft sign-in; there is no local password.
  const entra = isEntraConfigured();
  return (
    <AuthCard
      title="Create your Tracepipe account"
      footer={
        <>
          Already have an account?{" "}
          <Link className="underline" href="/sign-in">
            Sign in
          </Link>
        </>
      }
    >
      {entra ? (
        <EntraSignInButton callbackUrl={returnTo} action={signInWithEntraAction} />
      ) : (
        <CredentialsForm mode="sign-up" callbackUrl={returnTo} action={signUpAction} />
      )}
    </AuthCard>
  );
}
