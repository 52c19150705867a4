import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { authenticateApiKey } from "@/lib/auth/authenticate-api-key";
import { type Env, getEnv } from "@/lib/env";
import { personalActor } from "@/lib/workspaces/personal-workspace";
import { getDb } from "./client";
import { findUserCredentialsByEmail } from "./queries/users";
import { apiKeys } from "./schema";
import { assertDevSeedAllowed, DEV_USER_EMAIL, seedDevApiKey } from "./seed-dev-api-key";
import { closeTestDatabase, openTestDatabase } from "./test-database";

const KEY_A = `tp_live_${"a1".repeat(20)}abc`;
const KEY_B = `tp_live_${"b2".repeat(20)}xyz`;
const meta = { ip: null, userAgent: null };
let dataDir: string;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterAll(() => closeTestDatabase(dataDir));

const envWith = (overrides: Partial<Env>) => ({ ...getEnv(), ...overrides });

async function devUserId(): Promise<string> {
  const user = await findUserCredentialsByEmail(await getDb(), DEV_USER_EMAIL);
  if (!user) throw new Error("dev user missing");
  return user.id;
}

const keysOf = async (userId: string) =>
  (await getDb())
    .select({ id: apiKeys.id, name: apiKeys.name, scope: apiKeys.scope, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.userId, userId));

describe("development API key seed", () => {
  it("seeds dev@tracepipe.local with the configured key, full scope, once", async () => {
    const db = await getDb();
    await seedDevApiKey(db, envWith({ TRACEPIPE_SEED_API_KEY: KEY_A }));
    await seedDevApiKey(db, envWith({ TRACEPIPE_SEED_API_KEY: KEY_A }));
    const userId = await devUserId();
    expect(await keysOf(userId)).toEqual([
      { id: expect.any(String), name: "Development seed key", scope: "full", revokedAt: null },
    ]);
    expect((await authenticateApiKey(KEY_A)).userId).toBe(userId);
  });

  it("never touches the dev user's other keys, on any start", async () => {
    const db = await getDb();
    const userId = await devUserId();
    const own = await createApiKey(personalActor(userId), { name: "made in the UI", scope: "read" }, meta);
    await seedDevApiKey(db, envWith({ TRACEPIPE_SEED_API_KEY: KEY_A }));
    await seedDevApiKey(db, envWith({ TRACEPIPE_SEED_API_KEY: KEY_B }));
    expect((await keysOf(userId)).map((k) => k.name).sort()).toEqual([
      "Development seed key",
      "Development seed key",
      "made in the UI",
    ]);
    expect((await authenticateApiKey(own.secret)).userId).toBe(userId);
    expect((await authenticateApiKey(KEY_A)).userId).toBe(userId);
    expect((await authenticateApiKey(KEY_B)).userId).toBe(userId);
  });

  it("a revoked seed key stays revoked after a restart", async () => {
    const db = await getDb();
    const userId = await devUserId();
    const principal = await authenticateApiKey(KEY_A);
    await revokeApiKey(personalActor(userId), principal.apiKeyId ?? "", meta);
    await expect(authenticateApiKey(KEY_A)).rejects.toMatchObject({ status: 401 });
    await seedDevApiKey(db, envWith({ TRACEPIPE_SEED_API_KEY: KEY_A }));
    await expect(authenticateApiKey(KEY_A)).rejects.toMatchObject({ status: 401 });
  });

  it("is refused with any non-local database, whatever NODE_ENV says; allowed locally and on PGlite", () => {
    for (const NODE_ENV of ["production", "development", "test"] as const) {
      expect(() =>
        assertDevSeedAllowed(envWith({ NODE_ENV, DATABASE_URL: "postgres://u@db.example.com:5432/app" })),
      ).toThrow(/refusing to seed/);
      expect(() =>
        assertDevSeedAllowed(
          envWith({ NODE_ENV, DATABASE_URL: "postgres://u@ep-x.eu-central-1.aws.neon.tech/app" }),
        ),
      ).toThrow(/refusing to seed/);
      expect(() =>
        assertDevSeedAllowed(envWith({ NODE_ENV, DATABASE_URL: "postgres://u@127.0.0.1:5432/app" })),
      ).not.toThrow();
      expect(() => assertDevSeedAllowed(envWith({ NODE_ENV, DATABASE_URL: undefined }))).not.toThrow();
    }
  });

  it("rejects a malformed seed key", async () => {
    await expect(seedDevApiKey(await getDb(), envWith({ TRACEPIPE_SEED_API_KEY: "short" }))).rejects.toThrow(
      /must look like/,
    );
  });
});
