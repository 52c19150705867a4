import { eq, inArray } from "drizzle-orm";
import { exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as jwksRoute from "@/app/.well-known/jwks.json/route";
import * as workspaceRoute from "@/app/v1/workspace/route";
import { getDb } from "@/db/client";
import { listAuditEntries } from "@/db/queries/audit-log";
import { setUserPasswordHash } from "@/db/queries/users";
import { insertMember, insertWorkspace } from "@/db/queries/workspaces";
import {
  apiKeys,
  auditLog,
  examples,
  sessions,
  suites,
  users,
  workspaceInvitations,
  workspaceMembers,
  workspaces,
} from "@/db/schema";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestApiKey, createTestUser } from "@/db/test-factories";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword } from "@/lib/auth/password";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { changeMemberRole } from "@/lib/workspaces/members";
import { deletionReceiptResponseSchema } from "@/schemas/deletion";
import { verifyAuditChains } from "@/scripts/audit/verify-audit-chains";
import { callRoute } from "@/test/helpers/call-route";
import { createExampleFor } from "@/test/helpers/owner-fixtures";
import { verifyDeletionReceipt } from "./deletion-receipt";
import { eraseAccount } from "./erase-account";

// Deleting a workspace and erasing an account on a real database and the local object store: rows, objects and
// audit chains go; what others own stays; the receipt verifies with the published keys and not once altered.

const meta = { ip: "203.0.113.7", userAgent: "vitest", requestId: "req-del" };
let dataDir: string;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterAll(() => closeTestDatabase(dataDir));

/** A session of `userId` in `workspaceId` with one stored recording, and one example with its messages. */
async function sessionWithObjects(workspaceId: string, userId: string) {
  const db = await getDb();
  const [suite] = await db.select({ id: suites.id }).from(suites).limit(1);
  const id = crypto.randomUUID();
  await db
    .insert(sessions)
    .values({ id, workspaceId, userId, suiteId: String(suite?.id), storagePath: `sessions/${id}/` });
  const exampleId = await createExampleFor(userId, id);
  // createExampleFor files the example in the user's personal workspace; move it where the session is.
  await db
    .update(examples)
    .set({ workspaceId })
    .where(eq(examples.id, String(exampleId)));
  const store = await getObjectStore();
  await store.put(`sessions/${id}/1-input_events.jsonl`, "0123456789");
  await store.put(`sessions/${id}/artifacts/bronze.jsonl`, "abcde");
  await store.put(`examples/${exampleId}/messages.jsonl`, "xyz");
  return { sessionId: id, exampleId: String(exampleId) };
}

async function objectsUnder(...prefixes: string[]) {
  const store = await getObjectStore();
  let n = 0;
  for (const prefix of prefixes) n += (await store.list(prefix)).length;
  return n;
}

const jwks = async () => (await callRoute(jwksRoute.GET, { path: "/.well-known/jwks.json" })).json();

