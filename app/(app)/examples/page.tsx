import type { Metadata } from "next";
import {
  type ExampleListSearch,
  parseExampleListSearch,
  toExampleListQueryString,
  toListExamplesQuery,
} from "@/components/examples/example-list-search";
import { ExamplesList } from "@/components/examples/examples-list";
import { NewExampleLink } from "@/components/examples/new-example-link";
import { loadListPage, redirectUnlessCanonical } from "@/components/list-url/canonical-list-url";
import { firstPage } from "@/components/list-url/page-trail";
import { withQuery } from "@/components/list-url/search-params";
import { requireSessionMember } from "@/lib/auth/session";
import { getCatalogLabels } from "@/lib/examples/catalog-labels";
import { listExamples } from "@/lib/examples/list-examples";

export const metadata: Metadata = { title: "Examples" };
export const dynamic = "force-dynamic";

const toUrl = (search: ExampleListSearch) => withQuery("/examples", toExampleListQueryString(search));

/**
 * Filters and the page live in the URL (parsed with zod in parseExampleListSearch). A URL with malformed, unknown
 * or out-of-order parameters is redirected to its canonical form, so what is shown is always what the URL says.
 */
export default async function ExamplesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireSessionMember("/examples");
  const raw = await searchParams;
  const labels = getCatalogLabels();
  const search = parseExampleListSearch(raw, labels);
  redirectUnlessCanonical("/examples", raw, toExampleListQueryString(search));

  const initialPage = await loadListPage(
    () => listExamples({ workspaceId: member.workspaceId, query: toListExamplesQuery(search) }),
    { hasCursor: Boolean(search.cursor), firstPageUrl: toUrl(firstPage(search)) },
  );
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
      <ExamplesList initialPage={initialPage} initialSearch={search} labels={labels} />
    </div>
  );
}
