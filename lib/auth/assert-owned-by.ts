import { forbidden, notFound } from "@/lib/errors";
import type { Principal } from "./principal";

/**
 * The pattern for routes that take a resource id: look the resource up by id alone (owner column only), then
 * call this — a missing resource is 404, someone else's is 403 — and do the real read or write with the user id
 * in the WHERE clause. Narrows `resource` to defined.
 */
export function assertOwnedBy<T extends { userId: string }>(
  resource: T | undefined | null,
  principal: Pick<Principal, "userId">,
  what: string,
): asserts resource is T {
  if (!resource) throw notFound(what);
  if (resource.userId !== principal.userId)
    throw forbidden(`This ${what.toLowerCase()} belongs to another account`);
}
