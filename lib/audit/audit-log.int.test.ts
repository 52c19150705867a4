import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetBootstrapForTests } from "@/db/bootstrap";
import { closeDb, getDb } from "@/db/client";
import { listAuditChainBatch } from "@/db/queries/audit-log";
import { insertMember, insertWorkspace } from "@/db/queries/workspaces";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestApiKey, createTestCaller, createTestUser } from "@/db/test-factories";
import { createInvitation } from "@/lib/workspaces/invitations";
import { changeMemberRole } from "@/lib/workspaces/members";
import { verifyAuditChains } from "@/scripts/audit/verify-audit-chains";
import { createSessionFor } from "@/test/helpers/owner-fixtures";
import { findBreakInAuditEvents } from "@/test/helpers/verify-audit-events";
import type { AuditEventType } from "./audit-event-types";
import { hashAuditEntry } from "./audit-hash";
import { recordAuditEvent } from "./record-audit-event";

const run = promisify(execFile);
const meta = { ip: "203.0.113.9", userAgent: "vitest", requestId: "req-1" };
const context = () => ({ params: Promise.resolve({}) });
const get = async (path: string, secret: string) => {
  const { GET } = await import("@/app/v1/audit-events/route");
  return GET(
    new Request(`http://127.0.0.1${path}`, { headers: { authorization: `Bearer ${secret}` } }),
    context(),
  );
};

let dataDir: string;
beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterAll(() => closeTestDatabase(dataDir));

const userEvent = (
  type: AuditEventType,
  userId: string,
  extra: { metadata?: Record<string, unknown> } = {},
) => ({
  type,
  workspaceId: userId,
  userId,
  target: { type: "user", id: userId },
  ...extra,
});

async function chainOf(workspaceId: string | null) {
  return listAuditChainBatch(await getDb(), { workspaceId, afterSeq: 0, limit: 1000 });
}

/** What an attacker with database access does: pause the trigger, change history, resume it. */
async function tamper(statement: ReturnType<typeof sql>) {
  const db = await getDb();
  await db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
  try {
    await db.execute(statement);
  } finally {
    await db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
  }
}

