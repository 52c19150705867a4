import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listAuditEntriesForUser } from "@/db/queries/audit-log";
import { insertUser } from "@/db/queries/users";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { personalActor } from "@/lib/workspaces/personal-workspace";

const meta = { ip: "203.0.113.7", userAgent: "vitest" };
const context = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const withKey = (url: string, key: string, init: RequestInit = {}) =>
  new Request(`http://127.0.0.1${url}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, ...init.headers },
  });

let dataDir: string;
let alice: { id: string };
let bob: { id: string };

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  const db = await getDb();
  alice = await insertUser(db, { email: "alice@example.com", displayName: "Alice" });
  bob = await insertUser(db, { email: "bob@example.com", displayName: "Bob" });
});
afterAll(() => closeTestDatabase(dataDir));

describe("API keys", () => {
  it("a new key authenticates GET /v1/users/me and is listed masked, never in clear", async () => {
    const me = await import("@/app/v1/users/me/route");
    const created = await createApiKey(personalActor(alice.id), { name: "laptop", scope: "read" }, meta);
    expect(created.secret).toMatch(/^tp_live_[0-9A-Za-z]{43}$/);
    const response = await me.GET(withKey("/v1/users/me", created.secret), context());
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      id: alice.id,
      displayName: "Alice",
      email: "alice@example.com",
      createdAt: expect.any(String),
    });
    const listed = await listApiKeys(alice.id);
    const row = listed.find((k) => k.id === created.id);
    expect(row?.maskedKey).toBe(`${created.secret.slice(0, 12)}…${created.secret.slice(-4)}`);
    expect(row?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(created.secret);
  });

  it("X-API-Key works too; a made-up key, a missing key and a malformed header are 401", async () => {
    const me = await import("@/app/v1/users/me/route");
    const { secret } = await createApiKey(personalActor(alice.id), { name: "header", scope: "ingest" }, meta);
    const ok = await me.GET(
      new Request("http://127.0.0.1/v1/users/me", { headers: { "x-api-key": secret } }),
      context(),
    );
    expect(ok.status).toBe(200);
    const fake = `tp_live_${"A".repeat(43)}`;
    expect((await me.GET(withKey("/v1/users/me", fake), context())).status).toBe(401);
    expect((await me.GET(new Request("http://127.0.0.1/v1/users/me"), context())).status).toBe(401);
    const bad = await me.GET(withKey("/v1/users/me", "not-a-key"), context());
    expect(bad.status).toBe(401);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
  });

  it("a key used outside its scope is 403; full scope may manage keys", async () => {
    const keys = await import("@/app/v1/api-keys/route");
    const ingest = await createApiKey(personalActor(alice.id), { name: "ingest", scope: "ingest" }, meta);
    const read = await createApiKey(personalActor(alice.id), { name: "read", scope: "read" }, meta);
    const full = await createApiKey(personalActor(alice.id), { name: "full", scope: "full" }, meta);
    const forbidden = await keys.GET(withKey("/v1/api-keys", ingest.secret), context());
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).detail).toContain("scope 'ingest'");
    expect((await keys.GET(withKey("/v1/api-keys", read.secret), context())).status).toBe(403);
    const allowed = await keys.GET(withKey("/v1/api-keys", full.secret), context());
    expect(allowed.status).toBe(200);
    const listed = (await allowed.json()).data as { id: string }[];
    expect(listed.map((k) => k.id)).toContain(ingest.id);
  });

  it("an expired key is 401", async () => {
    const me = await import("@/app/v1/users/me/route");
    const created = await createApiKey(
      personalActor(alice.id),
      { name: "short", scope: "full", expiresAt: new Date(Date.now() + 1500) },
      meta,
    );
    expect((await me.GET(withKey("/v1/users/me", created.secret), context())).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const expired = await me.GET(withKey("/v1/users/me", created.secret), context());
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("creates over the API (201, secret once), revokes (204), and the revoked key is 401 on the next request", async () => {
    const keys = await import("@/app/v1/api-keys/route");
    const byId = await import("@/app/v1/api-keys/[id]/route");
    const me = await import("@/app/v1/users/me/route");
    const admin = await createApiKey(personalActor(alice.id), { name: "admin", scope: "full" }, meta);
    const post = await keys.POST(
      withKey("/v1/api-keys", admin.secret, {
        method: "POST",
        body: JSON.stringify({ name: "ci", scope: "ingest" }),
        headers: { "content-type": "application/json" },
      }),
      context(),
    );
    expect(post.status).toBe(201);
    const created = await post.json();
    expect(created.secret).toMatch(/^tp_live_/);
    expect((await me.GET(withKey("/v1/users/me", created.secret), context())).status).toBe(200);
    const del = await byId.DELETE(
      withKey(`/v1/api-keys/${created.id}`, admin.secret, { method: "DELETE" }),
      context({ id: created.id }),
    );
    expect(del.status).toBe(204);
    expect((await me.GET(withKey("/v1/users/me", created.secret), context())).status).toBe(401);
    const again = await byId.DELETE(
      withKey(`/v1/api-keys/${created.id}`, admin.secret, { method: "DELETE" }),
      context({ id: created.id }),
    );
    expect(again.status).toBe(404);
    const actions = (await listAuditEntriesForUser(await getDb(), alice.id)).map((e) => e.action);
    expect(actions).toContain("api_key.created");
    expect(actions).toContain("api_key.revoked");
  });

  it("a key can only create keys within its own expiry: never a longer-lived or permanent one", async () => {
    const keys = await import("@/app/v1/api-keys/route");
    const expiresAt = new Date(Date.now() + 60 * 60 * 1000);
    const shortLived = await createApiKey(
      personalActor(alice.id),
      { name: "short-lived admin", scope: "full", expiresAt },
      meta,
    );
    const create = (body: Record<string, unknown>) =>
      keys.POST(
        withKey("/v1/api-keys", shortLived.secret, {
          method: "POST",
          body: JSON.stringify(body),
          headers: { "content-type": "application/json" },
        }),
        context(),
      );
    const forever = await create({ name: "forever", scope: "full", expiresAt: null });
    expect(forever.status).toBe(201);
    // No expiry asked: the new key inherits the creator's, it does not get none.
    expect(new Date((await forever.json()).expiresAt).getTime()).toBe(expiresAt.getTime());
    const later = await create({
      name: "later",
      scope: "ingest",
      expiresAt: new Date(expiresAt.getTime() + 86_400_000).toISOString(),
    });
    expect(later.status).toBe(403);
    expect((await later.json()).detail).toContain("must expire by then");
    const sooner = await create({
      name: "sooner",
      scope: "read",
      expiresAt: new Date(expiresAt.getTime() - 60_000).toISOString(),
    });
    expect(sooner.status).toBe(201);
    const listed = await listApiKeys(alice.id);
    expect(listed.filter((k) => k.expiresAt === null).map((k) => k.name)).not.toContain("forever");
  });

  it("a key never creates a key with a wider scope than its own", async () => {
    await expect(
      createApiKey(personalActor(alice.id), { name: "escalate", scope: "full" }, meta, {
        scope: "ingest",
        expiresAt: null,
      }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      createApiKey(personalActor(alice.id), { name: "same", scope: "ingest" }, meta, {
        scope: "ingest",
        expiresAt: null,
      }),
    ).resolves.toMatchObject({ scope: "ingest" });
  });

  it("another workspace's key and a key that does not exist are both 404", async () => {
    const byId = await import("@/app/v1/api-keys/[id]/route");
    const admin = await createApiKey(personalActor(alice.id), { name: "admin2", scope: "full" }, meta);
    const bobs = await createApiKey(personalActor(bob.id), { name: "bob's", scope: "read" }, meta);
    const foreign = await byId.DELETE(
      withKey(`/v1/api-keys/${bobs.id}`, admin.secret, { method: "DELETE" }),
      context({ id: bobs.id }),
    );
    expect(foreign.status).toBe(404);
    const missingId = "00000000-0000-4000-8000-000000000000";
    const missing = await byId.DELETE(
      withKey(`/v1/api-keys/${missingId}`, admin.secret, { method: "DELETE" }),
      context({ id: missingId }),
    );
    expect(missing.status).toBe(404);
    expect(
      (await byId.DELETE(withKey("/v1/api-keys/x", admin.secret, { method: "DELETE" }), context({ id: "x" })))
        .status,
    ).toBe(404);
    // Bob's key still works: the refused revoke changed nothing.
    const me = await import("@/app/v1/users/me/route");
    expect((await me.GET(withKey("/v1/users/me", bobs.secret), context())).status).toBe(200);
  });

  it("the audit log is append-only", async () => {
    const db = await getDb();
    await expect(db.execute(sql`update audit_log set action = 'tampered'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
