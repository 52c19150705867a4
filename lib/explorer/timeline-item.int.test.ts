import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as timelineItemRoute from "@/app/v1/sessions/[id]/timeline/[lane]/[itemId]/route";
import * as sessions from "@/app/v1/sessions/route";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { getPipelineDeps } from "@/lib/pipeline-runs/pipeline-deps";
import { processSession } from "@/lib/pipeline-runs/process-session";
import { directSteps } from "@/lib/pipeline-runs/step-runner";
import { callRoute } from "@/lib/sessions/call-route";
import { calendarRecording } from "@/test/helpers/calendar-recording";
import { streamSessionTimeline } from "./stream-session-timeline";

// The inspector's view of a tool call: its argument values, through the real route, pipeline and storage.

let dataDir: string;
let alice: Awaited<ReturnType<typeof createTestCaller>>;
let bob: Awaited<ReturnType<typeof createTestCaller>>;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  alice = await createTestCaller();
  bob = await createTestCaller();
});
afterAll(() => closeTestDatabase(dataDir));

async function processedCalendarSession() {
  const form = new FormData();
  form.append("suite_id", "google-calendar");
  const lines = calendarRecording(["Jul 14, 2026"], { timezone: "Europe/Berlin" });
  form.append("file", new File([`${lines.join("\n")}\n`], "input_events.jsonl"));
  const { id } = await (
    await callRoute(sessions.POST, {
      method: "POST",
      path: "/v1/sessions",
      headers: alice.headers,
      body: form,
    })
  ).json();
  await processSession(id, directSteps, getPipelineDeps());
  return id as string;
}

const getItem = (sessionId: string, itemId: string, caller = alice) =>
  callRoute(timelineItemRoute.GET, {
    path: `/v1/sessions/${sessionId}/timeline/toolCalls/${encodeURIComponent(itemId)}`,
    headers: caller.headers,
    params: { id: sessionId, lane: "toolCalls", itemId },
  });

describe("timeline item of a tool call", () => {
  it("carries the call's tool and argument values, for its own workspace only", async () => {
    const sessionId = await processedCalendarSession();
    const ids: string[] = [];
    for await (const chunk of await streamSessionTimeline(alice.user.id, sessionId, "toolCalls"))
      ids.push(...chunk.ids);
    const callId = ids[0];
    expect(callId).toMatch(/^call:/);

    const res = await getItem(sessionId, callId as string);
    expect(res.status).toBe(200);
    const item = await res.json();
    expect(item).toMatchObject({ id: callId, tool: "create-event", action: callId?.slice(5) });
    expect(JSON.stringify(item.arguments)).toContain("Sync Jul 14, 2026");

    expect((await getItem(sessionId, "call:nope")).status).toBe(404);
    expect((await getItem(sessionId, callId as string, bob)).status).toBe(404);
  });
});
