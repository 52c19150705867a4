import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { RECENT_SESSIONS_PAGE_SIZE } from "@/components/dashboard/page-sizes";
import type { SessionResponse } from "@/schemas/sessions";
import type { WorkspaceStreamEvent } from "@/schemas/workspace-events";

// How one stream event updates the TanStack Query caches the pages read (their query keys are the contract:
// ["sessions", apiQuery], ["dashboard-sessions", cursor], ["session", id], ["examples", …], ["example", id],
// ["review-items", …]). A session's change fetches that one session, never a list: lists are patched in place.

interface SessionsPage {
  data: SessionResponse[];
  next_cursor: string | null;
}

export type FetchSession = (id: string) => Promise<SessionResponse | undefined>;

/** A list cache showing the newest sessions unfiltered, where a new session goes on top. */
function isNewestFirstPage(key: QueryKey): boolean {
  if (key[0] === "dashboard-sessions") return key[1] === "";
  if (key[0] !== "sessions" || typeof key[1] !== "string") return false;
  return [...new URLSearchParams(key[1]).keys()].every((name) => name === "limit");
}

function pageLimit(key: QueryKey): number {
  if (key[0] === "dashboard-sessions") return RECENT_SESSIONS_PAGE_SIZE;
  const limit = Number(new URLSearchParams(String(key[1])).get("limit"));
  return Number.isInteger(limit) && limit > 0 ? limit : 0;
}

const sessionListFilters = [{ queryKey: ["sessions"] }, { queryKey: ["dashboard-sessions"] }] as const;

function patchSessionLists(
  client: QueryClient,
  update: (page: SessionsPage, key: QueryKey) => SessionsPage | "refetch",
): void {
  for (const filter of sessionListFilters) {
    for (const [key, page] of client.getQueriesData<SessionsPage>(filter)) {
      if (!page) continue;
      const next = update(page, key);
      if (next === "refetch") void client.invalidateQueries({ queryKey: key, exact: true });
      else if (next !== page) client.setQueryData(key, next);
    }
  }
}

async function applySessionStatus(
  client: QueryClient,
  event: Extract<WorkspaceStreamEvent, { type: "session.status_changed" }>,
  fetchSession: FetchSession,
): Promise<void> {
  const { session_id: id, status } = event.data;
  // The status at once; the whole row (counts, completion time) as soon as it is fetched.
  patchSessionLists(client, (page) =>
    page.data.some((s) => s.id === id)
      ? { ...page, data: page.data.map((s) => (s.id === id ? { ...s, status } : s)) }
      : page,
  );
  const session = await fetchSession(id);
  if (!session) return;
  if (client.getQueryData(["session", id])) client.setQueryData(["session", id], session);
  patchSessionLists(client, (page, key) => {
    if (page.data.some((s) => s.id === id))
      return { ...page, data: page.data.map((s) => (s.id === id ? { ...s, ...session } : s)) };
    if (event.data.previous_status !== null) return page;
    // A new session: on top of an unfiltered newest-first page; a filtered or later page asks the server.
    if (!isNewestFirstPage(key)) return "refetch";
    // A full page would push its last row past the next page's cursor: the server pages it again instead.
    if (page.data.length + 1 > pageLimit(key)) return "refetch";
    return { ...page, data: [session, ...page.data] };
  });
}

export async function applyLiveEvent(
  client: QueryClient,
  event: WorkspaceStreamEvent,
  fetchSession: FetchSession,
): Promise<void> {
  switch (event.type) {
    case "session.status_changed":
      return applySessionStatus(client, event, fetchSession);
    case "example.status_changed":
      await Promise.all([
        client.invalidateQueries({ queryKey: ["examples"] }),
        client.invalidateQueries({ queryKey: ["example", event.data.example_id] }),
      ]);
      return;
    case "review_item.status_changed":
      await client.invalidateQueries({ queryKey: ["review-items"] });
      return;
    case "budget.threshold_reached":
      await client.invalidateQueries({ queryKey: ["usage"] });
      return;
  }
}
