import { notFound } from "@/lib/errors";

/**
 * The one rule for every resource (sessions, examples, review items, keys, invitations): it is looked up with the
 * caller's workspace in the WHERE clause, so a missing one and another workspace's are the same 404 and the answer
 * never tells whether an id exists elsewhere.
 */
export function requireFound<T>(resource: T | undefined | null, what: string): T {
  if (resource === undefined || resource === null) throw notFound(what);
  return resource;
}
