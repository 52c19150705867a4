import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exampleMessages from "@/app/v1/examples/[id]/messages/route";
import * as examples from "@/app/v1/examples/route";
import * as sessionRoute from "@/app/v1/sessions/[id]/route";
import * as sessions from "@/app/v1/sessions/route";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { suiteId } from "@/lib/catalog/catalog-ids";
import { generateExample } from "@/lib/pipeline-runs/generate-example";
import { getPipelineDeps } from "@/lib/pipeline-runs/pipeline-deps";
import { processSession } from "@/lib/pipeline-runs/process-session";
import { directSteps } from "@/lib/pipeline-runs/step-runner";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { personalActor } from "@/lib/workspaces/personal-workspace";
import { calendarRecording } from "@/test/helpers/calendar-recording";
import { callRoute } from "@/test/helpers/call-route";
import { gmailRecordingLines } from "@/test/helpers/gmail-recording";

// The session's zone and suites through the real API, database and durable pipeline (steps run inline).

let dataDir: string;
let caller: Awaited<ReturnType<typeof createTestCaller>>;
const deps = getPipelineDeps();

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  caller = await createTestCaller();
});
afterAll(() => closeTestDatabase(dataDir));

function upload(fields: Record<string, string | string[]>, lines: string[]) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  form.append("file", new File([`${lines.join("\n")}\n`], "input_events.jsonl"));
  return callRoute(sessions.POST, {
    method: "POST",
    path: "/v1/sessions",
    headers: caller.headers,
    body: form,
  });
}

const detail = async (id: string) =>
  (
    await callRoute(sessionRoute.GET, { path: `/v1/sessions/${id}`, headers: caller.headers, params: { id } })
  ).json();

/** Processes the session inline, requests an example of `map` and returns its tool calls' arguments. */
async function process(id: string) {
  await processSession(id, directSteps, deps);
  return detail(id);
}

async function exampleCalls(sessionId: string, map: string) {
  const created = await callRoute(examples.POST, {
    method: "POST",
    path: "/v1/examples",
    headers: { ...caller.headers, "content-type": "application/json" },
    body: JSON.stringify({ session_id: sessionId, action_tool_map_id: map }),
  });
  expect(created.status).toBe(202);
  const example = await created.json();
  await generateExample(example.id, personalActor(caller.user.id), directSteps, deps);
  const messages = await callRoute(exampleMessages.GET, {
    path: `/v1/examples/${example.id}/messages`,
    headers: caller.headers,
    params: { id: example.id },
  });
  const records = (await messages.text())
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  return records.flatMap((record: { messages: { tool_calls?: { function: { arguments: string } }[] }[] }) =>
    record.messages.flatMap((m) => (m.tool_calls ?? []).map((c) => JSON.parse(c.function.arguments))),
  );
}

