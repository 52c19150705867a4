import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insertUser } from "@/db/queries/users";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { personalActor } from "@/lib/workspaces/personal-workspace";
import { getAuthSecret } from "./auth-secret";
import { endAllBrowserSessions, endBrowserSession, startBrowserSession } from "./browser-session";
import { changePassword } from "./change-password";
import { hashPassword } from "./password";

const meta = { ip: null, userAgent: null };
const context = { params: Promise.resolve({}) };
const ORIGIN = "http://127.0.0.1:3000";
let dataDir: string;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
});
afterAll(() => closeTestDatabase(dataDir));

/** A session cookie exactly as Auth.js writes it at sign-in: an encrypted JWT naming the session row. */
async function signIn(userId: string) {
  const sid = await startBrowserSession(userId);
  const salt = "authjs.session-token";
  const jwt = await encode({ token: { userId, sid }, secret: getAuthSecret(), salt });
  return { sid, token: { userId, sid }, cookie: `${salt}=${jwt}` };
}

const me = async (cookie: string) => {
  const route = await import("@/app/v1/users/me/route");
  return route.GET(new Request(`${ORIGIN}/v1/users/me`, { headers: { cookie } }), context);
};

async function newUser(name: string) {
  return insertUser(await getDb(), {
    email: `${name}-${crypto.randomUUID()}@example.com`,
    displayName: name,
    passwordHash: await hashPassword("the old passphrase 1"),
  });
}

describe("server-side browser sessions", () => {
  it("a copied cookie stops working once its session signs out; other sessions stay", async () => {
    const user = await newUser("ivan");
    const laptop = await signIn(user.id);
    const phone = await signIn(user.id);
    expect((await me(laptop.cookie)).status).toBe(200);
    await endBrowserSession(laptop.token);
    expect((await me(laptop.cookie)).status).toBe(401);
    expect((await me(phone.cookie)).status).toBe(200);
  });

  it("sign out everywhere ends every session of the user and no one else's", async () => {
    const user = await newUser("judy");
    const other = await newUser("ken");
    const sessions = [await signIn(user.id), await signIn(user.id), await signIn(user.id)];
    const stranger = await signIn(other.id);
    expect(await endAllBrowserSessions(user.id)).toBe(3);
    for (const session of sessions) expect((await me(session.cookie)).status).toBe(401);
    expect((await me(stranger.cookie)).status).toBe(200);
  });

  it("a password change ends every session; removing the account ends them too", async () => {
    const user = await newUser("liam");
    const session = await signIn(user.id);
    await changePassword(
      user,
      { currentPassword: "the old passphrase 1", newPassword: "a brand new passphrase 42" },
      meta,
    );
    expect((await me(session.cookie)).status).toBe(401);

    const doomed = await newUser("mia");
    const doomedSession = await signIn(doomed.id);
    expect((await me(doomedSession.cookie)).status).toBe(200);
    const { users } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    await (await getDb()).delete(users).where(eq(users.id, doomed.id));
    expect((await me(doomedSession.cookie)).status).toBe(401);
  });

  it("a cookie without a session row (issued before server-side sessions) is not a credential", async () => {
    const user = await newUser("noel");
    const salt = "authjs.session-token";
    const legacy = await encode({ token: { userId: user.id }, secret: getAuthSecret(), salt });
    expect((await me(`${salt}=${legacy}`)).status).toBe(401);
  });
});

describe("cookie-authenticated writes", () => {
  const post = async (
    headers: Record<string, string>,
    body = JSON.stringify({ name: "csrf", scope: "full" }),
  ) => {
    const route = await import("@/app/v1/api-keys/route");
    return route.POST(new Request(`${ORIGIN}/v1/api-keys`, { method: "POST", headers, body }), context);
  };

  it("refuse a foreign Origin or Sec-Fetch-Site and non-JSON bodies; same-origin JSON passes", async () => {
    const user = await newUser("olga");
    const { cookie } = await signIn(user.id);
    const host = { host: "127.0.0.1:3000", "x-forwarded-proto": "http" };
    // The attack from the report: text/plain from another site.
    const foreign = await post({
      ...host,
      cookie,
      origin: "https://evil.example",
      "content-type": "text/plain",
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("content-type")).toBe("application/problem+json");
    expect(
      (await post({ ...host, cookie, "sec-fetch-site": "cross-site", "content-type": "application/json" }))
        .status,
    ).toBe(403);
    expect(
      (await post({ ...host, cookie, "sec-fetch-site": "same-site", "content-type": "application/json" }))
        .status,
    ).toBe(403);
    // A same-origin Origin is not enough when the browser says the request is cross-site.
    expect(
      (
        await post({
          ...host,
          cookie,
          origin: ORIGIN,
          "sec-fetch-site": "cross-site",
          "content-type": "application/json",
        })
      ).status,
    ).toBe(403);
    // Neither header: not sent by a browser page (a script holding the cookie); the body rule still applies.
    expect((await post({ ...host, cookie, "content-type": "text/plain" })).status).toBe(415);
    expect((await post({ ...host, cookie, "content-type": "application/json" })).status).toBe(201);
    const plain = await post({ ...host, cookie, origin: ORIGIN, "content-type": "text/plain" });
    expect(plain.status).toBe(415);
    const form = await post({
      ...host,
      cookie,
      "sec-fetch-site": "same-origin",
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(415);
    const ok = await post({
      ...host,
      cookie,
      origin: ORIGIN,
      "sec-fetch-site": "same-origin",
      "content-type": "application/json",
    });
    expect(ok.status).toBe(201);
  });

  it("API keys are not affected: a key may write from anywhere with any content type the route parses", async () => {
    const user = await newUser("pavel");
    const key = await createApiKey(personalActor(user.id), { name: "server", scope: "full" }, meta);
    const response = await post({
      authorization: `Bearer ${key.secret}`,
      origin: "https://elsewhere.example",
      "content-type": "text/plain",
    });
    expect(response.status).toBe(201);
  });
});
