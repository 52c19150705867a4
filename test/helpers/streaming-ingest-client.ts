import * as complete from "@/app/v1/sessions/[id]/complete/route";
import * as events from "@/app/v1/sessions/[id]/events/route";
import * as sessions from "@/app/v1/sessions/route";
import { callRoute } from "./call-route";

// The streaming-ingest routes called in-process by a caller's headers (a test caller's `headers`), for the
// integration tests of ingest and its storage.

export interface StreamingSession {
  id: string;
  status: string;
  storage_path: string;
}

/** Opens an empty gmail session; throws unless the route answers 201. */
export async function openStreamingSession(headers: Record<string, string>): Promise<StreamingSession> {
  const res = await callRoute(sessions.POST, {
    method: "POST",
    path: "/v1/sessions",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ suite_id: "gmail", description: "streaming ingest test" }),
  });
  if (res.status !== 201) throw new Error(`opening a session answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as StreamingSession;
}

/** `POST /v1/sessions/{id}/events` with a JSON body by default; `extra` adds or overrides headers. */
export function postEvents(
  headers: Record<string, string>,
  sessionId: string,
  body: BodyInit,
  extra: Record<string, string> = {},
): Promise<Response> {
  return callRoute(events.POST, {
    method: "POST",
    path: `/v1/sessions/${sessionId}/events`,
    headers: { ...headers, "content-type": "application/json", ...extra },
    body,
    params: { id: sessionId },
  });
}

export function completeStreamingSession(
  headers: Record<string, string>,
  sessionId: string,
): Promise<Response> {
  return callRoute(complete.POST, {
    method: "POST",
    path: `/v1/sessions/${sessionId}/complete`,
    headers,
    params: { id: sessionId },
  });
}
