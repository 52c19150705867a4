"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { fetchApi } from "@/lib/api/fetch-api";
import type { CatalogLabels } from "@/lib/examples/catalog-labels";
import type { ExampleResource } from "@/schemas/examples";
import { EXAMPLES_PAGE_SIZE, pollWhileGenerating } from "./example-status";
import { ExamplesTable } from "./examples-table";

export interface ExamplesPage {
  data: ExampleResource[];
  has_more: boolean;
  next_cursor: string | null;
}
export interface ExampleFilters {
  session: string;
  suite: string;
  model: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const control = "h-9 rounded-md border border-input bg-card px-2 text-sm";

/** The caller's examples with filters, "load more" by cursor, and live statuses while any is generating. */
export function ExamplesList({
  initialPage,
  initialFilters,
  labels,
}: {
  initialPage: ExamplesPage;
  initialFilters: ExampleFilters;
  labels: CatalogLabels;
}) {
  const id = useId();
  const [filters, setFilters] = useState(initialFilters);
  const [sessionInput, setSessionInput] = useState(initialFilters.session);
  const isSessionInvalid = sessionInput.trim() !== "" && !UUID.test(sessionInput.trim());

  const params = new URLSearchParams({ limit: String(EXAMPLES_PAGE_SIZE) });
  if (filters.session) params.set("session_id", filters.session);
  if (filters.suite) params.set("suite_id", filters.suite);
  if (filters.model) params.set("model_id", filters.model);
  const isInitial =
    filters.session === initialFilters.session &&
    filters.suite === initialFilters.suite &&
    filters.model === initialFilters.model;

  const query = useInfiniteQuery({
    queryKey: ["examples", params.toString()],
    queryFn: ({ pageParam }) => {
      const page = new URLSearchParams(params);
      if (pageParam) page.set("cursor", pageParam);
      return fetchApi<ExamplesPage>(`/v1/examples?${page}`);
    },
    initialPageParam: "",
    initialData: isInitial ? { pages: [initialPage], pageParams: [""] } : undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    refetchInterval: (q) => pollWhileGenerating(q.state.data?.pages.flatMap((p) => p.data)),
  });
  const rows = query.data?.pages.flatMap((p) => p.data) ?? [];
  const hasFilters = Boolean(filters.session || filters.suite || filters.model);

  return (
    <div className="flex flex-col gap-4">
      <search className="flex flex-wrap items-end gap-3">
        <form
          className="flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (!isSessionInvalid) setFilters({ ...filters, session: sessionInput.trim() });
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
              onBlur={() => !isSessionInvalid && setFilters({ ...filters, session: sessionInput.trim() })}
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
            value={filters.suite}
            onChange={(e) => setFilters({ ...filters, suite: e.target.value })}
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
            value={filters.model}
            onChange={(e) => setFilters({ ...filters, model: e.target.value })}
          >
            <option value="">All models</option>
            {Object.entries(labels.models).map(([value, slug]) => (
              <option key={value} value={value}>
                {slug}
              </option>
            ))}
          </select>
        </div>
        {hasFilters ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setSessionInput("");
              setFilters({ session: "", suite: "", model: "" });
            }}
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
        <div className="rounded-lg border border-dashed border-input p-8 text-center text-sm text-muted-foreground">
          {hasFilters ? (
            <p>No examples match these filters.</p>
          ) : (
            <>
              <p className="font-medium text-foreground">No examples yet</p>
              <p className="mt-1">
                Open a processed session from{" "}
                <Link className="font-medium text-link hover:underline" href="/sessions">
                  Sessions
                </Link>{" "}
                and create an example from it: tool-call training records in OpenAI, Anthropic, ShareGPT or
                Gemini format.
              </p>
            </>
          )}
        </div>
      ) : (
        <ExamplesTable examples={rows} labels={labels} />
      )}
      {query.hasNextPage ? (
        <Button
          variant="outline"
          className="self-center"
          onClick={() => query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      ) : null}
    </div>
  );
}
