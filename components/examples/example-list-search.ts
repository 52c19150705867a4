import type { CatalogLabels } from "@/lib/examples/catalog-labels";
import { EXAMPLE_LIST_MAX_TRAIL, exampleListSearchSchema, type ListExamplesQuery } from "@/schemas/examples";
import { EXAMPLES_PAGE_SIZE } from "./example-status";

/** What the examples page shows, as its URL says: filters, the page's cursor and the cursors before it. */
export interface ExampleListSearch {
  session: string;
  suite: string;
  model: string;
  cursor: string;
  prev: string[];
}

export const EMPTY_EXAMPLE_LIST_SEARCH: ExampleListSearch = {
  session: "",
  suite: "",
  model: "",
  cursor: "",
  prev: [],
};

type RawSearch = URLSearchParams | Record<string, string | string[] | undefined>;

const firstValue = (raw: RawSearch, name: string) => {
  const value = raw instanceof URLSearchParams ? raw.get(name) : raw[name];
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
};

/**
 * Parses the page's search params (the server's record or the browser's URLSearchParams) with the zod schema;
 * suites and models must also exist in the catalog. Earlier-page cursors only mean something on a later page.
 */
export function parseExampleListSearch(raw: RawSearch, labels: CatalogLabels): ExampleListSearch {
  const parsed = exampleListSearchSchema.parse({
    session: firstValue(raw, "session"),
    suite: firstValue(raw, "suite"),
    model: firstValue(raw, "model"),
    cursor: firstValue(raw, "cursor"),
    prev: firstValue(raw, "prev"),
  });
  const cursor = parsed.cursor ?? "";
  return {
    session: parsed.session ?? "",
    suite: parsed.suite && parsed.suite in labels.suites ? parsed.suite : "",
    model: parsed.model && parsed.model in labels.models ? parsed.model : "",
    cursor,
    prev: cursor ? (parsed.prev ?? []) : [],
  };
}

/** The canonical query string of a view (fixed order, empty values left out), without the leading "?". */
export function toExampleListQueryString(search: ExampleListSearch): string {
  const params = new URLSearchParams();
  if (search.session) params.set("session", search.session);
  if (search.suite) params.set("suite", search.suite);
  if (search.model) params.set("model", search.model);
  if (search.cursor) {
    params.set("cursor", search.cursor);
    if (search.prev.length > 0) params.set("prev", search.prev.join("."));
  }
  return params.toString();
}

/** The same view as `GET /v1/examples` parameters (and `listExamples` on the server). */
export function toListExamplesQuery(search: ExampleListSearch): ListExamplesQuery {
  return {
    limit: EXAMPLES_PAGE_SIZE,
    session_id: search.session || undefined,
    suite_id: search.suite || undefined,
    model_id: search.model || undefined,
    cursor: search.cursor || undefined,
  };
}

export const withFilters = (
  search: ExampleListSearch,
  filters: Partial<Pick<ExampleListSearch, "session" | "suite" | "model">>,
): ExampleListSearch => ({ ...search, ...filters, cursor: "", prev: [] });

/** The next (older) page: this page's cursor joins the trail, dropping the oldest past the bound. */
export const olderPage = (search: ExampleListSearch, nextCursor: string): ExampleListSearch => ({
  ...search,
  cursor: nextCursor,
  prev: search.cursor ? [...search.prev, search.cursor].slice(-EXAMPLE_LIST_MAX_TRAIL) : [],
});

export const newerPage = (search: ExampleListSearch): ExampleListSearch => ({
  ...search,
  cursor: search.prev.at(-1) ?? "",
  prev: search.prev.slice(0, -1),
});

export const pageNumberOf = (search: ExampleListSearch) => (search.cursor ? search.prev.length + 2 : 1);

export const hasFilters = (search: ExampleListSearch) =>
  Boolean(search.session || search.suite || search.model);
