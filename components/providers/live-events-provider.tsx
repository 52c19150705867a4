"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { ApiRequestError, fetchApi } from "@/lib/api/fetch-api";
import type { SessionResponse } from "@/schemas/sessions";
import {
  type WorkspaceStreamEvent,
  workspaceEventSchemas,
  workspaceEventTypes,
} from "@/schemas/workspace-events";
import { applyLiveEvent } from "./apply-live-event";

const LiveEventsContext = createContext(false);

/** A refused stream (signed out, too many tabs) is tried again this long after, polling meanwhile. */
const RETRY_REFUSED_MS = 30_000;

async function fetchSession(id: string): Promise<SessionResponse | undefined> {
  try {
    return await fetchApi<SessionResponse>(`/v1/sessions/${id}`);
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 404) return undefined;
    throw error;
  }
}

/**
 * The workspace's live updates for every page: one `EventSource` on `/v1/events/stream` whose events update the
 * query caches. The browser reconnects on its own and resumes with `Last-Event-ID`. While it is not connected,
 * `useIsLive()` is false and the lists poll as before.
 */
export function LiveEventsProvider({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const [isLive, setLive] = useState(false);
  return (
    <LiveEventsContext.Provider value={isLive}>
      {/* A stream belongs to the workspace its credential named when it opened: a switch opens a new one. */}
      <WorkspaceEventSource key={workspaceId} onLiveChange={setLive} />
      {children}
    </LiveEventsContext.Provider>
  );
}

function WorkspaceEventSource({ onLiveChange: setLive }: { onLiveChange: (isLive: boolean) => void }) {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    let source: EventSource | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let hasConnected = false;
    // One event at a time, in order: a slow fetch for an older event never overwrites a newer one.
    let applying = Promise.resolve();

    const onEvent = (message: MessageEvent<string>) => {
      const type = message.type as keyof typeof workspaceEventSchemas;
      const data = workspaceEventSchemas[type]?.safeParse(JSON.parse(message.data));
      if (!data?.success) return;
      const event = { id: Number(message.lastEventId), type, data: data.data } as WorkspaceStreamEvent;
      applying = applying.then(() => applyLiveEvent(queryClient, event, fetchSession)).catch(() => undefined);
    };

    const connect = () => {
      source = new EventSource("/v1/events/stream");
      for (const type of workspaceEventTypes) source.addEventListener(type, onEvent);
      source.onopen = () => {
        setLive(true);
        document.documentElement.dataset.liveUpdates = "connected";
        // The first connection starts from now: what changed since the page was rendered is read once.
        // Reconnections resume from Last-Event-ID and miss nothing.
        if (!hasConnected) {
          hasConnected = true;
          void queryClient.invalidateQueries({
            predicate: (q) =>
              ["sessions", "dashboard-sessions", "session", "examples", "example"].includes(
                String(q.queryKey[0]),
              ),
          });
        }
      };
      source.onerror = () => {
        setLive(false);
        delete document.documentElement.dataset.liveUpdates;
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retryTimer = setTimeout(connect, RETRY_REFUSED_MS);
        }
      };
    };
    connect();
    return () => {
      clearTimeout(retryTimer);
      source?.close();
      setLive(false);
      delete document.documentElement.dataset.liveUpdates;
    };
  }, [queryClient, setLive]);

  return null;
}

/** True while the stream is connected: a component then stops polling (`refetchInterval: false`). */
export function useIsLive(): boolean {
  return useContext(LiveEventsContext);
}
