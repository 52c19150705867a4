import type { Metadata } from "next";
import Link from "next/link";
import { loadListPage, redirectUnlessCanonical } from "@/components/list-url/canonical-list-url";
import { firstPage } from "@/components/list-url/page-trail";
import { withQuery } from "@/components/list-url/search-params";
import {
  parseSessionListSearch,
  toListSessionsQuery,
  toListSessionsQueryString,
  toSessionListQueryString,
} from "@/components/sessions/session-list-search";
import { SessionsList } from "@/components/sessions/sessions-list";
import { Button } from "@/components/ui/button";
import { requireSessionMember } from "@/lib/auth/session";
import { listSuites } from "@/lib/catalog/read-catalog";
import { listSessions } from "@/lib/sessions/list-sessions";

export const metadata: Metadata = { title: "Sessions" };
export const dynamic = "force-dynamic";

/**
 * Filters, search, sort and the page live in the URL (parsed with zod in parseSessionListSearch). A URL with
 * malformed, unknown or out-of-order parameters is redirected to its canonical form.
 */
export default async function SessionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireSessionMember("/sessions");
  const raw = await searchParams;
  const suites = (await listSuites()).map((s) => ({ id: s.id, slug: s.slug, name: s.name }));
  const search = parseSessionListSearch(
    raw,
    suites.map((s) => s.slug),
  );
  redirectUnlessCanonical("/sessions", raw, toSessionListQueryString(search));

  const initialPage = await loadListPage(
    () => listSessions(member.workspaceId, toListSessionsQuery(search)),
    {
      hasCursor: Boolean(search.cursor),
      firstPageUrl: withQuery("/sessions", toSessionListQueryString(firstPage(search))),
    },
  );
  return (
    <div className="flex flex-col gap-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Sessions</h1>
        <Button asChild>
          <Link href="/upload">Upload a recording</Link>
        </Button>
      </div>
      <SessionsList
        initialPage={initialPage}
        initialQuery={toSessionListQueryString(search)}
        initialApiQuery={toListSessionsQueryString(search)}
        suites={suites}
      />
    </div>
  );
}
