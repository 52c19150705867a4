import type { Metadata } from "next";
import { redirect } from "next/navigation";
import {
  type ExampleListSearch,
  parseExampleListSearch,
  toExampleListQueryString,
  toListExamplesQuery,
} from "@/components/examples/example-list-search";
import { ExamplesList } from "@/components/examples/examples-list";
import { NewExampleLink } from "@/components/examples/new-example-link";
import { requireSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getCatalogLabels } from "@/lib/examples/catalog-labels";
import { listExamples } from "@/lib/examples/list-examples";

export const metadata: Metadata = { title: "Examples" };
export const dynamic = "force-dynamic";

type RawSearch = Record<string, string | string[] | undefined>;

const toUrl = (search: ExampleListSearch) => {
  const query = toExampleListQueryString(search);
  return query ? `/examples?${query}` : "/examples";
};

/** The query string as requested, for comparison with the canonical one. */
function requestedQuery(raw: RawSearch) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(raw)) {
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined) params.append(name, one);
  }
  return params.toString();
}

/**
 * Filters and the page live in the URL (parsed with zod in parseExampleListSearch). A URL with malformed, unknown
 * or out-of-order parameters is redirected to its canonical form, so what is shown is always what the URL says.
 */
export default async function ExamplesPage({ searchParams }: { searchParams: Promise<RawSearch> }) {
  const user = await requireSessionUser("/examples");
  const raw = await searchParams;
  const labels = getCatalogLabels();
  const search = parseExampleListSearch(raw, labels);
  if (toExampleListQueryString(search) !== requestedQuery(raw)) redirect(toUrl(search));

  let firstPage: Awaited<ReturnType<typeof listExamples>>;
  try {
    firstPage = await listExamples({ userId: user.id, query: toListExamplesQuery(search) });
  } catch (error) {
    // A well-formed cursor that does not decode (edited by hand): start again from the first page.
    if (error instanceof AppError && error.status === 400 && search.cursor) {
      redirect(toUrl({ ...search, cursor: "", prev: [] }));
    }
    throw error;
  }
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Examples</h1>
          <p className="text-sm text-muted-foreground">
            Tool-call training data generated from your sessions, as JSONL.
          </p>
        </div>
        <NewExampleLink />
      </div>
      <ExamplesList initialPage={firstPage} initialSearch={search} labels={labels} />
    </div>
  );
}
