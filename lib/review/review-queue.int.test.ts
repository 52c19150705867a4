import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMessages } from "@/app/v1/examples/[id]/messages/route";
import { POST as createExample } from "@/app/v1/examples/route";
import { POST as decide } from "@/app/v1/review-items/[id]/decision/route";
import { GET as getItem } from "@/app/v1/review-items/[id]/route";
import { GET as listItems } from "@/app/v1/review-items/route";
import { getDb } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit-log";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { suiteId } from "@/lib/catalog/catalog-ids";
import { generateExample } from "@/lib/pipeline-runs/generate-example";
import { getPipelineDeps } from "@/lib/pipeline-runs/pipeline-deps";
import { processSession } from "@/lib/pipeline-runs/process-session";
import { directSteps } from "@/lib/pipeline-runs/step-runner";
import { createUploadedSession } from "@/lib/sessions/create-uploaded-session";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { personalActor } from "@/lib/workspaces/personal-workspace";
import { calendarEditorRecordingLines } from "@/test/helpers/calendar-recording";
import { callRoute } from "@/test/helpers/call-route";

let dataDir: string;
beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterAll(() => closeTestDatabase(dataDir));

type Caller = Awaited<ReturnType<typeof createTestCaller>>;

/** Uploads and processes (inline, the durable run's own code) a Calendar recording whose event has no title. */
async function processedUntitledSession(userId: string) {
  const lines = calendarEditorRecordingLines({ timezone: "America/New_York" });
  return processedCalendarSession(
    userId,
    "input_events.jsonl",
    Buffer.from(`${lines.join("\n")}\n`),
    "native",
  );
}

async function processedCalendarSession(userId: string, fileName: string, bytes: Buffer, format: string) {
  const sessionId = crypto.randomUUID();
  const storageKey = `sessions/${sessionId}/${fileName}`;
  const stored = await (await getObjectStore()).put(storageKey, bytes);
  await createUploadedSession({
    sessionId,
    actor: personalActor(userId),
    suiteId: suiteId("google-calendar"),
    files: [{ fileName, storageKey, sizeBytes: stored.size, format }],
  });
  const result = await processSession(sessionId, directSteps, getPipelineDeps());
  return { sessionId, result };
}

const list = async (caller: Caller, query: string) =>
  callRoute(listItems, { path: `/v1/review-items?${query}`, headers: caller.headers });

const postDecision = (caller: Caller, id: string, body: unknown) =>
  callRoute(decide, {
    method: "POST",
    path: `/v1/review-items/${id}/decision`,
    headers: { ...caller.headers, "content-type": "application/json" },
    body: JSON.stringify(body),
    params: { id },
  });

const requestExample = (caller: Caller, sessionId: string) =>
  callRoute(createExample, {
    method: "POST",
    path: "/v1/examples",
    headers: { ...caller.headers, "content-type": "application/json" },
    body: JSON.stringify({ session_id: sessionId }),
  });

const fullArguments = {
  calendarId: "primary",
  summary: "Design review",
  start: "2026-12-02T14:30:00-05:00",
  end: "2026-12-02T15:30:00-05:00",
  location: "Room 4B",
};

