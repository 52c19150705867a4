import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EXAMPLES_PAGE_SIZE } from "@/components/examples/example-status";
import { ExamplesList } from "@/components/examples/examples-list";
import { Button } from "@/components/ui/button";
import { requireSessionUser } from "@/lib/auth/session";
import { getCatalogLabels } from "@/lib/examples/catalog-labels";
import { listExamples } from "@/lib/examples/list-examples";
import { isUuid } from "@/lib/sessions/get-session";

export const metadata: Metadata = { title: "Examples" };
export const dynamic = "force-dynamic";

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

export default async function ExamplesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireSessionUser("/examples");
  const params = await searchParams;
  const labels = getCatalogLabels();
  const filters = {
    session: isUuid(one(params.session)) ? one(params.session) : "",
    suite: one(params.suite) in labels.suites ? one(params.suite) : "",
    model: one(params.model) in labels.models ? one(params.model) : "",
  };
  const firstPage = await listExamples({
    userId: user.id,
    query: {
      limit: EXAMPLES_PAGE_SIZE,
      session_id: filters.session || undefined,
      suite_id: filters.suite || undefined,
      model_id: filters.model || undefined,
    },
  });
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Examples</h1>
          <p className="text-sm text-muted-foreground">
            Tool-call training data generated from your sessions, as JSONL.
          </p>
        </div>
        <Button asChild>
          <Link href={filters.session ? `/examples/new?session=${filters.session}` : "/examples/new"}>
            <Plus className="size-4" aria-hidden />
            New example
          </Link>
        </Button>
      </div>
      <ExamplesList initialPage={firstPage} initialFilters={filters} labels={labels} />
    </div>
  );
}
