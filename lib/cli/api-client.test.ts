import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiProblemError, createApiClient, parseRetryAfter } from "./api-client";

let statuses: number[] = [];
let seen = 0;
const server = http.createServer((_req, res) => {
  const status = statuses[seen++] ?? 200;
  res.writeHead(status, { "content-type": "application/problem+json", "retry-after": "1" });
  res.end(JSON.stringify({ title: `T${status}`, detail: "d", errors: [{ field: "f", message: "m" }] }));
});
let baseUrl: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function client(waits: number[]) {
  return createApiClient({
    baseUrl,
    getAuthorization: async () => "Bearer tp_live_test",
    sleep: async (ms) => {
      waits.push(ms);
    },
    maxAttempts: 3,
  });
}

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP-dates, and ignores garbage", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter("Sun, 22 Nov 2026 00:00:10 GMT", Date.UTC(2026, 10, 22, 0, 0, 0))).toBe(10_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("createApiClient", () => {
  it("retries 429 and 5xx with Retry-After, then gives the last answer", async () => {
    statuses = [429, 503, 500];
    seen = 0;
    const waits: number[] = [];
    const response = await client(waits).request({ path: "/x" });
    expect(response.status).toBe(500);
    expect(seen).toBe(3);
    expect(waits).toEqual([1000, 1000]);
  });

  it("`throttle` retries 429 only: a 5xx after a multipart upload may mean the session exists", async () => {
    statuses = [429, 503];
    seen = 0;
    const response = await client([]).request({ path: "/x", retry: "throttle" });
    expect(response.status).toBe(503);
    expect(seen).toBe(2);
  });

  it("turns an unexpected status into an ApiProblemError with title, detail and field errors", async () => {
    statuses = [422];
    seen = 0;
    const error = await client([])
      .requestJson({ path: "/x" }, [200], z.unknown())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblemError);
    expect(error).toMatchObject({
      status: 422,
      title: "T422",
      detail: "d",
      errors: [{ field: "f", message: "m" }],
    });
  });
});
