import { Inngest } from "inngest";
import { serve } from "inngest/next";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { childLogger } from "@/lib/logger";
import { embeddedClientOptions } from "./embedded-client-options";
import {
  buildExecutionRequest,
  parseExecutionResponse,
  parseRetryAfter,
  parseSleepUntil,
} from "./inngest-protocol";

const now = new Date("2026-01-01T00:00:00.000Z");

describe("parseSleepUntil", () => {
  it("reads the SDK's time strings and ISO dates", () => {
    expect(parseSleepUntil("1s", now)?.toISOString()).toBe("2026-01-01T00:00:01.000Z");
    expect(parseSleepUntil("2h30m10s", now)?.toISOString()).toBe("2026-01-01T02:30:10.000Z");
    expect(parseSleepUntil("1w1d", now)?.toISOString()).toBe("2026-01-09T00:00:00.000Z");
    expect(parseSleepUntil("2026-02-01T10:00:00.000Z", now)?.toISOString()).toBe("2026-02-01T10:00:00.000Z");
    expect(parseSleepUntil("soon", now)).toBeNull();
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and dates, as RetryAfterError writes them", () => {
    expect(parseRetryAfter("5", now)?.toISOString()).toBe("2026-01-01T00:00:05.000Z");
    expect(parseRetryAfter("2026-01-01T01:00:00.000Z", now)?.toISOString()).toBe("2026-01-01T01:00:00.000Z");
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe("parseExecutionResponse", () => {
  it("fails runs that use step kinds the embedded executor cannot provide, without retrying", async () => {
    const res = new Response(JSON.stringify([{ id: "abc", op: "WaitForEvent", displayName: "wait" }]), {
      status: 206,
    });
    const outcome = await parseExecutionResponse(res, now);
    expect(outcome).toMatchObject({ kind: "function-errored", isRetriable: false });
  });

  it("treats a 500 with x-inngest-no-retry: true as final", async () => {
    const res = new Response(JSON.stringify({ name: "Error", message: "nope" }), {
      status: 500,
      headers: { "x-inngest-no-retry": "true" },
    });
    expect(await parseExecutionResponse(res, now)).toMatchObject({
      kind: "function-errored",
      isRetriable: false,
    });
  });
});

describe("request signing against the SDK's serve() handler", () => {
  const client = new Inngest({
    id: "signing-test",
    logger: childLogger("inngest"),
    ...embeddedClientOptions(),
  });
  const hello = client.createFunction(
    { id: "hello", triggers: [{ event: "test/hello" }] },
    async ({ event }) => ({
      hello: event.data.name,
    }),
  );
  const handler = serve({ client, functions: [hello] });
  const input = {
    servedFunctionId: "signing-test-hello",
    stepId: null,
    event: { name: "test/hello", data: { name: "ada" }, id: "e1", ts: 1 },
    steps: {},
    stack: [],
    runId: "run-1",
    attempt: 0,
    maxAttempts: 1,
    signingKey: client.signingKey ?? "",
    version: -1,
  };

  it("accepts a request signed with the client's key", async () => {
    const res = await handler.POST(new NextRequest(await buildExecutionRequest(input)), undefined);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ hello: "ada" });
    expect(res.headers.get("x-inngest-signature")).toMatch(/^t=\d+&s=[0-9a-f]{64}$/);
  });

  it("refuses a request signed with another key, or a tampered body", async () => {
    const otherKey = embeddedClientOptions().signingKey;
    const forged = await buildExecutionRequest({ ...input, signingKey: otherKey });
    expect((await handler.POST(new NextRequest(forged), undefined)).status).toBe(401);

    const signed = await buildExecutionRequest(input);
    const tampered = new Request(signed.url, {
      method: "POST",
      headers: signed.headers,
      body: (await signed.text()).replace("ada", "eve"),
    });
    expect((await handler.POST(new NextRequest(tampered), undefined)).status).toBe(401);
  });
});
