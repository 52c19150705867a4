import { getDb } from "@/db/client";
import { findReviewItemForUser, findReviewItemOwner } from "@/db/queries/review-items";
import { assertOwnedBy } from "@/lib/auth/assert-owned-by";
import { notFound } from "@/lib/errors";

/** The caller's review item: 404 when it does not exist, 403 when it is someone else's. */
export async function getReviewItemForUser(input: { userId: string; id: string }) {
  const db = await getDb();
  assertOwnedBy(await findReviewItemOwner(db, input.id), input, "Review item");
  const row = await findReviewItemForUser(db, input.userId, input.id);
  if (!row) throw notFound("Review item");
  return row;
}
