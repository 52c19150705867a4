import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as events from "@/app/v1/sessions/[id]/events/route";
import * as sessions from "@/app/v1/sessions/route";
import { getDb } from "@/db/client";
import { idempotencyKeys, sessions as sessionsTable } from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { callRoute } from "@/test/helpers/call-route";
import { IDEMPOTENCY_STALE_MS } from "./idempotency";

// Idempotency-Key per Stripe's rules, through the real route handlers on the real database (PGlite, and the
// Postgres server when DATABASE_URL is set, where concurrent requests run on separate pool connections).

let dataDir: string;
let caller: Awaited<ReturnType<typeof createTestCaller>>;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  caller = await createTestCaller();
});
afterAll(() => closeTestDatabase(dataDir));

const event = (id: string) => ({ id, timestamp: 1_763_726_400_000, type: "click" });

const openSession = (key: string, description = "idempotent") =>
  callRoute(sessions.POST, {
    method: "POST",
    path: "/v1/sessions",
    headers: { ...caller.headers, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify({ suite_id: "gmail", description }),
  });

const postEvents = (sessionId: string, body: unknown[], key: string) =>
  callRoute(events.POST, {
    method: "POST",
    path: `/v1/sessions/${sessionId}/events`,
    headers: { ...caller.headers, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(body),
    params: { id: sessionId },
  });

async function countSessions(description: string) {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sessionsTable)
    .where(and(eq(sessionsTable.userId, caller.user.id), eq(sessionsTable.description, description)));
  return row?.n ?? 0;
}

describe("Idempotency-Key", () => {
  it("refuses the same key with a different body (422 idempotency_key_reused) and stores nothing new", async () => {
    const open = await openSession(`open-${crypto.randomUUID()}`);
    const { id } = (await open.json()) as { id: string };
    const key = `batch-${crypto.randomUUID()}`;
    const first = await postEvents(id, [event("a1"), event("a2")], key);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ accepted: 2, duplicates: 0 });

    const different = await postEvents(id, [event("b1"), event("b2"), event("b3")], key);
    expect(different.status).toBe(422);
    expect(different.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await different.json()) as { type: string; detail: string };
    expect(problem.type).toBe("https://tracepipe.dev/problems/idempotency_key_reused");
    expect(problem.detail).toContain("different request");

    // The new events were not silently dropped behind a replay: without the key they are all new.
    const fresh = await postEvents(
      id,
      [event("b1"), event("b2"), event("b3")],
      `other-${crypto.randomUUID()}`,
    );
    expect(await fresh.json()).toEqual({ accepted: 3, duplicates: 0 });

    const same = await postEvents(id, [event("a1"), event("a2")], key);
    expect(same.status).toBe(202);
    expect(same.headers.get("idempotent-replayed")).toBe("true");
  });

  it("counts the path in the fingerprint: the same key and body on another session is a different request", async () => {
    const a = (await (await openSession(`open-${crypto.randomUUID()}`)).json()) as { id: string };
    const b = (await (await openSession(`open-${crypto.randomUUID()}`)).json()) as { id: string };
    const key = `batch-${crypto.randomUUID()}`;
    expect((await postEvents(a.id, [event("p1")], key)).status).toBe(202);
    // Scopes are per session, so the same key is fresh there: it runs and stores.
    const other = await postEvents(b.id, [event("p1")], key);
    expect(other.status).toBe(202);
    expect(await other.json()).toEqual({ accepted: 1, duplicates: 0 });
  });

  it("runs concurrent requests with one key exactly once: the others replay its answer or get 409", async () => {
    const description = `concurrent-${crypto.randomUUID()}`;
    const key = `open-${crypto.randomUUID()}`;
    const responses = await Promise.all(Array.from({ length: 8 }, () => openSession(key, description)));
    const statuses = responses.map((r) => r.status);
    expect(
      statuses.every((s) => s === 201 || s === 409),
      statuses.join(","),
    ).toBe(true);
    const originals = responses.filter((r) => r.status === 201 && !r.headers.get("idempotent-replayed"));
    expect(originals).toHaveLength(1);
    const ids = new Set(
      await Promise.all(
        responses.filter((r) => r.status === 201).map(async (r) => ((await r.json()) as { id: string }).id),
      ),
    );
    expect(ids.size).toBe(1);
    for (const r of responses.filter((r) => r.status === 409)) {
      expect(((await r.json()) as { type: string }).type).toContain("idempotency_key_in_use");
      expect(r.headers.get("retry-after")).toBe("1");
    }
    expect(await countSessions(description)).toBe(1);
  });

  it("concurrent event batches with one key store once and acknowledge once", async () => {
    const { id } = (await (await openSession(`open-${crypto.randomUUID()}`)).json()) as { id: string };
    const key = `batch-${crypto.randomUUID()}`;
    const batch = Array.from({ length: 200 }, (_, i) => event(`c${i}`));
    const responses = await Promise.all(Array.from({ length: 6 }, () => postEvents(id, batch, key)));
    const bodies = await Promise.all(
      responses.map(async (r) => ({
        status: r.status,
        replayed: r.headers.get("idempotent-replayed"),
        body: await r.json(),
      })),
    );
    const ran = bodies.filter((b) => b.status === 202 && b.replayed !== "true");
    expect(ran).toHaveLength(1);
    expect(ran[0]?.body).toEqual({ accepted: 200, duplicates: 0 });
    for (const b of bodies.filter((b) => b.status === 202))
      expect(b.body).toEqual({ accepted: 200, duplicates: 0 });
  });

  it("a failed request releases its key, and a claim left by a crashed process is taken over after the lease", async () => {
    const key = `open-${crypto.randomUUID()}`;
    const bad = await callRoute(sessions.POST, {
      method: "POST",
      path: "/v1/sessions",
      headers: { ...caller.headers, "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify({ suite_id: "no-such-suite" }),
    });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    const retried = await callRoute(sessions.POST, {
      method: "POST",
      path: "/v1/sessions",
      headers: { ...caller.headers, "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify({ suite_id: "no-such-suite" }),
    });
    expect(retried.headers.get("idempotent-replayed")).toBeNull();

    // A claim with no answer, as a process killed mid-request leaves it.
    const db = await getDb();
    const crashedKey = `open-${crypto.randomUUID()}`;
    const description = `after-crash-${crypto.randomUUID()}`;
    const first = await openSession(crashedKey, description);
    expect(first.status).toBe(201);
    await db
      .update(idempotencyKeys)
      .set({
        responseStatus: null,
        responseBody: null,
        createdAt: new Date(Date.now() - IDEMPOTENCY_STALE_MS - 1000),
      })
      .where(and(eq(idempotencyKeys.workspaceId, caller.user.id), eq(idempotencyKeys.key, crashedKey)));
    const again = await openSession(crashedKey, description);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
  });
});