describe("the review queue", () => {
  it("turns a needs-review action into one pending item, even when the run is driven again", async () => {
    const caller = await createTestCaller();
    const { sessionId, result } = await processedUntitledSession(caller.user.id);
    expect(result.reviewItems).toBe(1);
    const page = await (await list(caller, `session_id=${sessionId}`)).json();
    expect(page.next_cursor).toBeNull();
    expect(page.data).toHaveLength(1);
    const [item] = page.data;
    expect(item).toMatchObject({
      object: "review_item",
      session_id: sessionId,
      suite_id: suiteId("google-calendar"),
      action: "create_event",
      action_id: "a1",
      reasons: ["missing_required_argument"],
      status: "pending",
      decision: null,
      // What the recording shows, zoned; nothing invented for the missing title.
      tool: {
        server: "google-calendar-mcp",
        name: "create-event",
        arguments: {
          calendarId: "primary",
          start: "2026-12-02T14:30:00-05:00",
          end: "2026-12-02T15:30:00-05:00",
          location: "Room 4B",
        },
      },
      evidence: { missing_parameters: ["title"], window_id: "w1" },
    });
    expect(item.evidence.event_ids.length).toBeGreaterThan(3);

    await processSession(sessionId, directSteps, getPipelineDeps());
    const again = await (await list(caller, `session_id=${sessionId}`)).json();
    expect(again.data.map((i: { id: string }) => i.id)).toEqual([item.id]);
  });

  it("proposes a trace-only Calendar action with no invented values", async () => {
    const caller = await createTestCaller();
    const trace = path.join(
      import.meta.dirname,
      "../../e2e/fixtures/recordings/calendar-create-event/trace.json.gz",
    );
    const { sessionId } = await processedCalendarSession(
      caller.user.id,
      "trace.json.gz",
      readFileSync(trace),
      "chrome-trace",
    );
    const [item] = (await (await list(caller, `session_id=${sessionId}`)).json()).data;
    expect(item).toMatchObject({
      action: "create_event",
      tool: { name: "create-event", arguments: { calendarId: "primary" } },
      evidence: { parameters: {} },
    });
    expect(item.reasons.length).toBeGreaterThan(0);
    const accepted = await postDecision(caller, item.id, { decision: "accept", arguments: fullArguments });
    expect((await accepted.json()).tool.arguments).toEqual(fullArguments);
  });

  it("filters by status, suite, action and reason, pages with a cursor, and shows nobody else's items", async () => {
    const caller = await createTestCaller();
    const other = await createTestCaller();
    const first = await processedUntitledSession(caller.user.id);
    const second = await processedUntitledSession(caller.user.id);
    const ids = async (query: string, who = caller) =>
      ((await (await list(who, query)).json()).data as { session_id: string }[]).map((i) => i.session_id);
    expect(await ids("")).toEqual([first.sessionId, second.sessionId]);
    expect(
      await ids("suite_id=google-calendar&action=create_event&reason=missing_required_argument"),
    ).toEqual([first.sessionId, second.sessionId]);
    expect(await ids(`suite_id=${suiteId("google-calendar")}`)).toHaveLength(2);
    expect(await ids("suite_id=gmail")).toEqual([]);
    expect(await ids("reason=trace_only")).toEqual([]);
    expect(await ids("action=search_events")).toEqual([]);
    expect(await ids("status=accepted")).toEqual([]);
    expect(await ids("", other)).toEqual([]);

    const one = await (await list(caller, "limit=1")).json();
    expect(one.data.map((i: { session_id: string }) => i.session_id)).toEqual([first.sessionId]);
    const next = await (await list(caller, `limit=1&cursor=${one.next_cursor}`)).json();
    expect(next.data.map((i: { session_id: string }) => i.session_id)).toEqual([second.sessionId]);
    expect(next.next_cursor).toBeNull();

    expect((await list(caller, "status=done")).status).toBe(422);
    expect((await list(caller, "cursor=bm9wZQ")).status).toBe(400);

    const itemId = one.data[0].id as string;
    const get = (who: Caller, id: string) =>
      callRoute(getItem, { path: `/v1/review-items/${id}`, headers: who.headers, params: { id } });
    expect((await get(caller, itemId)).status).toBe(200);
    expect((await get(other, itemId)).status).toBe(404);
    expect((await get(caller, crypto.randomUUID())).status).toBe(404);
    expect((await postDecision(other, itemId, { decision: "reject" })).status).toBe(404);
  });

  it("refuses arguments that break the tool's schema, naming the field, and a read-only key", async () => {
    const caller = await createTestCaller();
    const { sessionId } = await processedUntitledSession(caller.user.id);
    const [item] = (await (await list(caller, `session_id=${sessionId}`)).json()).data;

    // The proposal alone lacks the title the recording never showed.
    const proposal = await postDecision(caller, item.id, { decision: "accept" });
    expect(proposal.status).toBe(422);
    expect((await proposal.json()).errors).toEqual([
      expect.objectContaining({ field: "arguments.summary", code: "required" }),
    ]);
    const badTime = await postDecision(caller, item.id, {
      decision: "accept",
      arguments: { ...fullArguments, start: "tomorrow at 2" },
    });
    expect(badTime.status).toBe(422);
    expect((await badTime.json()).errors).toEqual([
      expect.objectContaining({ field: "arguments.start", code: "format" }),
    ]);
    const extra = await postDecision(caller, item.id, {
      decision: "accept",
      arguments: { ...fullArguments, colour: "red" },
    });
    expect((await extra.json()).errors).toEqual([expect.objectContaining({ field: "arguments.colour" })]);
    expect((await postDecision(caller, item.id, { decision: "maybe" })).status).toBe(422);
    expect(
      (await postDecision(caller, item.id, { decision: "reject", arguments: fullArguments })).status,
    ).toBe(422);

    const readOnly = await createTestCaller("read");
    expect((await list(readOnly, "")).status).toBe(200);
    expect((await postDecision(readOnly, item.id, { decision: "reject" })).status).toBe(403);

    const still = await callRoute(getItem, {
      path: `/v1/review-items/${item.id}`,
      headers: caller.headers,
      params: { id: item.id },
    });
    expect((await still.json()).status).toBe("pending");
  });

  it("lets exactly one of concurrent decisions win, and a decided item is a 409", async () => {
    const caller = await createTestCaller();
    const { sessionId } = await processedUntitledSession(caller.user.id);
    const [item] = (await (await list(caller, `session_id=${sessionId}`)).json()).data;
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        n % 2 === 0
          ? postDecision(caller, item.id, { decision: "accept", arguments: fullArguments })
          : postDecision(caller, item.id, { decision: "reject", reason: "not an event" }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
    const audit = await listAuditEntries(await getDb(), { workspaceId: caller.user.id, limit: 50 });
    expect(audit.filter((e) => e.type.startsWith("review_item."))).toHaveLength(1);
    expect((await postDecision(caller, item.id, { decision: "reject" })).status).toBe(409);
  });

  it("makes an accepted item a record with provenance; refuses an example with no records", async () => {
    const caller = await createTestCaller();
    const { sessionId } = await processedUntitledSession(caller.user.id);
    const [item] = (await (await list(caller, `session_id=${sessionId}`)).json()).data;

    const refused = await requestExample(caller, sessionId);
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    const problem = await refused.json();
    expect(problem).toMatchObject({
      type: "https://tracepipe.dev/problems/no_records",
      pending_review_count: 1,
    });
    expect(problem.detail).toContain("1 action awaits review");

    const accepted = await postDecision(caller, item.id, {
      decision: "accept",
      arguments: fullArguments,
      reason: "title from the invitation",
    });
    expect(accepted.status).toBe(200);
    const decided = await accepted.json();
    expect(decided).toMatchObject({
      status: "accepted",
      tool: { name: "create-event", arguments: fullArguments },
      decision: { decision: "accept", reason: "title from the invitation", decided_by: caller.user.id },
    });
    const [entry] = (
      await listAuditEntries(await getDb(), { workspaceId: caller.user.id, limit: 50 })
    ).filter((e) => e.type === "review_item.accepted");
    expect(entry?.metadata).toMatchObject({
      reviewItemId: item.id,
      sessionId,
      changed: [{ argument: "summary", proposed: null, accepted: "Design review" }],
    });

    const created = await requestExample(caller, sessionId);
    expect(created.status).toBe(202);
    const example = await created.json();
    await generateExample(example.id, personalActor(caller.user.id), directSteps, getPipelineDeps());
    const messages = await callRoute(getMessages, {
      path: "/x",
      headers: caller.headers,
      params: { id: example.id },
    });
    const records = (await messages.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(1);
    const call = records[0].messages.at(-1).tool_calls[0].function;
    expect(call.name).toBe("create-event");
    expect(JSON.parse(call.arguments)).toEqual(fullArguments);
    expect(records[0].messages[1].content).toContain('"Design review"');
    expect(records[0].metadata.provenance).toEqual([
      {
        call_id: "call_1",
        action_id: "a1",
        tool: "create-event",
        reviewed: true,
        review_item_id: item.id,
        reviewed_by: caller.user.id,
        reviewed_at: decided.decision.decided_at,
        changed: [{ argument: "summary", proposed: null, accepted: "Design review" }],
      },
    ]);
  });

  it("never makes a rejected item a record", async () => {
    const caller = await createTestCaller();
    const { sessionId } = await processedUntitledSession(caller.user.id);
    const [item] = (await (await list(caller, `session_id=${sessionId}`)).json()).data;
    expect((await postDecision(caller, item.id, { decision: "reject", reason: "a test event" })).status).toBe(
      200,
    );
    const refused = await requestExample(caller, sessionId);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ pending_review_count: 0 });
    const rejected = await (await list(caller, `status=rejected&session_id=${sessionId}`)).json();
    expect(rejected.data[0]).toMatchObject({ decision: { decision: "reject", reason: "a test event" } });
  });
});
