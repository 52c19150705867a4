import { firstPage, type PageTrail, pageTrailParams, toPageTrail } from "@/components/list-url/page-trail";
import { parseSearchParams, type RawSearch, toQueryString } from "@/components/list-url/search-params";
import type { ListSessionsQuery, SessionStatus } from "@/schemas/sessions";
import { type SessionListSort, sessionListSearchSchema } from "@/schemas/sessions-list-search";

// Shared by the server page and the client list; kept out of "use client" files, whose exports are references.
export const SESSIONS_PAGE_SIZE = 50;

/** What the sessions page shows, as its URL says: filters, search, sort and the keyset page. */
export interface SessionListSearch extends PageTrail {
  q: string;
  suite: string;
  status: SessionStatus | "";
  from: string;
  to: string;
  sort: SessionListSort;
}

export const EMPTY_SESSION_LIST_SEARCH: SessionListSearch = {
  q: "",
  suite: "",
  status: "",
  from: "",
  to: "",
  sort: "newest",
  cursor: "",
  prev: [],
};

/**
 * Parses the page's search params (the server's record or the browser's URLSearchParams) with the zod schema;
 * the suite must also be one of the catalog's slugs.
 */
export function parseSessionListSearch(raw: RawSearch, suiteSlugs: readonly string[]): SessionListSearch {
  const parsed = parseSearchParams(sessionListSearchSchema, raw);
  return {
    q: parsed.q ?? "",
    suite: parsed.suite && suiteSlugs.includes(parsed.suite) ? parsed.suite : "",
    status: parsed.status ?? "",
    from: parsed.from ?? "",
    to: parsed.to ?? "",
    sort: parsed.sort ?? "newest",
    ...toPageTrail(parsed),
  };
}

/** The canonical query string of a view (fixed order, defaults and empty values left out), without the "?". */
export function toSessionListQueryString(search: SessionListSearch): string {
  return toQueryString({
    q: search.q,
    suite: search.suite,
    status: search.status,
    from: search.from,
    to: search.to,
    sort: search.sort === "newest" ? undefined : search.sort,
    ...pageTrailParams(search),
  });
}

/** Local midnight at the start of a calendar day, `days` later. */
function startOfDay(day: string, days = 0) {
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  return new Date(year, month - 1, date + days).toISOString();
}

/**
 * The same view as `GET /v1/sessions` parameters (and `listSessions` on the server). Days are read in the time
 * zone of whoever calls this, so the server's and the browser's queries can differ: compare them before reusing
 * the server's page. `to` includes its whole day.
 */
export function toListSessionsQuery(search: SessionListSearch): ListSessionsQuery {
  return {
    limit: SESSIONS_PAGE_SIZE,
    q: search.q || undefined,
    order: search.sort,
    suite_id: search.suite || undefined,
    status: search.status || undefined,
    created_after: search.from ? startOfDay(search.from) : undefined,
    created_before: search.to ? startOfDay(search.to, 1) : undefined,
    cursor: search.cursor || undefined,
  };
}

/** Without the default order, so a newest-first query string reads as it did before `order` existed. */
export const toListSessionsQueryString = (search: SessionListSearch) => {
  const query = toListSessionsQuery(search);
  return toQueryString({ ...query, order: query.order === "newest" ? undefined : query.order });
};

/** Filters (and search and sort, which the API applies) change the set of sessions: back to the first page. */
export const withFilters = (
  search: SessionListSearch,
  filters: Partial<Pick<SessionListSearch, "q" | "suite" | "status" | "from" | "to" | "sort">>,
): SessionListSearch => firstPage({ ...search, ...filters });

export const hasFilters = (search: SessionListSearch) =>
  Boolean(search.q || search.suite || search.status || search.from || search.to);
