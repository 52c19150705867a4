import fs from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personalActor } from "@/lib/workspaces/personal-workspace";

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
    const signedUp = await signUpUser(
      { email: "carol@example.com", displayName: "Carol", password: PASSWORD },
      meta,
    );
    if (!signedUp.created) throw new Error("expected a new account");
    const user = signedUp.user;
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

  it("signing up with a taken email does not say so, creates nothing and leaves the account's password alone", async () => {
    await signUpUser({ email: "frank@example.com", displayName: "Frank", password: PASSWORD }, meta);
    const again = await signUpUser(
      { email: "FRANK@example.com", displayName: "Mallory", password: "another good passphrase 77" },
      { ip: "198.51.100.5", userAgent: null },
    );
    expect(again).toEqual({ created: false });
    const db = await getDb();
    const rows = (await db.execute(
      sql`select count(*)::int as n from users where lower(email) = 'frank@example.com'`,
    )) as unknown as { rows: { n: number }[] };
    expect(rows.rows[0]?.n).toBe(1);
    expect((await verifyCredentials({ email: "frank@example.com", password: PASSWORD }, meta)).ok).toBe(true);
  });

  it("refuses weak passwords at sign-up with a 422 naming the password field, before any account exists", async () => {
    for (const password of ["password1234", "            ", "grace@example.com", "grace@example.com!!"]) {
      await expect(
        signUpUser({ email: "grace@example.com", displayName: "Grace", password }, meta),
      ).rejects.toMatchObject({ status: 422, extensions: { errors: [{ field: "password" }] } });
    }
    expect(await verifyCredentials({ email: "grace@example.com", password: "password1234" }, meta)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("throttles per account across rotating addresses, and a throttled attempt fails even with the right password", async () => {
    await signUpUser({ email: "dave@example.com", displayName: "Dave", password: PASSWORD }, meta);
    const results = [];
    // Each guess from a new address, as when rotating X-Forwarded-For used to work.
    for (let i = 0; i < 5; i++) {
      const from = { ip: `203.0.113.${10 + i}`, userAgent: null };
      results.push(await verifyCredentials({ email: "dave@example.com", password: "nope nope nope" }, from));
    }
    expect(results.map((r) => (r.ok ? "ok" : r.reason))).toEqual(Array(5).fill("invalid"));
    const fresh = { ip: "203.0.113.200", userAgent: null };
    const right = await verifyCredentials({ email: "dave@example.com", password: PASSWORD }, fresh);
    const wrong = await verifyCredentials({ email: "dave@example.com", password: "nope nope nope" }, fresh);
    expect(right).toMatchObject({ ok: false, reason: "throttled" });
    expect(wrong).toMatchObject({ ok: false, reason: "throttled" });
    // Another account is not affected.
    expect((await verifyCredentials({ email: "carol@example.com", password: PASSWORD }, fresh)).ok).toBe(
      true,
    );
  });

  it("backs off per account: 5 attempts, then 30 s, 60 s, 120 s between attempts; success forgets the failures", async () => {
    const { takeSignInAttempt, forgetSignInFailures } = await import("./sign-in-throttle");
    const t0 = new Date("2031-03-01T00:00:00Z");
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    const take = async (s: number) => {
      const decision = await takeSignInAttempt("heidi@example.com", { ip: null, userAgent: null }, at(s));
      return decision.allowed ? "ok" : `wait ${decision.retryAfterSeconds}`;
    };
    const first = [];
    for (let i = 0; i < 6; i++) first.push(await take(0));
    expect(first).toEqual(["ok", "ok", "ok", "ok", "ok", "wait 30"]);
    expect(await take(29)).toBe("wait 1");
    expect(await take(30)).toBe("ok");
    expect(await take(31)).toBe("wait 59");
    expect(await take(90)).toBe("ok");
    expect(await take(91)).toBe("wait 119");
    expect(await take(210)).toBe("ok");
    await forgetSignInFailures("heidi@example.com");
    expect(await take(211)).toBe("ok");
  });

  it("throttles one address spraying many accounts, and sign-up shares the limiter", async () => {
    const { takeSignInAttempt } = await import("./sign-in-throttle");
    const sprayer = { ip: "192.0.2.77", userAgent: null };
    // A fixed instant after now: the bucket cannot refill while this test runs on a slow machine.
    const t0 = new Date(Date.now() + 3_600_000);
    const outcomes = [];
    for (let i = 0; i < 21; i++) {
      outcomes.push((await takeSignInAttempt(`spray-${i}@example.com`, sprayer, t0)).allowed);
    }
    expect(outcomes).toEqual([...Array(20).fill(true), false]);
    expect(
      await verifyCredentials({ email: "carol@example.com", password: PASSWORD }, sprayer),
    ).toMatchObject({ ok: false, reason: "throttled" });
    await expect(
      signUpUser({ email: "new-from-sprayer@example.com", displayName: "S", password: PASSWORD }, sprayer),
    ).rejects.toMatchObject({ status: 429 });
  });

  it("no password or API key appears in clear in the database or the logs", async () => {
    const secretPassword = "Unique-Password-For-Leak-Check-42";
    const signedUp = await signUpUser(
      { email: "erin@example.com", displayName: "Erin", password: secretPassword },
      meta,
    );
    if (!signedUp.created) throw new Error("expected a new account");
    const user = signedUp.user;
    await verifyCredentials({ email: "erin@example.com", password: secretPassword }, meta);
    const key = await createApiKey(personalActor(user.id), { name: "leak check", scope: "full" }, meta);
    const me = await import("@/app/v1/users/me/route");
    const response = await me.GET(
      new Request("http://127.0.0.1/v1/users/me", { headers: { authorization: `Bearer ${key.secret}` } }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
    await revokeApiKey(personalActor(user.id), key.id, meta);
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
    expect(logs).not.toContain("scrypt$");
  });

  it("a refused password is one warn line without a stack; a real auth failure is an error with its cause", async () => {
    const { CredentialsSignin } = await import("next-auth");
    const { authLogger } = await import("./auth-logger");
    const before = logChunks.length;
    authLogger.error?.(new CredentialsSignin("Read more at https://errors.authjs.dev#credentialssignin"));
    const failure = new Error("callback failed", { cause: new Error("provider said no") });
    authLogger.error?.(failure as Parameters<NonNullable<typeof authLogger.error>>[0]);
    // pino's stdout writer may finish a write asynchronously when the pipe is full.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const lines = logChunks
      .slice(before)
      .join("")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    const refused = lines.find((line) => line.msg === "sign-in refused");
    expect(refused).toMatchObject({ level: 40, type: "CredentialsSignin", code: "credentials" });
    expect(JSON.stringify(refused)).not.toContain("stack");
    const error = lines.find((line) => line.msg === "auth error");
    expect(error).toMatchObject({
      level: 50,
      err: { message: "callback failed", cause: { message: "provider said no" } },
    });
  });
});
