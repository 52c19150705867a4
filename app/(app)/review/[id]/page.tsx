import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReviewItemDetail } from "@/components/review/review-item-detail";
import { requireSessionMember } from "@/lib/auth/session";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { AppError } from "@/lib/errors";
import { getReviewItemForWorkspace } from "@/lib/review/get-review-item";
import { toReviewItemResource } from "@/lib/review/review-item-resource";
import { can } from "@/lib/workspaces/policy";
import { uuidParamSchema } from "@/schemas/common";

export const metadata: Metadata = { title: "Review item" };
export const dynamic = "force-dynamic";

/** Another workspace's item, or no item, is a 404 alike: the page does not confirm that an id exists. */
async function getReviewItemOrNotFound(workspaceId: string, id: string) {
  if (!uuidParamSchema.safeParse(id).success) notFound();
  try {
    return await getReviewItemForWorkspace({ workspaceId, id });
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

/** One review item at its own address, so the explorer, a teammate or a bookmark can point at it. */
export default async function ReviewItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const member = await requireSessionMember(`/review/${id}`);
  const item = toReviewItemResource(await getReviewItemOrNotFound(member.workspaceId, id));
  const tool = getBundledCatalog()
    .mcp_servers.find((server) => server.slug === item.tool.server)
    ?.tools.find((candidate) => candidate.name === item.tool.name);
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link className="hover:underline" href={`/review?session=${item.session_id}`}>
          Review queue
        </Link>{" "}
        / <span aria-current="page">{item.action}</span>
      </nav>
      <h1 className="text-2xl font-semibold">Review item</h1>
      <ReviewItemDetail initialItem={item} tool={tool} canDecide={can(member.role, "review")} />
    </div>
  );
}
