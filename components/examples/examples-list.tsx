"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useMemo, useState } from "react";
import { KeysetPager } from "@/components/list-url/keyset-pager";
import { ListEmptyState, PastLastPage } from "@/components/list-url/list-empty-state";
import { firstPage, pageNumberOf } from "@/components/list-url/page-trail";
import { pushSearch, useLocationSearch } from "@/components/list-url/push-search";
import { toQueryString } from "@/components/list-url/search-params";
import { useIsLive } from "@/components/providers/live-events-provider";
import { Button } from "@/components/ui/button";
import { fetchApi } from "@/lib/api/fetch-api";
import type { CatalogLabels } from "@/lib/examples/catalog-labels";
import type { ExampleResource } from "@/schemas/examples";
import {
  type ExampleListSearch,
  hasFilters,
  parseExampleListSearch,
  toExampleListQueryString,
  toListExamplesQuery,
  withFilters,
} from "./example-list-search";
import { isExampleSettled, pollWhileGenerating } from "./example-status";
import { ExamplesTable } from "./examples-table";

export interface ExamplesPage {
  data: ExampleResource[];
  has_more: boolean;
  next_cursor: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const control = "h-9 rounded-md border border-input bg-card px-2 text-sm";

const navigate = (search: ExampleListSearch) => pushSearch(toExampleListQueryString(search));
const apiQueryString = (search: ExampleListSearch) => toQueryString({ ...toListExamplesQuery(search) });

/**
 * The caller's examples, a keyset page at a time, with filters. The URL is the state (see example-list-search);
 * the server renders the page the URL names first, later pages and filters load from the API. Statuses are
 * polled while any example on the page is still generating.
 */
export function ExamplesList({
  initialPage,
  initialSearch,
  labels,
}: {
  initialPage: ExamplesPage;
  initialSearch: ExampleListSearch;
  labels: CatalogLabels;
}) {
  const id = useId();
  const searchParams = useLocationSearch("/examples", toExampleListQueryString(initialSearch));
  const search = useMemo(() => parseExampleListSearch(searchParams, labels), [searchParams, labels]);
  const apiQuery = apiQueryString(search);
  const [sessionInput, setSessionInput] = useState(search.session);
  // Back/forward (or a link) can change the session filter under the text box: show what the URL says.
  useEffect(() => setSessionInput(search.session), [search.session]);
  const isSessionInvalid = sessionInput.trim() !== "" && !UUID.test(sessionInput.trim());
  const commitSession = () => {
    const session = sessionInput.trim();
    if (!isSessionInvalid && session !== search.session) navigate(withFilters(search, { session }));
  };

  const isLive = useIsLive();
  const query = useQuery({
    queryKey: ["examples", apiQuery],
    queryFn: () => fetchApi<ExamplesPage>(`/v1/examples?${apiQuery}`),
    initialData: apiQuery === apiQueryString(initialSearch) ? initialPage : undefined,
    placeholderData: keepPreviousData,
    // As in the sessions list: a server-rendered page with an unsettled example is read again when the live stream
    // was already connected (its change may have streamed past before this query existed); otherwise the stream's
    // first connection reads it.
    refetchOnMount: (q) =>
      isLive && q.state.data?.data.some((e) => !isExampleSettled(e.status)) ? "always" : true,
    refetchInterval: (q) => !isLive && pollWhileGenerating(q.state.data?.data),
  });
  const rows = query.data?.data ?? [];
  const page = pageNumberOf(search);
  const isFiltered = hasFilters(search);
  const nextCursor = query.isPlaceholderData ? null : (query.data?.next_cursor ?? null);

  return (
    <div className="flex flex-col gap-4">
      <search className="flex flex-wrap items-end gap-3">
        <form
          className="flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            commitSession();
          }}
        >
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-session`} className="text-xs font-medium">
              Session id
            </label>
            <input
              id={`${id}-session`}
              className={`${control} w-80 font-mono`}
              placeholder="All sessions"
              value={sessionInput}
              aria-invalid={isSessionInvalid}
              aria-describedby={isSessionInvalid ? `${id}-session-error` : undefined}
              onChange={(e) => setSessionInput(e.target.value)}
              onBlur={commitSession}
            />
          </div>
          {isSessionInvalid ? (
            <p id={`${id}-session-error`} className="pb-2 text-xs text-danger">
              Paste a full session id (UUID).
            </p>
          ) : null}
        </form>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-suite`} className="text-xs font-medium">
            Suite
          </label>
          <select
            id={`${id}-suite`}
            className={control}
            value={search.suite}
            onChange={(e) => navigate(withFilters(search, { suite: e.target.value }))}
          >
            <option value="">All suites</option>
            {Object.entries(labels.suites).map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-model`} className="text-xs font-medium">
            Model
          </label>
          <select
            id={`${id}-model`}
            className={control}
            value={search.model}
            onChange={(e) => navigate(withFilters(search, { model: e.target.value }))}
          >
            <option value="">All models</option>
            {Object.entries(labels.models).map(([value, slug]) => (
              <option key={value} value={value}>
                {slug}
              </option>
            ))}
          </select>
        </div>
        {isFiltered ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => navigate(withFilters(search, { session: "", suite: "", model: "" }))}
          >
            Clear filters
          </Button>
        ) : null}
      </search>

      {query.isError ? (
        <p role="alert" className="text-sm text-danger">
          Could not load examples: {query.error.message}
        </p>
      ) : null}
      {query.isPending ? (
        <div aria-busy="true" className="flex flex-col gap-2">
          {[0, 1, 2].map((i) => (
            <div key={i} className="h-10 animate-pulse rounded bg-muted" />
          ))}
        </div>
      ) : rows.length === 0 ? (
        <EmptyState isFiltered={isFiltered} isFirstPage={page === 1} search={search} />
      ) : (
        <div aria-busy={query.isPlaceholderData} className="transition-opacity aria-busy:opacity-60">
          <ExamplesTable examples={rows} labels={labels} />
        </div>
      )}
      <KeysetPager search={search} nextCursor={nextCursor} onNavigate={navigate} />
    </div>
  );
}

function EmptyState({
  isFiltered,
  isFirstPage,
  search,
}: {
  isFiltered: boolean;
  isFirstPage: boolean;
  search: ExampleListSearch;
}) {
  return (
    <ListEmptyState>
      {!isFirstPage ? (
        <PastLastPage noun="examples" onFirstPage={() => navigate(firstPage(search))} />
      ) : isFiltered ? (
        <p>No examples match these filters.</p>
      ) : (
        <>
          <p className="font-medium text-foreground">No examples yet</p>
          <p className="mt-1">
            Open a processed session from{" "}
            <Link className="font-medium text-link hover:underline" href="/sessions">
              Sessions
            </Link>{" "}
            and create an example from it: tool-call training records in OpenAI, Anthropic, ShareGPT or Gemini
            format.
          </p>
        </>
      )}
    </ListEmptyState>
  );
}
