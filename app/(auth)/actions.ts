"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { ENTRA_PROVIDER_ID, signIn, signOut } from "@/lib/auth/auth";
import { endBrowserSession } from "@/lib/auth/browser-session";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { getSessionToken } from "@/lib/auth/session";
import { signUpUser } from "@/lib/auth/sign-up-user";
import { validatedAction } from "@/lib/auth/validated-action";
import { AppError } from "@/lib/errors";
import { signInSchema, signUpSchema } from "@/schemas/auth";

const callbackUrl = z.string().max(2048).optional();

async function signInWithPassword(email: string, password: string, returnTo: string | undefined) {
  try {
    await signIn("credentials", { email, password, redirectTo: safeReturnPath(returnTo) });
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      // One message for unknown email and wrong password, so the form does not reveal which accounts exist.
      const throttled = "code" in error && error.code === "throttled";
      throw new AppError({
        code: throttled ? "rate_limited" : "unauthorized",
        message: throttled
          ? "Too many sign-in attempts. Wait a minute and try again."
          : "Invalid email or password.",
      });
    }
    throw error;
  }
}

export const signInAction = validatedAction(
  signInSchema.extend({ callbackUrl }),
  async (input) => signInWithPassword(input.email, input.password, input.callbackUrl),
  { public: true },
);

/**
 * A new email and an email that already has an account get the same answer: on to sign-in with a neutral notice.
 * Signing the new account in directly would make this form an oracle for which emails have accounts.
 */
export const signUpAction = validatedAction(
  signUpSchema.extend({ callbackUrl }),
  async (input, { meta }) => {
    await signUpUser(input, meta);
    const query = new URLSearchParams({ notice: "signed-up" });
    if (input.callbackUrl) query.set("callbackUrl", safeReturnPath(input.callbackUrl));
    redirect(`/sign-in?${query}`);
  },
  { public: true },
);

export const signInWithEntraAction = validatedAction(
  z.object({ callbackUrl }),
  async (input) => signIn(ENTRA_PROVIDER_ID, { redirectTo: safeReturnPath(input.callbackUrl) }),
  { public: true },
);

/** Ends this browser's session row before clearing the cookie, so a copy of the cookie is dead too. */
export const signOutAction = validatedAction(
  z.object({}),
  async () => {
    await endBrowserSession(await getSessionToken());
    await signOut({ redirectTo: "/sign-in" });
  },
  { account: true },
);
