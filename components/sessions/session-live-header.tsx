"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useIsLive } from "@/components/providers/live-events-provider";
import { fetchApi } from "@/lib/api/fetch-api";
import { isSettled, StatusBadge } from "./status-badge";

interface SessionSummary {
  id: string;
  status: string;
  description: string | null;
  event_count: number;
  interaction_count: number;
  action_count: number;
  error: string | null;
  timezone: string | null;
  timezone_source: "stated" | "recording" | "inferred" | "unknown";
  suite_notice: string | null;
}

const zoneSourceLabel: Record<SessionSummary["timezone_source"], string> = {
  stated: "stated on upload",
  recording: "from the recording",
  inferred: "inferred from the pages",
  unknown: "calendar times need review",
};

/** Before processing an unknown zone may still be found in the recording; after it, date-times need review. */
const zoneSourceText = (s: SessionSummary) =>
  s.timezone_source === "unknown" && !isSettled(s.status)
    ? "not known yet"
    : zoneSourceLabel[s.timezone_source];

/** Title, live status and counts; refreshes the server-rendered page once processing settles. */
export function SessionLiveHeader({ initial, suiteName }: { initial: SessionSummary; suiteName: string }) {
  const router = useRouter();
  const isLive = useIsLive();
  const { data } = useQuery({
    queryKey: ["session", initial.id],
    queryFn: () => fetchApi<SessionSummary>(`/v1/sessions/${initial.id}`),
    initialData: initial,
    // The server rendered this snapshot: a status change may have streamed past before this query existed (the
    // stream refreshes only mounted queries, and nothing polls while it is live), so an unsettled one is read again.
    refetchOnMount: (q) => (q.state.data && !isSettled(q.state.data.status) ? "always" : true),
    refetchInterval: (q) => (!isLive && q.state.data && !isSettled(q.state.data.status) ? 1500 : false),
  });
  const previous = useRef(initial.status);
  useEffect(() => {
    if (data.status !== previous.current && isSettled(data.status)) router.refresh();
    previous.current = data.status;
  }, [data.status, router]);

  return (
    <header className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{data.description || "Untitled session"}</h1>
        <StatusBadge status={data.status} />
      </div>
      <p className="font-mono text-xs text-muted-foreground">{data.id}</p>
      <dl className="flex flex-wrap gap-6 text-sm">
        <div>
          <dt className="text-xs text-muted-foreground">Suite</dt>
          <dd>{suiteName}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Time zone</dt>
          <dd data-testid="session-timezone">
            {data.timezone ?? "Unknown"}{" "}
            <span className="text-xs text-muted-foreground" data-testid="session-timezone-source">
              ({zoneSourceText(data)})
            </span>
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Events</dt>
          <dd data-testid="event-count">{data.event_count.toLocaleString()}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Interactions</dt>
          <dd>{data.interaction_count.toLocaleString()}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">Actions</dt>
          <dd data-testid="action-count">{data.action_count.toLocaleString()}</dd>
        </div>
      </dl>
      {data.suite_notice && (
        <p
          role="status"
          className="rounded-md border border-input bg-accent p-3 text-sm"
          data-testid="suite-notice"
        >
          {data.suite_notice}
        </p>
      )}
      {data.error && (
        <p role="alert" className="rounded-md bg-danger-muted p-3 text-sm text-danger-muted-foreground">
          {data.error}
        </p>
      )}
    </header>
  );
}
