import { firstPage, type PageTrail, pageTrailParams, toPageTrail } from "@/components/list-url/page-trail";
import { parseSearchParams, type RawSearch, toQueryString } from "@/components/list-url/search-params";
import type { CatalogLabels } from "@/lib/examples/catalog-labels";
import { exampleListSearchSchema, type ListExamplesQuery } from "@/schemas/examples";
import { EXAMPLES_PAGE_SIZE } from "./example-status";

/** What the examples page shows, as its URL says: filters, the page's cursor and the cursors before it. */
export interface ExampleListSearch extends PageTrail {
  session: string;
  suite: string;
  model: string;
}

export const EMPTY_EXAMPLE_LIST_SEARCH: ExampleListSearch = {
  session: "",
  suite: "",
  model: "",
  cursor: "",
  prev: [],
};

/**
 * Parses the page's search params (the server's record or the browser's URLSearchParams) with the zod schema;
 * suites and models must also exist in the catalog.
 */
export function parseExampleListSearch(raw: RawSearch, labels: CatalogLabels): ExampleListSearch {
  const parsed = parseSearchParams(exampleListSearchSchema, raw);
  return {
    session: parsed.session ?? "",
    suite: parsed.suite && parsed.suite in labels.suites ? parsed.suite : "",
    model: parsed.model && parsed.model in labels.models ? parsed.model : "",
    ...toPageTrail(parsed),
  };
}

/** The canonical query string of a view (fixed order, empty values left out), without the leading "?". */
export function toExampleListQueryString(search: ExampleListSearch): string {
  return toQueryString({
    session: search.session,
    suite: search.suite,
    model: search.model,
    ...pageTrailParams(search),
  });
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
): ExampleListSearch => firstPage({ ...search, ...filters });

export const hasFilters = (search: ExampleListSearch) =>
  Boolean(search.session || search.suite || search.model);
