import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Agent, getGlobalDispatcher, setGlobalDispatcher } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findUserByEntraId } from "@/db/queries/users";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { resetEntraKeysForTests } from "@/lib/auth/resolve-entra-token";
import { resetEnvCache } from "@/lib/env";
import { type FakeEntra, startFakeEntra } from "@/test/fakes/oidc-entra";
import { createSelfSignedCert } from "@/test/fakes/oidc-self-signed-cert";
import { type ApiTestServer, startApiTestServer } from "../../test/helpers/api-test-server";
import { TOKEN_CACHE_FILE } from "./auth/file-cache-plugin";

// `tracepipe login` with the real msal-node against the local Entra-shaped OpenID provider over HTTPS: the device
// code flow, the 0600 token cache, silent refresh on later commands, and the token accepted by the real API.

const AUDIENCE = "api://tracepipe-cli-test";
const SERVER_ENV = [
  "AUTH_MICROSOFT_ENTRA_ID_ID",
  "AUTH_MICROSOFT_ENTRA_ID_SECRET",
  "AUTH_MICROSOFT_ENTRA_ID_ISSUER",
  "ENTRA_API_AUDIENCE",
];
const root = path.resolve(import.meta.dirname, "../..");
const bin = path.join(root, "lib/cli/tracepipe.mjs");
let entra: FakeEntra;
let server: ApiTestServer;
let dataDir: string;
let dir: string;
let cliEnv: Record<string, string>;
const previousDispatcher = getGlobalDispatcher();

beforeAll(async () => {
  const tls = createSelfSignedCert();
  entra = await startFakeEntra({
    redirectUris: ["https://127.0.0.1:1/cb"],
    tls,
    deviceFlow: { audience: AUDIENCE, accessTokenTtl: 120 },
  });
  // The API side runs in this process and fetches the tenant's keys over HTTPS: trust the throwaway CA here;
  // the CLI processes trust it through NODE_EXTRA_CA_CERTS, as the app does in the Playwright suite.
  setGlobalDispatcher(new Agent({ connect: { ca: tls.cert } }));
  process.env.AUTH_MICROSOFT_ENTRA_ID_ID = entra.clientId;
  process.env.AUTH_MICROSOFT_ENTRA_ID_SECRET = entra.clientSecret;
  process.env.AUTH_MICROSOFT_ENTRA_ID_ISSUER = entra.issuer;
  process.env.ENTRA_API_AUDIENCE = AUDIENCE;
  resetEnvCache();
  resetEntraKeysForTests();
  ({ dataDir } = await openTestDatabase());
  server = await startApiTestServer();
  dir = await mkdtemp(path.join(tmpdir(), "tracepipe-cli-login-"));
  cliEnv = {
    PATH: process.env.PATH ?? "",
    HOME: dir,
    NODE_EXTRA_CA_CERTS: tls.certPath,
    TRACEPIPE_URL: server.url,
    TRACEPIPE_CONFIG_DIR: path.join(dir, "config"),
    TRACEPIPE_ENTRA_AUTHORITY: `https://${new URL(entra.issuer).host}/${entra.tenantId}`,
    TRACEPIPE_ENTRA_CLIENT_ID: entra.deviceClientId,
    ENTRA_API_AUDIENCE: AUDIENCE,
  };
});

afterAll(async () => {
  for (const key of SERVER_ENV) delete process.env[key];
  resetEnvCache();
  resetEntraKeysForTests();
  setGlobalDispatcher(previousDispatcher);
  await server?.close();
  await entra?.close();
  await closeTestDatabase(dataDir);
  await rm(dir, { recursive: true, force: true });
});

function spawnCli(args: string[]) {
  // Only the variables the CLI is meant to see: a developer's own TRACEPIPE_API_KEY must not leak in.
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: cliEnv as NodeJS.ProcessEnv });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk;
  });
  const done = new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr })),
  );
  return { child, done, stderr: () => stderr };
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("tracepipe login / logout with msal-node", () => {
  it("signs in by device code, caches tokens 0600, refreshes silently for API calls, and signs out", async () => {
    const login = spawnCli(["login"]);
    const prompt = await waitFor(
      () => login.stderr().match(/To sign in, open (\S+) and enter the code (\S+)/) ?? undefined,
    );
    expect(prompt[1]).toBe(`${entra.issuer}/device`);
    await entra.approveDeviceCode(String(prompt[2]), "ada@contoso.example");
    const signedIn = await login.done;
    expect(signedIn.stderr).toContain("Signed in as ada@contoso.example");
    expect(signedIn.code).toBe(0);
    expect(entra.tokenGrants).toEqual(["device_code"]);

    const cacheFile = path.join(cliEnv.TRACEPIPE_CONFIG_DIR ?? "", TOKEN_CACHE_FILE);
    expect((await stat(cacheFile)).mode & 0o777).toBe(0o600);
    const cache = JSON.parse(await readFile(cacheFile, "utf8"));
    expect(Object.keys(cache.RefreshToken)).toHaveLength(1);

    // The access token lives 2 minutes, inside msal's 5-minute renewal window: the call must refresh first.
    const file = path.join(dir, "two.jsonl");
    await writeFile(
      file,
      `${JSON.stringify({ timestamp: 1, type: "click" })}\n${JSON.stringify({ timestamp: 2, type: "click" })}\n`,
    );
    const streamed = await spawnCli(["stream", file, "--suite", "gmail"]).done;
    expect(streamed.stderr).toMatch(/^opened session [0-9a-f-]{36}\n$/);
    expect(streamed.code).toBe(0);
    expect(streamed.stdout).toMatch(/accepted 2, duplicates 0, stored 2/);
    expect(entra.tokenGrants).toEqual(["device_code", "refresh_token"]);
    const user = await findUserByEntraId(
      await getDb(),
      entra.tenantId,
      entra.objectIdFor("ada@contoso.example"),
    );
    // Found by the token's tid/oid: the API accepted the msal-issued token and mapped it to its user.
    expect(user?.id).toEqual(expect.any(String));

    const loggedOut = await spawnCli(["logout"]).done;
    expect(loggedOut.code).toBe(0);
    await expect(stat(cacheFile)).rejects.toThrow(/ENOENT/);
    const after = await spawnCli(["status", crypto.randomUUID()]).done;
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('Not signed in: run "tracepipe login"');
  }, 60_000);
});
