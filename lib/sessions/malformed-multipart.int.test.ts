import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sessions from "@/app/v1/sessions/route";
import { closeTestDatabase, openTestDatabase } from "@/db/test-database";
import { createTestCaller } from "@/db/test-factories";
import { getObjectStore } from "@/lib/storage/get-object-store";
import { callRoute } from "@/test/helpers/call-route";

let dataDir: string;
let caller: Awaited<ReturnType<typeof createTestCaller>>;

beforeAll(async () => {
  ({ dataDir } = await openTestDatabase());
  caller = await createTestCaller();
});
afterAll(() => closeTestDatabase(dataDir));

const part = (headers: string, body: string) => `--B\r\n${headers}\r\n\r\n${body}\r\n`;
const suite = part('Content-Disposition: form-data; name="suite_id"', "gmail");
const file = (body: string) =>
  part('Content-Disposition: form-data; name="file"; filename="input_events.jsonl"', body);
const event = '{"timestamp":1763726400000,"type":"click"}\n';

describe("a malformed multipart body is a 400, never a 500", () => {
  it.each([
    ["a part without headers", "multipart/form-data; boundary=B", "--B\r\r\n--B--\r\n"],
    [
      "a part with no header block end",
      "multipart/form-data; boundary=B",
      `--B\r\nContent-Disposition: form-data; name="suite_id"`,
    ],
    ["a truncated file part", "multipart/form-data; boundary=B", `${suite}${file(event).slice(0, -4)}`],
    ["no closing boundary", "multipart/form-data; boundary=B", `${suite}${file(event)}`],
    ["no boundary parameter", "multipart/form-data", `${suite}${file(event)}--B--\r\n`],
    ["an empty boundary", "multipart/form-data; boundary=", "----\r\n"],
    ["another boundary than declared", "multipart/form-data; boundary=C", `${suite}${file(event)}--B--\r\n`],
    ["headers without a colon", "multipart/form-data; boundary=B", "--B\r\nnonsense\r\n\r\nx\r\n--B--\r\n"],
    ["an empty body", "multipart/form-data; boundary=B", ""],
    ["binary noise", "multipart/form-data; boundary=B", "\u0001\u0002--B\r\n\u00ff\u00fe\r\n\r\n--B"],
  ])("%s", async (_name, contentType, body) => {
    const res = await callRoute(sessions.POST, {
      method: "POST",
      path: "/v1/sessions",
      headers: { ...caller.headers, "content-type": contentType },
      body,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(((await res.json()) as { detail: string }).detail).toMatch(/multipart|body/i);
  });

  it("leaves nothing in storage when a body breaks off after a file began streaming", async () => {
    const store = await getObjectStore();
    const before = (await store.list("sessions/")).length;
    const res = await callRoute(sessions.POST, {
      method: "POST",
      path: "/v1/sessions",
      headers: { ...caller.headers, "content-type": "multipart/form-data; boundary=B" },
      body: `${suite}${file(event.repeat(2000)).slice(0, -10)}`,
    });
    expect(res.status).toBe(400);
    expect((await store.list("sessions/")).map((o) => o.key)).toEqual([]);
    expect(before).toBe(0);
  });
});