describe("a session's time zone", () => {
  it("stated on upload: stored, returned, and each date gets its own offset in the example (DST)", async () => {
    const res = await upload(
      { suite_id: "google-calendar", timezone: "Europe/Berlin" },
      calendarRecording(["Jul 14, 2026", "Dec 4, 2026"]),
    );
    expect(res.status).toBe(201);
    const { id } = await res.json();
    expect(await detail(id)).toMatchObject({ timezone: "Europe/Berlin", timezone_source: "stated" });

    const processed = await process(id);
    expect(processed).toMatchObject({
      status: "completed",
      timezone: "Europe/Berlin",
      timezone_source: "stated",
    });
    const calls = await exampleCalls(id, "google-calendar-to-google-calendar-mcp");
    expect(calls.map((c) => c.summary)).toEqual(["Sync Jul 14, 2026", "Sync Dec 4, 2026"]);
    expect(calls.map((c) => [c.start, c.end])).toEqual([
      ["2026-07-14T09:00:00+02:00", "2026-07-14T09:30:00+02:00"],
      ["2026-12-04T09:00:00+01:00", "2026-12-04T09:30:00+01:00"],
    ]);
  });

  it("refuses a zone that is not an IANA name with 422 naming the field, storing nothing", async () => {
    const res = await upload(
      { suite_id: "google-calendar", timezone: "Mars/Olympus_Mons" },
      calendarRecording([]),
    );
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem.errors).toEqual([expect.objectContaining({ field: "timezone" })]);
    const json = await callRoute(sessions.POST, {
      method: "POST",
      path: "/v1/sessions",
      headers: { ...caller.headers, "content-type": "application/json" },
      body: JSON.stringify({ suite_id: "gmail", timezone: "+02:00" }),
    });
    expect(json.status).toBe(422);
  });

  it("taken from the recording's meta event, or inferred from the Calendar zone display", async () => {
    const fromMeta = await upload(
      { suite_id: "google-calendar" },
      calendarRecording(["Dec 4, 2026"], { timezone: "America/New_York" }),
    );
    const metaId = (await fromMeta.json()).id;
    expect(await detail(metaId)).toMatchObject({ timezone: null, timezone_source: "unknown" });
    expect(await process(metaId)).toMatchObject({
      timezone: "America/New_York",
      timezone_source: "recording",
    });

    const shown = await upload(
      { suite_id: "google-calendar" },
      calendarRecording(["Jul 14, 2026"], { zoneText: "(GMT+01:00) Central European Time - Berlin" }),
    );
    const shownId = (await shown.json()).id;
    expect(await process(shownId)).toMatchObject({ timezone: "Europe/Berlin", timezone_source: "inferred" });
    expect((await exampleCalls(shownId, "google-calendar-to-google-calendar-mcp"))[0]).toMatchObject({
      start: "2026-07-14T09:00:00+02:00",
    });
  });

  it("with no evidence the event is a review item (timezone_unknown), never a +00:00 record", async () => {
    const res = await upload({ suite_id: "google-calendar" }, calendarRecording(["Dec 4, 2026"]));
    const { id } = await res.json();
    const processed = await process(id);
    expect(processed).toMatchObject({ timezone: null, timezone_source: "unknown", action_count: 1 });
    expect(processed.metrics.confidence.needsReview).toBe(1);
    const stored = await (await getObjectStore()).getStream(`sessions/${id}/artifacts/gold-actions.jsonl`);
    const [action] = (await new Response(stored).text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(action).toMatchObject({
      slug: "create_event",
      needsReview: true,
      reviewReasons: ["timezone_unknown"],
    });
    // No record is written with a guessed offset: the example is refused while the event awaits review.
    const refused = await callRoute(examples.POST, {
      method: "POST",
      path: "/v1/examples",
      headers: { ...caller.headers, "content-type": "application/json" },
      body: JSON.stringify({ session_id: id, action_tool_map_id: "google-calendar-to-google-calendar-mcp" }),
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      type: "https://tracepipe.dev/problems/no_records",
      pending_review_count: 1,
    });
  });
});

describe("sessions processed for several suites", () => {
  it("JSON create takes suite_ids and timezone; GET returns them", async () => {
    const res = await callRoute(sessions.POST, {
      method: "POST",
      path: "/v1/sessions",
      headers: { ...caller.headers, "content-type": "application/json" },
      body: JSON.stringify({ suite_ids: ["gmail", "google-calendar"], timezone: "Asia/Tokyo" }),
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.suite_id).toBe(suiteId("gmail"));
    expect(await detail(body.id)).toMatchObject({
      suite_ids: [suiteId("gmail"), suiteId("google-calendar")],
      timezone: "Asia/Tokyo",
      timezone_source: "stated",
      status: "open",
    });
    const unknown = await callRoute(sessions.POST, {
      method: "POST",
      path: "/v1/sessions",
      headers: { ...caller.headers, "content-type": "application/json" },
      body: JSON.stringify({ suite_ids: ["gmail", "nope"] }),
    });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).detail).toContain("nope");
  });

  it("gives each suite its own actions and examples; only that suite's windows count", async () => {
    const res = await upload(
      { suite_ids: ["google-calendar", "gmail"], timezone: "Europe/Berlin" },
      calendarRecording(["Dec 4, 2026"], { gmailSearch: "invoice" }),
    );
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const processed = await process(id);
    expect(processed).toMatchObject({
      suite_ids: [suiteId("google-calendar"), suiteId("gmail")],
      suite_notice: null,
      action_count: 2,
    });
    expect(await exampleCalls(id, "google-calendar-to-google-calendar-mcp")).toEqual([
      expect.objectContaining({ summary: "Sync Dec 4, 2026", start: "2026-12-04T09:00:00+01:00" }),
    ]);
    expect(await exampleCalls(id, "gmail-to-gmail-mcp")).toEqual([
      expect.objectContaining({ query: "invoice" }),
    ]);
  });

  it("says so when the recording belongs to none of the chosen suites", async () => {
    const res = await upload({ suite_id: "github" }, gmailRecordingLines({ emails: 1 }));
    const { id } = await res.json();
    const processed = await process(id);
    expect(processed).toMatchObject({
      status: "completed",
      action_count: 0,
      suite_notice: "This recording looks like Gmail, not GitHub",
    });
  });
});
