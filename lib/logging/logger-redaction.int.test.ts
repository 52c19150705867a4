import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insertUser } from "@/db/queries/users";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createLogger } from "@/lib/logger";

/** A logger with the production options whose lines land in `lines`. */
function capturingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(sink, "debug"), lines };
}

let dataDir: string;
beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterAll(() => closeTestDatabase(dataDir));

describe("log redaction", () => {
  it("a failed query logs its SQLSTATE code and constraint, never its parameters", async () => {
    const db = await getDb();
    const email = "victim-8d1f@example.com";
    const passwordHash = "scrypt$32768$8$1$c2FsdHNhbHQ$SECRET_HASH_VALUE_9f2c";
    await insertUser(db, { email, displayName: "First", passwordHash });
    const failure = await insertUser(db, { email, displayName: "Second", passwordHash }).catch((e) => e);
    expect(failure).toBeInstanceOf(Error);
    // The raw error does carry the values: this is what must not reach a log line.
    expect(JSON.stringify({ ...failure, message: failure.message })).toContain(passwordHash);

    const { logger, lines } = capturingLogger();
    logger.error({ err: failure, requestId: "r1" }, "unhandled error");
    logger.child({ scope: "auth" }).error({ error: failure }, "sign-up failed");
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain(passwordHash);
      expect(line).not.toContain(email);
      expect(line).not.toContain("params");
    }
    const logged = JSON.parse(lines[0] ?? "{}");
    expect(logged.err.message).toBe("Failed query");
    expect(logged.err.cause).toMatchObject({ code: "23505", constraint: "users_email_key" });
    expect(logged.err.stack).toMatch(/^\w*Error: Failed query\n\s+at /);
  });

  it("credentials and emails are censored wherever they appear in a logged object", () => {
    const { logger, lines } = capturingLogger();
    logger.info(
      {
        email: "a@example.com",
        user: { email: "b@example.com", passwordHash: "scrypt$x", id: "u1" },
        password: "hunter22",
        params: ["c@example.com"],
        headers: { authorization: "Bearer tp_live_x", cookie: "authjs.session-token=abc" },
      },
      "probe",
    );
    const logged = JSON.parse(lines[0] ?? "{}");
    expect(logged).toMatchObject({
      email: "[redacted]",
      user: { email: "[redacted]", passwordHash: "[redacted]", id: "u1" },
      password: "[redacted]",
      params: "[redacted]",
      headers: { authorization: "[redacted]", cookie: "[redacted]" },
    });
  });
});
