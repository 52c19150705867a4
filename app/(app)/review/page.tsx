import type { Metadata } from "next";
import { redirectUnlessCanonical } from "@/components/list-url/canonical-list-url";
import { ReviewQueue } from "@/components/review/review-queue";
import { parseReviewSearch, toReviewQueryString } from "@/components/review/review-search";
import { requireSessionMember } from "@/lib/auth/session";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { listReviewItems } from "@/lib/review/list-review-items";
import type { CatalogTool } from "@/schemas/catalog";

export const metadata: Metadata = { title: "Review queue" };
export const dynamic = "force-dynamic";

/** Actions the pipeline could not finish, for a person to accept (possibly edited) or reject. */
export default async function ReviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireSessionMember("/review");
  const raw = await searchParams;
  const search = parseReviewSearch(raw);
  const query = toReviewQueryString(search);
  redirectUnlessCanonical("/review", raw, query);
  const catalog = getBundledCatalog();
  const initialPage = await listReviewItems({
    workspaceId: member.workspaceId,
    query: {
      status: search.status,
      session_id: search.session,
      suite_id: search.suite,
      action: search.action,
      reason: search.reason,
      limit: 50,
    },
  });
  const tools: Record<string, CatalogTool> = {};
  for (const server of catalog.mcp_servers)
    for (const tool of server.tools) tools[`${server.slug}/${tool.name}`] = tool;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Review queue</h1>
        <p className="text-sm text-muted-foreground">
          Actions the pipeline found but could not finish. Accepted ones become records of the examples you
          generate afterwards; rejected ones never do.
        </p>
      </div>
      <ReviewQueue
        initialPage={initialPage}
        initialQuery={query}
        suites={catalog.suites.map((s) => ({
          slug: s.slug,
          name: s.name,
          actions: s.actions.map((a) => ({ slug: a.slug, name: a.name })),
        }))}
        tools={tools}
      />
    </div>
  );
}
