import fs from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Capture every log line this process writes: pino's sonic-boom writes to fd 1 with fs.write / fs.writeSync.
process.env.LOG_LEVEL = "trace";
const logChunks: string[] = [];
const capture = (fd: unknown, data: unknown) => {
  if (fd === 1 || fd === 2)
    logChunks.push(typeof data === "string" ? data : Buffer.from(data as Uint8Array).toString());
};
const originalWriteSync = fs.writeSync;
const originalWrite = fs.write;
fs.writeSync = ((fd: number, data: unknown, ...rest: unknown[]) => {
  capture(fd, data);
  return (originalWriteSync as (...args: unknown[]) => number)(fd, data, ...rest);
}) as typeof fs.writeSync;
fs.write = ((fd: number, data: unknown, ...rest: unknown[]) => {
  capture(fd, data);
  return (originalWrite as (...args: unknown[]) => void)(fd, data, ...rest);
}) as typeof fs.write;

const { getDb } = await import("@/db/client");
const { listAuditEntriesForUser } = await import("@/db/queries/audit-log");
const { closeTestDatabase, openTestDatabase } = await import("@/db/test-database");
const { createApiKey } = await import("@/lib/api-keys/create-api-key");
const { revokeApiKey } = await import("@/lib/api-keys/revoke-api-key");
const { signUpUser } = await import("./sign-up-user");
const { verifyCredentials } = await import("./verify-credentials");
const { hashPassword, verifyPassword } = await import("./password");

const meta = { ip: "198.51.100.4", userAgent: "Mozilla/5.0 vitest" };
const PASSWORD = "correct horse battery staple";
let dataDir: string;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterAll(async () => {
  fs.writeSync = originalWriteSync;
  fs.write = originalWrite;
  await closeTestDatabase(dataDir);
});

describe("local accounts", () => {
  it("hashes passwords with scrypt and verifies them", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, hash)).toBe(false);
    expect(await hashPassword(PASSWORD)).not.toBe(hash);
  });

  it("signs up and in, with the same generic answer for a wrong password and an unknown email", async () => {
    const user = await signUpUser(
      { email: "carol@example.com", displayName: "Carol", password: PASSWORD },
      meta,
    );
    await expect(
      signUpUser({ email: "CAROL@example.com", displayName: "C", password: PASSWORD }, meta),
    ).rejects.toThrow(/already exists/);
    const ok = await verifyCredentials({ email: "carol@example.com", password: PASSWORD }, meta);
    expect(ok).toMatchObject({ ok: true, user: { id: user.id } });
    expect(
      await verifyCredentials({ email: "carol@example.com", password: "wrong password!!" }, meta),
    ).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifyCredentials({ email: "nobody@example.com", password: PASSWORD }, meta)).toEqual({
      ok: false,
      reason: "invalid",
    });
    const audit = await listAuditEntriesForUser(await getDb(), user.id);
    expect(audit.map((e) => e.action).sort()).toEqual(["user.sign_in", "user.sign_up"]);
    expect(audit[0]).toMatchObject({ ip: "198.51.100.4", userAgent: "Mozilla/5.0 vitest" });
  });

  it("throttles sign-in attempts per email and address, even with the right password", async () => {
    await signUpUser({ email: "dave@example.com", displayName: "Dave", password: PASSWORD }, meta);
    const other = { ip: "198.51.100.99", userAgent: null };
    const results = [];
    for (let i = 0; i < 11; i++)
      results.push(
        (await verifyCredentials({ email: "dave@example.com", password: "nope nope nope" }, other)).ok,
      );
    expect(results.every((ok) => !ok)).toBe(true);
    expect(await verifyCredentials({ email: "dave@example.com", password: PASSWORD }, other)).toEqual({
      ok: false,
      reason: "throttled",
    });
    // Another address is not affected.
    expect((await verifyCredentials({ email: "dave@example.com", password: PASSWORD }, meta)).ok).toBe(true);
  });

  it("no password or API key appears in clear in the database or the logs", async () => {
    const secretPassword = "Unique-Password-For-Leak-Check-42";
    const user = await signUpUser(
      { email: "erin@example.com", displayName: "Erin", password: secretPassword },
      meta,
    );
    await verifyCredentials({ email: "erin@example.com", password: secretPassword }, meta);
    const key = await createApiKey(user.id, { name: "leak check", scope: "full" }, meta);
    const me = await import("@/app/v1/users/me/route");
    const response = await me.GET(
      new Request("http://127.0.0.1/v1/users/me", { headers: { authorization: `Bearer ${key.secret}` } }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
    await revokeApiKey(user.id, key.id, meta);
    const denied = await me.GET(
      new Request("http://127.0.0.1/v1/users/me", { headers: { "x-api-key": key.secret } }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(denied.status).toBe(401);

    const db = await getDb();
    const tables = (await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    )) as unknown as { rows: { table_name: string }[] };
    let dump = "";
    for (const { table_name } of tables.rows) {
      const rows = (await db.execute(
        sql.raw(`select row_to_json(t)::text as j from "${table_name}" t`),
      )) as unknown as {
        rows: { j: string }[];
      };
      dump += rows.rows.map((r) => r.j).join("\n");
    }
    expect(dump).toContain("erin@example.com");
    expect(dump).toContain(key.secret.slice(0, 12));
    expect(dump).not.toContain(secretPassword);
    expect(dump).not.toContain(key.secret);
    expect(dump).not.toContain(key.secret.slice(12));

    const logs = logChunks.join("");
    expect(logs).toContain("api key created");
    expect(logs).toContain("user signed up");
    expect(logs).not.toContain(secretPassword);
    expect(logs).not.toContain(key.secret.slice(8));
  });
});
