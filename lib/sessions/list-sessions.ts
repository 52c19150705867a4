import { getDb } from "@/db/client";
import { listSessionsForWorkspace } from "@/db/queries/sessions";
import type { ListSessionsQuery } from "@/schemas/sessions";
import { resolveSuiteId } from "./create-streaming-session";
import { decodeSessionCursor, encodeSessionCursor } from "./session-cursor";
import { toSessionResponse } from "./session-response";
import { toSessionSearch } from "./session-search";

/** The caller's sessions, newest or oldest first, optionally searched, one keyset page at a time. */
export async function listSessions(
  workspaceId: string,
  query: Omit<ListSessionsQuery, "order"> & Partial<Pick<ListSessionsQuery, "order">>,
) {
  const order = query.order ?? "newest";
  const rows = await listSessionsForWorkspace(await getDb(), {
    workspaceId,
    limit: query.limit + 1,
    order,
    after: query.cursor ? decodeSessionCursor(query.cursor, order) : undefined,
    suiteId: query.suite_id ? await resolveSuiteId(query.suite_id) : undefined,
    status: query.status,
    createdAfter: query.created_after ? new Date(query.created_after) : undefined,
    createdBefore: query.created_before ? new Date(query.created_before) : undefined,
    search: query.q ? toSessionSearch(query.q) : undefined,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toSessionResponse),
    next_cursor:
      rows.length > query.limit && last
        ? encodeSessionCursor({ order, createdAtMicros: last.createdAtMicros, id: last.id })
        : null,
  };
}
