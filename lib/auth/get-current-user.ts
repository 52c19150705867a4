import { getDb } from "@/db/client";
import { findUserById } from "@/db/queries/users";
import { notFound } from "@/lib/errors";
import type { CurrentUser } from "@/schemas/users";

export async function getCurrentUser(userId: string): Promise<CurrentUser> {
  const user = await findUserById(await getDb(), userId);
  if (!user) throw notFound("User");
  return {
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    createdAt: user.createdAt.toISOString(),
  };
}
