import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/auth/authenticate-api-key";
import { type Env, getEnv } from "@/lib/env";
import { getDb } from "./client";
import { findUserCredentialsByEmail } from "./queries/users";
import { apiKeys } from "./schema";
import { assertDevSeedAllowed, DEV_USER_EMAIL, seedDevApiKey } from "./seed-dev-api-key";
import { closeTestDatabase, openTestDatabase } from "./test-database";

const KEY_A = `tp_live_${"a1".repeat(20)}abc`;
const KEY_B = `tp_live_${"b2".repeat(20)}xyz`;
let dataDir: string;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterAll(() => closeTestDatabase(dataDir));

const envWith = (overrides: Partial<Env>) => ({ ...getEnv(), ...overrides });

describe("development API key seed", () => {
  it("ensures dev@tracepipe.local holds exactly the configured key, full scope, idempotently", async () => {
    const db = await getDb();
    await seedDevApiKey(db, envWith({ TRACEPIPE_SEED_API_KEY: KEY_A }));
    await seedDevApiKey(db, envWith({ TRACEPIPE_SEED_API_KEY: KEY_A }));
    const user = await findUserCredentialsByEmail(db, DEV_USER_EMAIL);
    expect(user).toBeDefined();
    const keysOf = () =>
      db
        .select({ id: apiKeys.id, scope: apiKeys.scope })
        .from(apiKeys)
        .where(eq(apiKeys.userId, user?.id ?? ""));
    expect(await keysOf()).toEqual([{ id: expect.any(String), scope: "full" }]);
    expect((await authenticateApiKey(KEY_A)).userId).toBe(user?.id);

    await seedDevApiKey(db, envWith({ TRACEPIPE_SEED_API_KEY: KEY_B }));
    expect(await keysOf()).toHaveLength(1);
    await expect(authenticateApiKey(KEY_A)).rejects.toMatchObject({ status: 401 });
    expect((await authenticateApiKey(KEY_B)).scope).toBe("full");
  });

  it("is refused in production against a non-local database, allowed against a local one", () => {
    expect(() =>
      assertDevSeedAllowed(
        envWith({ NODE_ENV: "production", DATABASE_URL: "postgres://u@db.example.com:5432/app" }),
      ),
    ).toThrow(/refusing to seed/);
    expect(() =>
      assertDevSeedAllowed(
        envWith({ NODE_ENV: "production", DATABASE_URL: "postgres://u@127.0.0.1:5432/app" }),
      ),
    ).not.toThrow();
    expect(() =>
      assertDevSeedAllowed(
        envWith({ NODE_ENV: "development", DATABASE_URL: "postgres://u@db.example.com/app" }),
      ),
    ).not.toThrow();
  });

  it("rejects a malformed seed key", async () => {
    await expect(seedDevApiKey(await getDb(), envWith({ TRACEPIPE_SEED_API_KEY: "short" }))).rejects.toThrow(
      /must look like/,
    );
  });
});
