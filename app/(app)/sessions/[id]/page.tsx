import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmDeleteButton } from "@/components/data/confirm-delete-button";
import { CreateExamplePanel } from "@/components/examples/create-example-panel";
import { SessionExamples } from "@/components/examples/session-examples";
import { SessionExplorerLoader } from "@/components/explorer/session-explorer-loader";
import { TimelineOverviewPicture } from "@/components/explorer/timeline-overview-picture";
import { SessionReviewItems } from "@/components/review/session-review-items";
import { SessionLiveHeader } from "@/components/sessions/session-live-header";
import { Button } from "@/components/ui/button";
import { requireSessionMember } from "@/lib/auth/session";
import { getBundledCatalog } from "@/lib/catalog/bundled-catalog";
import { findSuite } from "@/lib/catalog/find-suite";
import { AppError } from "@/lib/errors";
import { readTimelineOpening, type TimelineOpening } from "@/lib/explorer/read-timeline-index";
import { stageSpansFromMetrics } from "@/lib/explorer/stage-spans";
import { getSessionDetail } from "@/lib/sessions/get-session";

import { deleteSessionAction } from "./actions";

export const metadata: Metadata = { title: "Session" };

async function loadSession(workspaceId: string, id: string) {
  try {
    return await getSessionDetail(workspaceId, id);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const member = await requireSessionMember(`/sessions/${id}`);
  const session = await loadSession(member.workspaceId, id);
  const suite = findSuite(getBundledCatalog(), session.suite_id);
  // The explorer's index manifest rides with the page (a round trip saved before the first paint), and so does a
  // picture of its opening view, on screen before any script runs; the session is the member's, loaded above.
  // Both absent for a session processed before the index: the explorer builds it then.
  const { manifest: timelineManifest, overview }: TimelineOpening =
    session.status === "completed" ? await readTimelineOpening(session.id).catch(() => ({})) : {};
  return (
    <div className="flex flex-col gap-8">
      <SessionLiveHeader initial={session} suiteName={suite?.name ?? "Unknown suite"} />
      <div className="flex flex-wrap items-center gap-3">
        {session.status === "completed" || session.status === "failed" ? (
          <Button asChild variant="outline">
            <a href={`/v1/sessions/${session.id}/bundle`} download>
              Export bundle
            </a>
          </Button>
        ) : null}
        <ConfirmDeleteButton
          label="Delete session"
          title="Delete this session?"
          description="The recording, its processed layers, its examples and review items are removed from storage. This cannot be undone."
          action={deleteSessionAction.bind(null, { id: session.id })}
        />
        <p className="text-sm text-muted-foreground" data-testid="retention-notice">
          {session.retention.notice}
        </p>
      </div>
      <section aria-labelledby="explorer-heading" className="flex flex-col gap-3">
        <h2 id="explorer-heading" className="text-lg font-semibold">
          Trace explorer
        </h2>
        {session.retention.derived_deleted_at ? (
          <p className="rounded-lg border border-dashed border-input p-6 text-sm text-muted-foreground">
            The processed layers were deleted by your retention setting; examples are kept.
          </p>
        ) : session.status === "completed" ? (
          <SessionExplorerLoader
            sessionId={session.id}
            stages={stageSpansFromMetrics(session.metrics, session.error)}
            initialManifest={timelineManifest}
            placeholder={overview ? <TimelineOverviewPicture overview={overview} /> : undefined}
          />
        ) : (
          <p className="rounded-lg border border-dashed border-input p-6 text-sm text-muted-foreground">
            {session.status === "failed"
              ? "Processing failed, so there is no timeline to explore."
              : session.status === "open"
                ? "This session is open for streaming. Complete it to run the pipeline."
                : "The pipeline is running. The timeline appears here when it completes."}
          </p>
        )}
      </section>
      {session.status === "completed" && <SessionReviewItems sessionId={session.id} />}
      {session.status === "completed" && (
        <section aria-labelledby="examples-heading" className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <h2 id="examples-heading" className="sr-only">
            Examples
          </h2>
          <CreateExamplePanel sessionId={session.id} suiteId={session.suite_id} />
          <SessionExamples sessionId={session.id} />
        </section>
      )}
    </div>
  );
}