describe("DELETE /v1/workspace", () => {
  it("removes the team workspace's rows, objects and audit chain, and answers with a receipt that verifies", async () => {
    const db = await getDb();
    const owner = await createTestUser();
    const member = await createTestUser();
    const team = await insertWorkspace(db, { name: "Doomed team", ownerId: owner.id });
    await insertMember(db, { workspaceId: team.id, userId: member.id, role: "member" });
    const ownerKey = await createTestApiKey(owner.id, "full", team.id);
    await createTestApiKey(member.id, "full", team.id);
    await db.insert(workspaceInvitations).values({
      workspaceId: team.id,
      email: "later@example.test",
      role: "viewer",
      tokenHash: crypto.randomUUID(),
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const a = await sessionWithObjects(team.id, owner.id);
    const b = await sessionWithObjects(team.id, member.id);
    const kept = await sessionWithObjects(owner.id, owner.id);
    for (const type of ["workspace.created", "workspace.updated"] as const)
      await recordAuditEvent({ type, workspaceId: team.id, userId: owner.id }, meta);

    const response = await callRoute(workspaceRoute.DELETE, {
      method: "DELETE",
      path: "/v1/workspace",
      headers: { authorization: `Bearer ${ownerKey.secret}` },
    });
    expect(response.status).toBe(200);
    const body = deletionReceiptResponseSchema.parse(await response.json());
    expect(body.jwks_url).toBe("/.well-known/jwks.json");
    expect(body.claims).toMatchObject({
      kind: "workspace",
      sub: `workspace:${team.id}`,
      workspace_ids: [team.id],
      requested_by: owner.id,
      removed: {
        sessions: 2,
        objects: 6,
        bytes: 2 * (10 + 5 + 3),
        examples: 2,
        review_items: 0,
        api_keys: 2,
        members: 2,
        invitations: 1,
        // The two above and the owner key's first use.
        audit_entries: 3,
        stripe_subscriptions_canceled: 0,
      },
    });

    // Anyone with the published keys can check it; a changed payload or another key's signature fails.
    const claims = await verifyDeletionReceipt(body.receipt, await jwks());
    expect(claims.removed).toEqual(body.claims.removed);
    const [head, payload, signature] = body.receipt.split(".");
    const forged = JSON.parse(Buffer.from(String(payload), "base64url").toString());
    forged.removed.sessions = 0;
    const tampered = `${head}.${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${signature}`;
    await expect(verifyDeletionReceipt(tampered, await jwks())).rejects.toThrow(/signature/);
    const other = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
    const otherJwk = { ...(await exportJWK(other.publicKey)), kid: (await jwks()).keys[0].kid, alg: "EdDSA" };
    await expect(verifyDeletionReceipt(body.receipt, { keys: [otherJwk] })).rejects.toThrow(/signature/);

    // Every row the workspace owned is gone; the members' accounts and personal data stay.
    expect(await db.select().from(workspaces).where(eq(workspaces.id, team.id))).toEqual([]);
    expect(await db.select().from(sessions).where(eq(sessions.workspaceId, team.id))).toEqual([]);
    expect(await db.select().from(examples).where(eq(examples.workspaceId, team.id))).toEqual([]);
    expect(await db.select().from(apiKeys).where(eq(apiKeys.workspaceId, team.id))).toEqual([]);
    expect(await db.select().from(workspaceMembers).where(eq(workspaceMembers.workspaceId, team.id))).toEqual(
      [],
    );
    expect(await db.select().from(auditLog).where(eq(auditLog.workspaceId, team.id))).toEqual([]);
    expect(
      await db
        .select({ id: users.id })
        .from(users)
        .where(inArray(users.id, [owner.id, member.id])),
    ).toHaveLength(2);
    expect(
      await objectsUnder(`sessions/${a.sessionId}/`, `sessions/${b.sessionId}/`, `examples/${a.exampleId}/`),
    ).toBe(0);
    expect(await objectsUnder(`sessions/${kept.sessionId}/`, `examples/${kept.exampleId}/`)).toBe(3);

    // The request is in the owner's own log, and every chain left still verifies.
    const [entry] = await listAuditEntries(db, {
      workspaceId: owner.id,
      type: "workspace.deleted",
      limit: 5,
    });
    expect(entry).toMatchObject({ targetId: team.id, before: { name: "Doomed team" } });
    expect(entry?.metadata).toMatchObject({ removed: { sessions: 2, objects: 6 } });
    expect((await verifyAuditChains(db)).broken).toBeNull();

    // Gone is gone: the key died with the workspace.
    const again = await callRoute(workspaceRoute.DELETE, {
      method: "DELETE",
      path: "/v1/workspace",
      headers: { authorization: `Bearer ${ownerKey.secret}` },
    });
    expect(again.status).toBe(401);
  });

  it("refuses a personal workspace (409) and leaves every other chain append-only", async () => {
    const owner = await createTestUser();
    const key = await createTestApiKey(owner.id);
    const response = await callRoute(workspaceRoute.DELETE, {
      method: "DELETE",
      path: "/v1/workspace",
      headers: { authorization: `Bearer ${key.secret}` },
    });
    expect(response.status).toBe(409);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect((await response.json()).detail).toContain("only with its account");
    // The relaxed trigger still refuses deleting an entry of a workspace that exists.
    const db = await getDb();
    await expect(db.delete(auditLog).where(eq(auditLog.workspaceId, owner.id))).rejects.toThrow();
  });
});

describe("account erasure", () => {
  it("is refused (409) while the user is the last owner of a team with other members; then erases them", async () => {
    const db = await getDb();
    const leaving = await createTestUser();
    const colleague = await createTestUser();
    const user = { ...leaving, createdAt: new Date() };
    await setUserPasswordHash(db, user.id, await hashPassword("correct horse battery staple"));
    const team = await insertWorkspace(db, { name: "Shared team", ownerId: user.id });
    await insertMember(db, { workspaceId: team.id, userId: colleague.id, role: "member" });
    const solo = await insertWorkspace(db, { name: "Solo side project", ownerId: user.id });
    const teamData = await sessionWithObjects(team.id, user.id);
    const soloData = await sessionWithObjects(solo.id, user.id);
    const personal = await sessionWithObjects(user.id, user.id);
    await createTestApiKey(user.id, "full", team.id);

    await expect(eraseAccount(user, { password: "not it" }, meta)).rejects.toMatchObject({ status: 401 });
    await expect(
      eraseAccount(user, { password: "correct horse battery staple" }, meta),
    ).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("last owner of Shared team"),
    });
    expect(await db.select({ id: users.id }).from(users).where(eq(users.id, user.id))).toHaveLength(1);

    await changeMemberRole(
      { userId: user.id, workspaceId: team.id, role: "owner" },
      { userId: colleague.id, role: "owner" },
      meta,
    );
    const result = await eraseAccount(user, { password: "correct horse battery staple" }, meta);
    const claims = await verifyDeletionReceipt(result.receipt, await jwks());
    expect(claims).toMatchObject({
      kind: "account",
      sub: `user:${user.id}`,
      user_id: user.id,
      memberships_removed: 3,
      removed: { sessions: 2, examples: 2, objects: 6, bytes: 36, api_keys: 1 },
    });
    expect(new Set(claims.workspace_ids)).toEqual(new Set([solo.id, user.id]));

    // The user, their personal and solo workspaces and their objects are gone.
    expect(await db.select().from(users).where(eq(users.id, user.id))).toEqual([]);
    expect(
      await db
        .select()
        .from(workspaces)
        .where(inArray(workspaces.id, [solo.id, user.id])),
    ).toEqual([]);
    expect(await objectsUnder(`sessions/${soloData.sessionId}/`, `sessions/${personal.sessionId}/`)).toBe(0);
    expect(await db.select().from(auditLog).where(eq(auditLog.workspaceId, user.id))).toEqual([]);
    // The team keeps what the user created there, now the remaining owner's, and records the erasure.
    const [teamSession] = await db.select().from(sessions).where(eq(sessions.id, teamData.sessionId));
    expect(teamSession?.userId).toBe(colleague.id);
    expect(await objectsUnder(`sessions/${teamData.sessionId}/`)).toBe(2);
    const [erased] = await listAuditEntries(db, { workspaceId: team.id, type: "user.erased", limit: 5 });
    expect(erased).toMatchObject({
      targetId: user.id,
      metadata: { reassignedTo: colleague.id, rowsReassigned: 2 },
    });
    expect(await db.select().from(workspaceMembers).where(eq(workspaceMembers.workspaceId, team.id))).toEqual(
      [expect.objectContaining({ userId: colleague.id, role: "owner" })],
    );
    expect((await verifyAuditChains(db)).broken).toBeNull();
  });
});