/** `npm run audit:verify` as a separate process on this test's database (PGlite opens in one process only). */
async function runVerifyScript(): Promise<{ code: number; out: string }> {
  await closeDb();
  resetBootstrapForTests();
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/audit/audit-verify.ts"], {
      env: { ...process.env, TRACEPIPE_DATA_DIR: dataDir },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

describe("audit chain", () => {
  it("links each entry to the one before it in its workspace, hashing the canonical entry", async () => {
    const { user } = await createTestCaller();
    for (const type of ["user.sign_up", "user.sign_in", "user.sign_out"] as const) {
      await recordAuditEvent(userEvent(type, user.id, { metadata: { b: 2, a: [1, "x"] } }), meta);
    }
    const chain = await chainOf(user.id);
    expect(chain.map((e) => [e.seq, e.type])).toEqual([
      [1, "user.sign_up"],
      [2, "user.sign_in"],
      [3, "user.sign_out"],
    ]);
    expect(chain[0]?.prevHash).toBeNull();
    expect(chain[1]?.prevHash).toBe(chain[0]?.hash);
    expect(chain[2]?.prevHash).toBe(chain[1]?.hash);
    for (const entry of chain) {
      expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(hashAuditEntry(entry)).toBe(entry.hash);
    }
    expect(chain[0]).toMatchObject({ ip: "203.0.113.9", userAgent: "vitest", requestId: "req-1" });
  });

  it("concurrent appends to one workspace never fork the chain", async () => {
    const { user } = await createTestCaller();
    const other = await createTestCaller();
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        recordAuditEvent(
          userEvent("user.sign_in", i % 3 === 0 ? other.user.id : user.id, { metadata: { i } }),
          meta,
        ),
      ),
    );
    const chain = await chainOf(user.id);
    expect(chain.map((e) => e.seq)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(new Set(chain.map((e) => e.prevHash)).size).toBe(16);
    expect((await chainOf(other.user.id)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const report = await verifyAuditChains(await getDb());
    expect(report.broken).toBeNull();
    expect(report.entriesChecked).toBeGreaterThanOrEqual(24);
  });

  it("rolls back with the change it records", async () => {
    const { user } = await createTestCaller();
    const db = await getDb();
    await expect(
      db.transaction(async (tx) => {
        await recordAuditEvent(userEvent("user.sign_in", user.id), meta, tx);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await chainOf(user.id)).toEqual([]);
  });

  it("audit:verify passes on an intact log and names the first entry altered or removed", async () => {
    const { user } = await createTestCaller();
    for (let i = 0; i < 4; i++) await recordAuditEvent(userEvent("user.sign_in", user.id), meta);
    const intact = await runVerifyScript();
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/audit:verify: \d+ entries checked in \d+ chains/);
    expect(intact.out).toContain("every chain is intact");

    const chain = await chainOf(user.id);
    const victim = chain[1];
    if (!victim) throw new Error("expected a second entry");
    await tamper(sql`update audit_log set ip = '192.0.2.66' where id = ${victim.id}`);
    const altered = await runVerifyScript();
    expect(altered.code).toBe(1);
    expect(altered.out).toContain(`BROKEN at entry ${victim.id}`);
    expect(altered.out).toContain("hash does not match");

    // Recomputing the altered entry's hash does not help: the next entry names the old one.
    const forged = await chainOf(user.id);
    const forgedVictim = forged[1];
    if (!forgedVictim) throw new Error("expected a second entry");
    await tamper(sql`update audit_log set hash = ${hashAuditEntry(forgedVictim)} where id = ${victim.id}`);
    const report = await verifyAuditChains(await getDb());
    expect(report.broken).toMatchObject({ id: chain[2]?.id, reason: expect.stringContaining("prev_hash") });

    await tamper(sql`delete from audit_log where id = ${victim.id}`);
    const removed = await verifyAuditChains(await getDb());
    expect(removed.broken).toMatchObject({ id: chain[2]?.id, reason: "seq 3, expected 2" });
  });
});

describe("GET /v1/audit-events", () => {
  it("pages a workspace's entries newest first, with filters, and never shows another workspace's", async () => {
    const alice = await createTestCaller();
    const bob = await createTestCaller();
    for (let i = 0; i < 5; i++)
      await recordAuditEvent(userEvent("user.sign_in", alice.user.id, { metadata: { i } }), meta);
    await recordAuditEvent(userEvent("session.deleted", alice.user.id), meta);
    await recordAuditEvent(userEvent("user.sign_in", bob.user.id), meta);
    await recordAuditEvent(userEvent("session.deleted", bob.user.id), meta);

    // Alice's first request with her key is itself an event: the key's first use.
    const first = await get("/v1/audit-events?limit=3", alice.secret);
    expect(first.status).toBe(200);
    const page1 = await first.json();
    expect(page1.data.map((e: { type: string }) => e.type)).toEqual([
      "api_key.first_used",
      "session.deleted",
      "user.sign_in",
    ]);
    expect(page1.data[0]).toMatchObject({
      actor: { type: "api_key" },
      target: { type: "api_key" },
      workspace_id: alice.user.id,
    });
    expect(page1.data[1]).toMatchObject({
      actor: { type: "user", id: alice.user.id },
      target: { type: "user", id: alice.user.id },
      ip: "203.0.113.9",
      request_id: "req-1",
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(page1.data[0].prev_hash).toBe(page1.data[1].hash);
    expect(page1.next_cursor).toEqual(expect.any(String));

    const seen = [...page1.data];
    let cursor: string | null = page1.next_cursor;
    while (cursor) {
      const page = await (await get(`/v1/audit-events?limit=3&cursor=${cursor}`, alice.secret)).json();
      seen.push(...page.data);
      cursor = page.next_cursor;
    }
    expect(seen.map((e) => e.seq)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    // The pages are the whole chain, and it checks out from the JSON alone.
    expect(findBreakInAuditEvents(seen)).toBeNull();
    expect(seen.every((e) => e.workspace_id === alice.user.id)).toBe(true);

    const deletions = await (await get("/v1/audit-events?type=session.deleted", alice.secret)).json();
    expect(deletions.data).toHaveLength(1);
    expect(deletions.data[0].workspace_id).toBe(alice.user.id);

    const byUser = await (await get(`/v1/audit-events?actor=user:${alice.user.id}`, alice.secret)).json();
    expect(byUser.data).toHaveLength(6);
    const byKeys = await (await get("/v1/audit-events?actor=api_key", alice.secret)).json();
    expect(byKeys.data.map((e: { type: string }) => e.type)).toEqual(["api_key.first_used"]);
    // Bob's id as an actor filter finds nothing in Alice's log.
    const bobs = await (await get(`/v1/audit-events?actor=${bob.user.id}`, alice.secret)).json();
    expect(bobs.data).toEqual([]);

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const future = await (await get(`/v1/audit-events?from=${tomorrow}`, alice.secret)).json();
    expect(future.data).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const untilToday = await (await get(`/v1/audit-events?from=${today}&to=${today}`, alice.secret)).json();
    expect(untilToday.data).toHaveLength(7);
    const beforeAll = await (await get("/v1/audit-events?to=2000-01-01T00:00:00Z", alice.secret)).json();
    expect(beforeAll.data).toEqual([]);
  });

  it("records a session deletion made with an API key: the key is the actor, the session the target", async () => {
    const caller = await createTestCaller();
    const sessionId = await createSessionFor(caller.user.id);
    const { DELETE } = await import("@/app/v1/sessions/[id]/route");
    const deleted = await DELETE(
      new Request(`http://127.0.0.1/v1/sessions/${sessionId}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${caller.secret}`, "user-agent": "sdk/1.0" },
      }),
      { params: Promise.resolve({ id: sessionId }) },
    );
    expect(deleted.status).toBe(204);
    const page = await (await get("/v1/audit-events?type=session.deleted", caller.secret)).json();
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({
      actor: { type: "api_key" },
      target: { type: "session", id: sessionId },
      user_agent: "sdk/1.0",
      request_id: deleted.headers.get("x-request-id"),
    });
    expect(page.data[0].actor.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a team workspace's log holds its own events, for its admins only", async () => {
    const owner = await createTestUser();
    const member = await createTestUser();
    const db = await getDb();
    const team = await insertWorkspace(db, { name: "Audit team", ownerId: owner.id });
    await insertMember(db, { workspaceId: team.id, userId: member.id, role: "member" });
    const ownerKey = await createTestApiKey(owner.id, "full", team.id);
    const memberKey = await createTestApiKey(member.id, "full", team.id);
    await recordAuditEvent(userEvent("user.sign_in", owner.id), meta);
    const caller = { userId: owner.id, workspaceId: team.id, role: "owner" as const };
    const invitation = await createInvitation(
      caller,
      { email: "new@example.test", role: "viewer" },
      { ...meta, origin: "http://127.0.0.1" },
    );
    await changeMemberRole(caller, { userId: member.id, role: "viewer" }, meta);

    const page = await (await get("/v1/audit-events", ownerKey.secret)).json();
    // Newest first: the owner key's first use is this very request.
    expect(page.data.map((e: { type: string }) => e.type)).toEqual([
      "api_key.first_used",
      "workspace.member_role_changed",
      "workspace.invitation_created",
    ]);
    expect(page.data.every((e: { workspace_id: string }) => e.workspace_id === team.id)).toBe(true);
    expect(page.data[1]).toMatchObject({
      actor: { type: "user", id: owner.id },
      target: { type: "user", id: member.id },
      before: { role: "member" },
      after: { role: "viewer" },
    });
    expect(page.data[2].target).toEqual({ type: "invitation", id: invitation.id });
    expect(findBreakInAuditEvents(page.data)).toBeNull();
    // The owner's sign-in is in their personal log, not the team's; a member (now viewer) may not read the log.
    const refused = await get("/v1/audit-events", memberKey.secret);
    expect(refused.status).toBe(403);
    expect((await refused.json()).detail).toContain("manage_workspace");
  });

  it("refuses keys without full scope and bad filters", async () => {
    const reader = await createTestCaller("read");
    expect((await get("/v1/audit-events", reader.secret)).status).toBe(403);
    const admin = await createTestCaller();
    const bad = await get("/v1/audit-events?type=nope&cursor=abc", admin.secret);
    expect(bad.status).toBe(422);
    const fields = (await bad.json()).errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(["cursor", "type"]);
  });

  it("exports CSV with formula characters escaped, and records the export", async () => {
    const caller = await createTestCaller();
    await recordAuditEvent(userEvent("user.sign_in", caller.user.id), {
      ...meta,
      userAgent: "=HYPERLINK(1)",
    });
    const response = await get("/v1/audit-events?format=csv", caller.secret);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log-/);
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toBe(
      "created_at,type,actor_type,actor_id,target_type,target_id,ip,user_agent,request_id,before,after,metadata,seq,prev_hash,hash",
    );
    // The export itself, the key's first use, the sign-in.
    expect(lines.slice(1).map((l) => l.split(",")[1])).toEqual([
      "audit_log.exported",
      "api_key.first_used",
      "user.sign_in",
    ]);
    expect(lines[3]).toContain(",'=HYPERLINK(1),");
  });
});
