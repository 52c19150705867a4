"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { ENTRA_PROVIDER_ID, signIn, signOut } from "@/lib/auth/auth";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
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

export const signUpAction = validatedAction(
  signUpSchema.extend({ callbackUrl }),
  async (input, { meta }) => {
    await signUpUser(input, meta);
    await signInWithPassword(input.email, input.password, input.callbackUrl);
  },
  { public: true },
);

export const signInWithEntraAction = validatedAction(
  z.object({ callbackUrl }),
  async (input) => signIn(ENTRA_PROVIDER_ID, { redirectTo: safeReturnPath(input.callbackUrl) }),
  { public: true },
);

export const signOutAction = validatedAction(z.object({}), async () => signOut({ redirectTo: "/sign-in" }));
