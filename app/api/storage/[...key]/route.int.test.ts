import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { resetEnvCache } from "@/lib/env";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { createExampleFor, createSessionFor, createUserWithApiKey } from "@/test/helpers/owner-fixtures";
import { GET } from "./route";

let dataDir: string;
let owner: { userId: string; apiKey: string };
let stranger: { userId: string; apiKey: string };
let sessionId: string;
let exampleId: string;

beforeAll(async () => {
  delete process.env.BLOB_READ_WRITE_TOKEN;
  resetEnvCache();
  ({ dataDir } = await openTestDatabase());
  owner = await createUserWithApiKey("read");
  stranger = await createUserWithApiKey("full");
  sessionId = await createSessionFor(owner.userId);
  exampleId = await createExampleFor(owner.userId, sessionId);
  const store = await getObjectStore();
  expect(store.kind).toBe("local");
  await store.put(`sessions/${sessionId}/raw/recording.json`, '{"events":[]}');
  await store.put(`examples/${exampleId}/messages.jsonl`, '{"messages":[]}\n');
  await store.put("other/secret.txt", "not downloadable");
});
afterAll(() => closeTestDatabase(dataDir));

function get(segments: string[], apiKey?: string) {
  const request = new Request(`http://127.0.0.1/api/storage/${segments.map(encodeURIComponent).join("/")}`, {
    headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
  });
  return GET(request, { params: Promise.resolve({ key: segments }) });
}

describe("GET /api/storage/[...key]", () => {
  it("streams a session object to its owner as a sandboxed attachment", async () => {
    const response = await get(["sessions", sessionId, "raw", "recording.json"], owner.apiKey);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"events":[]}');
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("content-length")).toBe("13");
    expect(response.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''recording.json");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
  });

  it("streams an example object to its owner", async () => {
    const response = await get(["examples", exampleId, "messages.jsonl"], owner.apiKey);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson");
    expect(await response.text()).toBe('{"messages":[]}\n');
  });

  it("answers 404, not 403, to a signed-in user who does not own the session or example", async () => {
    for (const segments of [
      ["sessions", sessionId, "raw", "recording.json"],
      ["examples", exampleId, "messages.jsonl"],
    ]) {
      const response = await get(segments, stranger.apiKey);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.text()).not.toContain("events");
    }
  });

  it("answers 404 for keys outside sessions/ and examples/, and for a missing object", async () => {
    expect((await get(["other", "secret.txt"], owner.apiKey)).status).toBe(404);
    expect((await get(["sessions", "not-a-uuid", "x.json"], owner.apiKey)).status).toBe(404);
    expect((await get(["sessions", sessionId, "raw", "missing.json"], owner.apiKey)).status).toBe(404);
  });

  it("refuses path traversal out of an owned session", async () => {
    const response = await get(["sessions", sessionId, "..", "..", "other", "secret.txt"], owner.apiKey);
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain("not downloadable");
  });

  it("requires a credential with read scope", async () => {
    expect((await get(["sessions", sessionId, "raw", "recording.json"])).status).toBe(401);
    const ingestOnly = await createUserWithApiKey("ingest");
    const ingestSession = await createSessionFor(ingestOnly.userId);
    await (await getObjectStore()).put(`sessions/${ingestSession}/a.txt`, "a");
    expect((await get(["sessions", ingestSession, "a.txt"], ingestOnly.apiKey)).status).toBe(403);
  });
});
