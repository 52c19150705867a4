import { getDb } from "@/db/client";
import { getLatestWorkspaceEventId } from "@/db/queries/workspace-events";
import { AppError } from "@/lib/errors";
import type { WorkspaceStreamEvent } from "@/schemas/workspace-events";
import { getWorkspaceEventHub, type WorkspaceEventHub } from "./workspace-event-hub";

/** Streams one workspace may hold open per instance: a browser tab holds one, so this is tabs and API clients. */
export const MAX_STREAMS_PER_WORKSPACE = 20;
/** Comment lines keep proxies from closing an idle stream (most cut at 30–60 s) and reveal a dead client. */
export const HEARTBEAT_MS = 15_000;
/** What the browser waits before reconnecting (with `Last-Event-ID`), the SSE `retry:` field. */
const RECONNECT_MS = 3000;
/** A client this many bytes behind is closed: it reconnects and resumes rather than growing this process. */
const MAX_BUFFERED_BYTES = 1_000_000;

const encoder = new TextEncoder();

export function formatServerSentEvent(event: WorkspaceStreamEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

export interface WorkspaceEventStreamOptions {
  workspaceId: string;
  /** Resume after this event (the `Last-Event-ID` the client sent); without it, only events from now on. */
  lastEventId?: number;
  /** The request's signal: the stream ends and unsubscribes when the client goes away. */
  signal: AbortSignal;
  heartbeatMs?: number;
  hub?: WorkspaceEventHub;
}

/**
 * The body of `GET /v1/events/stream`: missed events first (after `lastEventId`), then live ones as the database
 * notifies them, a heartbeat comment every `heartbeatMs`. Refuses with 429 past the per-workspace bound.
 */
export async function openWorkspaceEventStream(
  options: WorkspaceEventStreamOptions,
): Promise<ReadableStream<Uint8Array>> {
  const hub = options.hub ?? getWorkspaceEventHub();
  if (hub.countSubscribers(options.workspaceId) >= MAX_STREAMS_PER_WORKSPACE) {
    throw new AppError({
      code: "rate_limited",
      message: `This workspace already has ${MAX_STREAMS_PER_WORKSPACE} event streams open; close one first`,
    });
  }
  const cursor = options.lastEventId ?? (await getLatestWorkspaceEventId(await getDb(), options.workspaceId));

  let stop = () => {};
  return new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        let isOpen = true;
        let unsubscribe = () => {};
        const send = (text: string) => {
          if (!isOpen) return;
          controller.enqueue(encoder.encode(text));
          if ((controller.desiredSize ?? 0) < -MAX_BUFFERED_BYTES) stop();
        };
        const heartbeat = setInterval(() => send(": heartbeat\n\n"), options.heartbeatMs ?? HEARTBEAT_MS);
        stop = () => {
          if (!isOpen) return;
          isOpen = false;
          clearInterval(heartbeat);
          unsubscribe();
          options.signal.removeEventListener("abort", stop);
          try {
            controller.close();
          } catch {
            // Already cancelled by the reader.
          }
        };
        options.signal.addEventListener("abort", stop);
        send(`retry: ${RECONNECT_MS}\n: connected\n\n`);
        unsubscribe = await hub.subscribe(options.workspaceId, {
          cursor,
          deliver: (events) => send(events.map(formatServerSentEvent).join("")),
        });
        if (!isOpen || options.signal.aborted) {
          unsubscribe();
          stop();
        }
      },
      cancel() {
        stop();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
}
