import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfirmDeleteButton } from "@/components/data/confirm-delete-button";
import { ExampleDetail } from "@/components/examples/example-detail";
import type { PreviewData } from "@/components/examples/example-preview";
import { PREVIEW_RECORDS } from "@/components/examples/example-status";
import { readJsonlPreview } from "@/components/examples/read-jsonl-preview";
import { requireSessionMember } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getCatalogLabels } from "@/lib/examples/catalog-labels";
import { toExampleResource } from "@/lib/examples/example-resource";
import { getExampleForWorkspace } from "@/lib/examples/get-example";
import { openExampleMessages } from "@/lib/examples/open-example-messages";

import { deleteExampleAction } from "./actions";

export const metadata: Metadata = { title: "Example" };
export const dynamic = "force-dynamic";

/** Someone else's example is a 404 here too: the page does not confirm that an id exists. */
async function getExampleOrNotFound(workspaceId: string, exampleId: string) {
  try {
    return await getExampleForWorkspace({ workspaceId, exampleId });
  } catch (error) {
    if (error instanceof AppError && (error.status === 404 || error.status === 403)) notFound();
    throw error;
  }
}

export default async function ExamplePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const member = await requireSessionMember(`/examples/${id}`);
  const example = await getExampleOrNotFound(member.workspaceId, id);
  let preview: PreviewData | undefined;
  if (example.status === "completed") {
    const { stream } = await openExampleMessages({ workspaceId: member.workspaceId, exampleId: example.id });
    preview = await readJsonlPreview(stream, PREVIEW_RECORDS);
  }
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link className="hover:underline" href="/examples">
          Examples
        </Link>{" "}
        / <span aria-current="page">{example.id.slice(0, 8)}</span>
      </nav>
      <div>
        <ConfirmDeleteButton
          label="Delete example"
          title="Delete this example?"
          description="Its JSONL is removed from storage. The session and its other examples are kept. This cannot be undone."
          action={deleteExampleAction.bind(null, { id: example.id })}
        />
      </div>
      <ExampleDetail
        initialExample={toExampleResource(example)}
        labels={getCatalogLabels()}
        initialPreview={preview}
      />
    </div>
  );
}
