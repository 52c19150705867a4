"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useIsLive } from "@/components/providers/live-events-provider";
import { isSettled, StatusBadge } from "@/components/sessions/status-badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { fetchApi } from "@/lib/api/fetch-api";
import { RECENT_SESSIONS_PAGE_SIZE } from "./page-sizes";

export interface RecentSession {
  id: string;
  suite_id: string;
  description: string | null;
  status: string;
  created_at: string;
}
export interface SessionsPage {
  data: RecentSession[];
  next_cursor: string | null;
}

/**
 * The newest sessions, a keyset page at a time (the cursors already visited are kept for "Newer"). The first
 * page comes from the server; statuses are polled while any visible session is still being processed.
 */
export function RecentSessions({
  initialPage,
  suiteNames,
  canUpload = true,
}: {
  initialPage: SessionsPage;
  suiteNames: Record<string, string>;
  /** A viewer is not pointed at the upload page. */
  canUpload?: boolean;
}) {
  const [cursors, setCursors] = useState<string[]>([""]);
  const cursor = cursors.at(-1) ?? "";
  const isLive = useIsLive();
  const query = useQuery({
    queryKey: ["dashboard-sessions", cursor],
    queryFn: () => {
      const params = new URLSearchParams({ limit: String(RECENT_SESSIONS_PAGE_SIZE) });
      if (cursor) params.set("cursor", cursor);
      return fetchApi<SessionsPage>(`/v1/sessions?${params}`);
    },
    initialData: cursor === "" ? initialPage : undefined,
    placeholderData: keepPreviousData,
    // As in the sessions list: a server-rendered page with an unsettled row is read again when the live stream was
    // already connected (a status may have streamed past before this query existed); otherwise the stream's first
    // connection reads it.
    refetchOnMount: (q) => (isLive && q.state.data?.data.some((s) => !isSettled(s.status)) ? "always" : true),
    refetchInterval: (q) =>
      !isLive && q.state.data?.data.some((s) => !isSettled(s.status) && s.status !== "open") ? 2000 : false,
  });
  const rows = query.data?.data ?? [];
  const page = cursors.length;

  if (page === 1 && rows.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-input p-8 text-center text-sm text-muted-foreground">
        <p className="font-medium text-foreground">No sessions yet</p>
        <p className="mt-1">
          Record yourself using Gmail, Google Calendar or GitHub, then{" "}
          {canUpload ? (
            <Link className="font-medium text-link hover:underline" href="/upload">
              upload the recording
            </Link>
          ) : (
            "upload the recording"
          )}{" "}
          or send it with the API.{" "}
          <Link className="font-medium text-link hover:underline" href="/guide">
            How to record
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      {query.isError ? (
        <p role="alert" className="text-sm text-danger">
          Could not load sessions: {query.error.message}
        </p>
      ) : null}
      <Table aria-label="Recent sessions" aria-busy={query.isFetching && query.isPlaceholderData}>
        <TableHeader>
          <TableRow>
            <TableHead>Session</TableHead>
            <TableHead>Suite</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Created</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((s) => (
            <TableRow key={s.id} data-testid="recent-session-row" className="hover:bg-muted">
              <TableCell>
                <Link className="font-medium text-link hover:underline" href={`/sessions/${s.id}`}>
                  {s.description || "Untitled session"}
                </Link>
                <div className="font-mono text-xs text-muted-foreground">{s.id.slice(0, 8)}</div>
              </TableCell>
              <TableCell>{suiteNames[s.suite_id] ?? "—"}</TableCell>
              <TableCell>
                <StatusBadge status={s.status} />
              </TableCell>
              <TableCell className="text-muted-foreground">
                <time dateTime={s.created_at}>{new Date(s.created_at).toLocaleString()}</time>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className="flex items-center justify-between gap-2 text-sm text-muted-foreground">
        <span>Page {page}</span>
        <div className="flex gap-2">
          <Button
            variant="outline"
            size="sm"
            disabled={page === 1}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            Newer
          </Button>
          <Button
            variant="outline"
            size="sm"
            disabled={!query.data?.next_cursor || query.isPlaceholderData}
            onClick={() => query.data?.next_cursor && setCursors([...cursors, query.data.next_cursor])}
          >
            Older
          </Button>
          <Button asChild variant="ghost" size="sm">
            <Link href="/sessions">All sessions</Link>
          </Button>
        </div>
      </div>
    </div>
  );
}
