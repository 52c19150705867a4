import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insertUser } from "@/db/queries/users";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { resetEnvCache } from "@/lib/env";
import { personalActor } from "@/lib/workspaces/personal-workspace";
import { takeRateLimitToken } from "./take-rate-limit-token";

const meta = { ip: null, userAgent: null };
const context = { params: Promise.resolve({}) };
const get = (key: string) =>
  new Request("http://127.0.0.1/v1/users/me", { headers: { authorization: `Bearer ${key}` } });

let dataDir: string;
let userId: string;

beforeAll(async () => {
  // A read/full key may do 0.5 req/s with a 10-second bucket (5 requests); ingest keys 100/s.
  process.env.RATE_LIMIT_KEY_RPS = "0.5";
  process.env.RATE_LIMIT_INGEST_KEY_RPS = "100";
  process.env.RATE_LIMIT_USER_RPS = "1000";
  ({ dataDir } = await openTestDatabase());
  userId = (await insertUser(await getDb(), { email: "rl@example.com", displayName: "RL" })).id;
});
afterAll(async () => {
  delete process.env.RATE_LIMIT_KEY_RPS;
  delete process.env.RATE_LIMIT_INGEST_KEY_RPS;
  delete process.env.RATE_LIMIT_USER_RPS;
  resetEnvCache();
  await closeTestDatabase(dataDir);
});

describe("API rate limits", () => {
  it("sends X-RateLimit-* on every response and 429 problem+json with Retry-After when the key's bucket is empty", async () => {
    const me = await import("@/app/v1/users/me/route");
    const { secret } = await createApiKey(personalActor(userId), { name: "slow", scope: "read" }, meta);
    const remaining: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await me.GET(get(secret), context);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-ratelimit-limit")).toBe("5");
      expect(Number(response.headers.get("x-ratelimit-reset"))).toBeGreaterThan(0);
      remaining.push(Number(response.headers.get("x-ratelimit-remaining")));
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    const limited = await me.GET(get(secret), context);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect((await limited.json()).status).toBe(429);
  });

  it("limits are per key: another key of the same user is not throttled, and ingest keys get the higher rate", async () => {
    const me = await import("@/app/v1/users/me/route");
    const other = await createApiKey(personalActor(userId), { name: "other", scope: "read" }, meta);
    expect((await me.GET(get(other.secret), context)).status).toBe(200);
    const ingest = await createApiKey(personalActor(userId), { name: "ingest", scope: "ingest" }, meta);
    const response = await me.GET(get(ingest.secret), context);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ratelimit-limit")).toBe("1000");
  });

  it("the per-user bucket holds across all of a user's keys", async () => {
    process.env.RATE_LIMIT_USER_RPS = "0.3"; // 3 requests per user
    resetEnvCache();
    try {
      const me = await import("@/app/v1/users/me/route");
      const u = await insertUser(await getDb(), { email: "many@example.com", displayName: "Many" });
      const keys = await Promise.all(
        [0, 1, 2, 3].map((i) => createApiKey(personalActor(u.id), { name: `k${i}`, scope: "ingest" }, meta)),
      );
      const statuses = [];
      for (const key of keys) statuses.push((await me.GET(get(key.secret), context)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      process.env.RATE_LIMIT_USER_RPS = "1000";
      resetEnvCache();
    }
  });

  it("the token bucket refills with time and never beyond its capacity", async () => {
    const spec = { key: `test:${crypto.randomUUID()}`, capacity: 2, ratePerSecond: 1 };
    const t0 = new Date("2030-01-01T00:00:00Z");
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    expect((await takeRateLimitToken(spec, t0)).allowed).toBe(true);
    expect((await takeRateLimitToken(spec, t0)).allowed).toBe(true);
    const denied = await takeRateLimitToken(spec, at(0.5));
    expect(denied).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
    expect((await takeRateLimitToken(spec, at(1))).allowed).toBe(true);
    const later = await takeRateLimitToken(spec, at(100));
    expect(later).toMatchObject({ allowed: true, remaining: 1, limit: 2 });
  });

  it("concurrent requests never take more tokens than the bucket holds", async () => {
    const spec = { key: `test:${crypto.randomUUID()}`, capacity: 10, ratePerSecond: 0.001 };
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 25 }, () => takeRateLimitToken(spec, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });
});
