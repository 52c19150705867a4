import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { findUserById, type UserRow } from "@/db/queries/users";
import { auth } from "./auth";
import { type RequestMeta, readRequestMeta } from "./request-meta";

/** The signed-in user, or undefined. Pages and actions call this themselves; the layout check is not enough. */
export async function getSessionUser(): Promise<UserRow | undefined> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return undefined;
  return findUserById(await getDb(), userId);
}

/** For protected pages: the user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireSessionUser(returnTo = "/dashboard"): Promise<UserRow> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

export async function getActionRequestMeta(): Promise<RequestMeta> {
  return readRequestMeta(await headers());
}
