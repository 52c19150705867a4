"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { KeysetPager } from "@/components/list-url/keyset-pager";
import { ListEmptyState, PastLastPage } from "@/components/list-url/list-empty-state";
import { firstPage, pageNumberOf } from "@/components/list-url/page-trail";
import { pushSearch, useLocationSearch } from "@/components/list-url/push-search";
import { useIsLive } from "@/components/providers/live-events-provider";
import { fetchApi } from "@/lib/api/fetch-api";
import type { SessionResponse } from "@/schemas/sessions";
import { SessionFilters, type SuiteOption } from "./session-filters";
import {
  hasFilters,
  parseSessionListSearch,
  type SessionListSearch,
  toListSessionsQueryString,
  toSessionListQueryString,
  withFilters,
} from "./session-list-search";
import { SessionsTable } from "./sessions-table";
import { isSettled } from "./status-badge";

export interface SessionsPage {
  data: SessionResponse[];
  next_cursor: string | null;
}

const navigate = (search: SessionListSearch) => pushSearch(toSessionListQueryString(search));
// A typed search is committed after this pause, so typing a word makes one history entry, not one per key.
const SEARCH_COMMIT_MS = 500;

/**
 * The caller's sessions, a keyset page at a time, with filters, search and sort. The URL is the state (see
 * session-list-search); the server renders the page the URL names first, later pages and filters load from the
 * API. Statuses arrive from the live stream (components/providers/live-events-provider); without it they are
 * polled while any session on the page is still being processed.
 */
export function SessionsList({
  initialPage,
  initialQuery,
  initialApiQuery,
  suites,
  canUpload = true,
}: {
  /** A viewer is not pointed at the upload page. */
  canUpload?: boolean;
  initialPage: SessionsPage;
  /** The page's canonical query string as the server rendered it. */
  initialQuery: string;
  /** The API query the server answered; the browser's can differ when its time zone does (day filters). */
  initialApiQuery: string;
  suites: SuiteOption[];
}) {
  const searchParams = useLocationSearch("/sessions", initialQuery);
  const slugs = useMemo(() => suites.map((s) => s.slug), [suites]);
  const search = useMemo(() => parseSessionListSearch(searchParams, slugs), [searchParams, slugs]);
  const apiQuery = toListSessionsQueryString(search);

  // The API searches every session the caller has; the box's text becomes the URL's `q` (and so the query)
  // after a pause, on Enter or on leaving the box.
  const [searchText, setSearchText] = useState(search.q);
  const commitTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const commitSearch = (text: string) => {
    clearTimeout(commitTimer.current);
    // Read the URL as it is now: a filter may have changed since the key was pressed.
    const current = parseSessionListSearch(new URLSearchParams(window.location.search), slugs);
    if (text.trim() !== current.q) navigate(withFilters(current, { q: text.trim() }));
  };
  // Back/forward (or a link) can change the search under the box: show what the URL says.
  useEffect(() => {
    clearTimeout(commitTimer.current);
    setSearchText((text) => (text.trim() === search.q ? text : search.q));
  }, [search.q]);
  useEffect(() => () => clearTimeout(commitTimer.current), []);

  const isLive = useIsLive();
  const query = useQuery({
    queryKey: ["sessions", apiQuery],
    queryFn: () => fetchApi<SessionsPage>(`/v1/sessions?${apiQuery}`),
    initialData: apiQuery === initialApiQuery ? initialPage : undefined,
    placeholderData: keepPreviousData,
    // The server rendered this page: a status may have streamed past before this query existed (the stream patches
    // only cached queries, and nothing polls while it is live), so a page with an unsettled row is read again. Only
    // while live: before the stream connects, its first connection reads every list once anyway.
    refetchOnMount: (q) => (isLive && q.state.data?.data.some((s) => !isSettled(s.status)) ? "always" : true),
    // Statuses move while the pipeline runs: the stream brings them; without it, poll until every session on the
    // page has settled (open ones wait for their client, not for us).
    refetchInterval: (q) =>
      !isLive && q.state.data?.data.some((s) => !isSettled(s.status) && s.status !== "open") ? 2000 : false,
  });
  const rows = query.data?.data ?? [];
  const page = pageNumberOf(search);
  const nextCursor = query.isPlaceholderData ? null : (query.data?.next_cursor ?? null);

  return (
    <div className="flex flex-col gap-4">
      <SessionFilters
        search={search}
        suites={suites}
        searchText={searchText}
        onSearchText={(text) => {
          setSearchText(text);
          clearTimeout(commitTimer.current);
          commitTimer.current = setTimeout(() => commitSearch(text), SEARCH_COMMIT_MS);
        }}
        onCommitSearch={() => commitSearch(searchText)}
        onNavigate={navigate}
      />
      {query.isError ? (
        <p role="alert" className="text-sm text-danger">
          Could not load sessions: {query.error.message}
        </p>
      ) : null}
      {!query.isPending && rows.length === 0 ? (
        <EmptyState
          canUpload={canUpload}
          isFiltered={hasFilters(search)}
          isFirstPage={page === 1}
          onFirstPage={() => navigate(firstPage(search))}
        />
      ) : (
        <div aria-busy={query.isPlaceholderData} className="transition-opacity aria-busy:opacity-60">
          <SessionsTable sessions={rows} suites={suites} isPending={query.isPending} />
        </div>
      )}
      <KeysetPager search={search} nextCursor={nextCursor} onNavigate={navigate} />
    </div>
  );
}

function EmptyState({
  isFiltered,
  isFirstPage,
  onFirstPage,
  canUpload,
}: {
  canUpload: boolean;
  isFiltered: boolean;
  isFirstPage: boolean;
  onFirstPage: () => void;
}) {
  return (
    <ListEmptyState>
      {!isFirstPage ? (
        <PastLastPage noun="sessions" onFirstPage={onFirstPage} />
      ) : isFiltered ? (
        <p>No sessions match these filters.</p>
      ) : (
        <>
          <p className="font-medium text-foreground">No sessions yet</p>
          {canUpload ? (
            <p className="mt-1">
              <Link className="font-medium text-link hover:underline" href="/upload">
                Upload a recording
              </Link>{" "}
              or stream one with the API.
            </p>
          ) : null}
        </>
      )}
    </ListEmptyState>
  );
}
