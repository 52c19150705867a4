import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as itemsRoute from "@/app/v1/sessions/[id]/timeline/items/route";
import * as summaryRoute from "@/app/v1/sessions/[id]/timeline/summary/route";
import * as tilesRoute from "@/app/v1/sessions/[id]/timeline/tiles/route";
import * as sessions from "@/app/v1/sessions/route";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { timelineManifestKey } from "@/lib/explorer/build-timeline-index";
import { getPipelineDeps } from "@/lib/pipeline-runs/pipeline-deps";
import { processSession } from "@/lib/pipeline-runs/process-session";
import { directSteps } from "@/lib/pipeline-runs/step-runner";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { timelineItemRefSchema, timelineManifestSchema, timelineTileSchema } from "@/schemas/timeline";
import { calendarRecording } from "@/test/helpers/calendar-recording";
import { callRoute } from "@/test/helpers/call-route";

// The explorer's per-zoom index through the real routes, pipeline, database and storage.

let dataDir: string;
let alice: Awaited<ReturnType<typeof createTestCaller>>;
let bob: Awaited<ReturnType<typeof createTestCaller>>;
let sessionId: string;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  alice = await createTestCaller();
  bob = await createTestCaller();
  const form = new FormData();
  form.append("suite_id", "google-calendar");
  form.append(
    "file",
    new File([`${calendarRecording(["Jul 14, 2026", "Dec 4, 2026"]).join("\n")}\n`], "input_events.jsonl"),
  );
  const created = await callRoute(sessions.POST, {
    method: "POST",
    path: "/v1/sessions",
    headers: alice.headers,
    body: form,
  });
  sessionId = ((await created.json()) as { id: string }).id;
  await processSession(sessionId, directSteps, getPipelineDeps());
});
afterAll(() => closeTestDatabase(dataDir));

const getSummary = (caller = alice, id = sessionId) =>
  callRoute(summaryRoute.GET, {
    path: `/v1/sessions/${id}/timeline/summary`,
    headers: caller.headers,
    params: { id },
  });

const getTile = (query: string, caller = alice, headers: Record<string, string> = {}) =>
  callRoute(tilesRoute.GET, {
    path: `/v1/sessions/${sessionId}/timeline/tiles?${query}`,
    headers: { ...caller.headers, ...headers },
    params: { id: sessionId },
  });

const findItems = (ids: string, caller = alice) =>
  callRoute(itemsRoute.GET, {
    path: `/v1/sessions/${sessionId}/timeline/items?ids=${encodeURIComponent(ids)}`,
    headers: caller.headers,
    params: { id: sessionId },
  });

describe("timeline index routes", () => {
  it("the pipeline writes the index; the manifest counts every lane", async () => {
    expect(await (await getObjectStore()).head(timelineManifestKey(sessionId))).toBeDefined();
    const res = await getSummary();
    expect(res.status).toBe(200);
    const manifest = timelineManifestSchema.parse(await res.json());
    const events = manifest.lanes.find((l) => l.id === "events");
    expect(events?.count).toBeGreaterThan(10);
    expect(manifest.lanes.map((l) => l.id).sort()).toEqual(
      ["actions", "events", "interactions", "toolCalls", "windows"].sort(),
    );
  });

  it("serves a tile as immutable with an ETag, 304 when it matches, and a small lane whole at level 0", async () => {
    const manifest = timelineManifestSchema.parse(await (await getSummary()).json());
    const query = `v=${manifest.version}&lane=events&level=0&tile=0`;
    const res = await getTile(query);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("immutable");
    const etag = res.headers.get("etag");
    expect(etag).toMatch(/^".+-events-0-0"$/);
    const tile = timelineTileSchema.parse(await res.json());
    if (tile.kind !== "items") throw new Error("a small session's events fit one raw tile");
    expect(tile.ids).toHaveLength(manifest.lanes.find((l) => l.id === "events")?.count ?? -1);

    const again = await getTile(query, alice, { "if-none-match": etag ?? "" });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("answers a tile below a leaf with the leaf, naming it in the ETag", async () => {
    const manifest = timelineManifestSchema.parse(await (await getSummary()).json());
    const res = await getTile(`v=${manifest.version}&lane=actions&level=3&tile=17`);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toMatch(/-actions-0-0"$/);
    expect(timelineTileSchema.parse(await res.json())).toMatchObject({ kind: "items", level: 0, tile: 0 });
  });

  it("is 404 for another workspace's session, a stale version and a tile outside the level", async () => {
    expect((await getSummary(bob)).status).toBe(404);
    const manifest = timelineManifestSchema.parse(await (await getSummary()).json());
    expect((await getTile(`v=${manifest.version}&lane=events&level=0&tile=0`, bob)).status).toBe(404);
    expect((await getTile("v=stale&lane=events&level=0&tile=0")).status).toBe(404);
    expect((await getTile(`v=${manifest.version}&lane=events&level=1&tile=4`)).status).toBe(404);
    expect((await getTile(`v=${manifest.version}&lane=nope&level=0&tile=0`)).status).toBe(422);
  });

  it("finds items by id in any lane, where they are on the timeline, for the session's own workspace only", async () => {
    const manifest = timelineManifestSchema.parse(await (await getSummary()).json());
    const v = manifest.version;
    const events = timelineTileSchema.parse(
      await (await getTile(`v=${v}&lane=events&level=0&tile=0`)).json(),
    );
    const interactions = timelineTileSchema.parse(
      await (await getTile(`v=${v}&lane=interactions&level=0&tile=0`)).json(),
    );
    if (events.kind !== "items" || interactions.kind !== "items")
      throw new Error("a small session's lanes are raw tiles");
    const eventId = events.ids[3] as string;
    const interactionId = interactions.ids[0] as string;
    const res = await findItems(`${eventId},${interactionId},no-such-item`);
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: unknown[] };
    expect(data.map((ref) => timelineItemRefSchema.parse(ref))).toEqual([
      { id: eventId, lane: "events", start: events.starts[3], end: events.ends[3] },
      { id: interactionId, lane: "interactions", start: interactions.starts[0], end: interactions.ends[0] },
    ]);
    expect((await findItems(eventId, bob)).status).toBe(404);
    expect((await findItems("")).status).toBe(422);
  });

  it("builds the index on first view for a session processed without one", async () => {
    await (await getObjectStore()).delete(timelineManifestKey(sessionId));
    const res = await getSummary();
    expect(res.status).toBe(200);
    expect(await (await getObjectStore()).head(timelineManifestKey(sessionId))).toBeDefined();
  });
});
