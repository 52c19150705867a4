import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findUserByEntraId } from "@/db/queries/users";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { resetEnvCache } from "@/lib/env";
import { type FakeEntra, startFakeEntra } from "@/test/fakes/oidc-entra";
import { resetEntraKeysForTests } from "./resolve-entra-token";

const AUDIENCE = "api://tracepipe-test";
const ENV_KEYS = [
  "AUTH_MICROSOFT_ENTRA_ID_ID",
  "AUTH_MICROSOFT_ENTRA_ID_SECRET",
  "AUTH_MICROSOFT_ENTRA_ID_ISSUER",
  "ENTRA_API_AUDIENCE",
];
let entra: FakeEntra;
let dataDir: string;

const call = async (token: string) => {
  const me = await import("@/app/v1/users/me/route");
  return me.GET(
    new Request("http://127.0.0.1/v1/users/me", { headers: { authorization: `Bearer ${token}` } }),
    {
      params: Promise.resolve({}),
    },
  );
};

beforeAll(async () => {
  entra = await startFakeEntra({ redirectUris: ["http://127.0.0.1:1/api/auth/callback/microsoft-entra-id"] });
  process.env.AUTH_MICROSOFT_ENTRA_ID_ID = entra.clientId;
  process.env.AUTH_MICROSOFT_ENTRA_ID_SECRET = entra.clientSecret;
  process.env.AUTH_MICROSOFT_ENTRA_ID_ISSUER = entra.issuer;
  process.env.ENTRA_API_AUDIENCE = AUDIENCE;
  resetEntraKeysForTests();
  ({ dataDir } = await openTestDatabase());
});
afterAll(async () => {
  for (const key of ENV_KEYS) delete process.env[key];
  resetEnvCache();
  await entra.close();
  await closeTestDatabase(dataDir);
});

describe("Entra access tokens on the API", () => {
  it("a valid token authenticates; the first call creates the user from oid/tid, later calls find it", async () => {
    const oid = entra.objectIdFor("frank");
    const token = await entra.signAccessToken({
      aud: AUDIENCE,
      oid,
      email: "frank@contoso.example",
      name: "Frank",
    });
    const first = await call(token);
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body).toMatchObject({ email: "frank@contoso.example", displayName: "Frank" });
    expect(first.headers.get("x-ratelimit-limit")).not.toBeNull();
    const second = await call(token);
    expect((await second.json()).id).toBe(body.id);
    expect((await findUserByEntraId(await getDb(), entra.tenantId, oid))?.id).toBe(body.id);
  });

  it("rejects a wrong audience, a wrong issuer, an expired token, a foreign signing key and a tampered token", async () => {
    const oid = entra.objectIdFor("grace");
    const wrongAudience = await entra.signAccessToken({ aud: "api://someone-else", oid });
    const wrongIssuer = await entra.signAccessToken(
      { aud: AUDIENCE, oid },
      { issuer: "https://login.microsoftonline.com/other/v2.0" },
    );
    const expired = await entra.signAccessToken({ aud: AUDIENCE, oid }, { expiresIn: "-1m" });
    const other = await startFakeEntra({ redirectUris: ["http://127.0.0.1:1/cb"] });
    const foreignKey = await other.signAccessToken({ aud: AUDIENCE, oid }, { issuer: entra.issuer });
    await other.close();
    const valid = await entra.signAccessToken({ aud: AUDIENCE, oid });
    const [header, payload, signature] = valid.split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString());
    const tampered = [
      header,
      Buffer.from(JSON.stringify({ ...claims, oid: "attacker" })).toString("base64url"),
      signature,
    ].join(".");
    for (const token of [wrongAudience, wrongIssuer, expired, foreignKey, tampered]) {
      const response = await call(token);
      expect(response.status).toBe(401);
    }
    expect((await call(valid)).status).toBe(200);
  });
});
