"use client";

import { type ReactNode, useId } from "react";
import { Button } from "@/components/ui/button";
import { sessionStatusSchema } from "@/schemas/sessions";
import { hasFilters, type SessionListSearch, withFilters } from "./session-list-search";

export interface SuiteOption {
  id: string;
  slug: string;
  name: string;
}

const control = "h-9 rounded-md border border-input bg-card px-2 text-sm";

/**
 * The list's controls. Each one shows what the URL says and changes the view only through `onNavigate`; the
 * search box is the exception while typing (`searchText`), committed by the list.
 */
export function SessionFilters({
  search,
  suites,
  searchText,
  onSearchText,
  onCommitSearch,
  onNavigate,
}: {
  search: SessionListSearch;
  suites: SuiteOption[];
  searchText: string;
  onSearchText: (text: string) => void;
  onCommitSearch: () => void;
  onNavigate: (search: SessionListSearch) => void;
}) {
  const id = useId();
  const field = (name: string, label: string, input: ReactNode) => (
    <div key={name} className="flex flex-col gap-1">
      <label htmlFor={`${id}-${name}`} className="text-xs font-medium">
        {label}
      </label>
      {input}
    </div>
  );
  return (
    <search className="flex flex-wrap items-end gap-3">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onCommitSearch();
        }}
      >
        {field(
          "q",
          "Search",
          <input
            id={`${id}-q`}
            className={`${control} w-64`}
            type="search"
            placeholder="Id, description or suite"
            value={searchText}
            onChange={(e) => onSearchText(e.target.value)}
            onBlur={onCommitSearch}
          />,
        )}
      </form>
      {field(
        "suite",
        "Suite",
        <select
          id={`${id}-suite`}
          className={control}
          value={search.suite}
          onChange={(e) => onNavigate(withFilters(search, { suite: e.target.value }))}
        >
          <option value="">All suites</option>
          {suites.map((s) => (
            <option key={s.id} value={s.slug}>
              {s.name}
            </option>
          ))}
        </select>,
      )}
      {field(
        "status",
        "Status",
        <select
          id={`${id}-status`}
          className={control}
          value={search.status}
          onChange={(e) =>
            onNavigate(
              withFilters(search, { status: sessionStatusSchema.safeParse(e.target.value).data ?? "" }),
            )
          }
        >
          <option value="">Any status</option>
          {sessionStatusSchema.options.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>,
      )}
      {(["from", "to"] as const).map((day) =>
        field(
          day,
          day === "from" ? "From" : "To",
          <input
            id={`${id}-${day}`}
            className={control}
            type="date"
            value={search[day]}
            // Keeps the picker from offering an empty range.
            min={day === "to" ? search.from || undefined : undefined}
            max={day === "from" ? search.to || undefined : undefined}
            onChange={(e) => onNavigate(withFilters(search, { [day]: e.target.value }))}
          />,
        ),
      )}
      {field(
        "sort",
        "Sort",
        <select
          id={`${id}-sort`}
          className={control}
          value={search.sort}
          onChange={(e) =>
            onNavigate(withFilters(search, { sort: e.target.value === "oldest" ? "oldest" : "newest" }))
          }
        >
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </select>,
      )}
      {hasFilters(search) ? (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => onNavigate(withFilters(search, { q: "", suite: "", status: "", from: "", to: "" }))}
        >
          Clear filters
        </Button>
      ) : null}
    </search>
  );
}
